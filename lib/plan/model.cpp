#include "plan/model.hpp"

namespace rollgate::plan {

const char* to_string(GateKind kind) {
  switch (kind) {
    case GateKind::Must: return "must";
    case GateKind::Should: return "should";
    case GateKind::Advisory: return "advisory";
  }
  return "must";
}

const char* to_string(OnUnknown on_unknown) {
  switch (on_unknown) {
    case OnUnknown::Hold: return "hold";
    case OnUnknown::Block: return "block";
    case OnUnknown::Ignore: return "ignore";
  }
  return "hold";
}

const FactDecl* Plan::find_fact(std::string_view name) const {
  for (const FactDecl& f : facts)
    if (f.name == name) return &f;
  return nullptr;
}

const std::vector<int>* Plan::find_stage_group(std::string_view id) const {
  auto it = stage_groups.find(id);
  return it == stage_groups.end() ? nullptr : &it->second;
}

std::vector<std::string> Plan::stage_group_names() const {
  std::vector<std::string> names;
  for (const auto& [name, stages] : stage_groups) names.push_back(name);
  return names;
}

}  // namespace rollgate::plan
