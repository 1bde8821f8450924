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

}  // namespace rollgate::plan
