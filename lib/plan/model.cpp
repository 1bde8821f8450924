#include "plan/model.hpp"

#include <algorithm>

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
  if (names_indexed) {
    auto it = fact_index.find(name);
    return it == fact_index.end() ? nullptr : &facts[size_t(it->second)];
  }
  for (const FactDecl& f : facts)  // the plan is still being built
    if (f.name == name) return &f;
  return nullptr;
}

const std::vector<int>* Plan::find_stage_group(std::string_view id) const {
  if (names_indexed) {
    auto it = stage_group_index.find(id);
    return it == stage_group_index.end() ? nullptr : &it->second;
  }
  auto it = stage_groups.find(id);  // the plan is still being built
  return it == stage_groups.end() ? nullptr : &it->second;
}

int Plan::find_stage(std::string_view id) const {
  if (names_indexed) {
    auto it = stage_index.find(id);
    return it == stage_index.end() ? -1 : it->second;
  }
  for (size_t s = 0; s < stages.size(); ++s)
    if (stages[s].id == id) return int(s);
  return -1;
}

int Plan::stage_variable_of_slot(int slot) const {
  if (names_indexed)
    return slot >= 0 && size_t(slot) < slot_stage_variable.size() ? slot_stage_variable[size_t(slot)] : -1;
  for (size_t i = 0; i < stage_variables.size(); ++i)
    if (slot == stage_variables[i].started_at_slot || slot == stage_variables[i].done_at_slot) return int(i);
  return -1;
}

void Plan::build_indexes() {
  fact_index.clear();
  fact_index.reserve(facts.size());
  for (size_t i = 0; i < facts.size(); ++i) fact_index.emplace(facts[i].name, int(i));
  stage_index.clear();
  stage_index.reserve(stages.size());
  for (size_t s = 0; s < stages.size(); ++s) stage_index.emplace(stages[s].id, int(s));
  stage_group_index.clear();
  stage_group_index.reserve(stage_groups.size());
  for (const auto& [id, group] : stage_groups) stage_group_index.emplace(id, group);
  int slots = 0;
  for (const StageVariables& var : stage_variables)
    slots = std::max({slots, var.started_at_slot + 1, var.done_at_slot + 1});
  slot_stage_variable.assign(size_t(slots), -1);
  for (size_t i = 0; i < stage_variables.size(); ++i) {
    // The first variable naming a slot wins, as a linear search would find.
    for (int slot : {stage_variables[i].started_at_slot, stage_variables[i].done_at_slot})
      if (slot >= 0 && slot_stage_variable[size_t(slot)] < 0) slot_stage_variable[size_t(slot)] = int(i);
  }
  index_freezes();
  names_indexed = true;
}

void Plan::index_freezes() {
  global_freezes.clear();
  for (size_t f = 0; f < freezes.size(); ++f)
    if (freezes[f].stages.empty()) global_freezes.push_back(uint32_t(f));
  freezes_by_stage = group_items(stages.size(), freezes.size(),
                                 [&](size_t f) -> const std::vector<int>& { return freezes[f].stages; });
}

std::vector<std::string> Plan::stage_group_names() const {
  std::vector<std::string> names;
  for (const auto& [name, stages] : stage_groups) names.push_back(name);
  return names;
}

}  // namespace rollgate::plan
