#include "state/record_map.hpp"

namespace rollgate::state {

namespace {

// The ids of a state made by an evaluation under another plan object:
// indexed here, once per evaluation that reads it.
std::shared_ptr<const RecordIds> ids_of(const plan::Plan& plan) {
  auto ids = std::make_shared<RecordIds>();
  for (const plan::Stage& stage : plan.stages) {
    ids->stages.push_back(stage.id);
    for (const plan::Gate& gate : stage.gates) {
      ids->gates.push_back(gate.full_id);
      ids->gate_definitions.push_back(gate.definition);
    }
  }
  ids->build_index();
  return ids;
}

}  // namespace

RecordMap::RecordMap(const State& state, const plan::Plan& plan)
    : state_(&state), identity_(state.plan.get() == &plan) {
  if (identity_) return;
  ids_ = state.ids;
  if (!ids_ && state.plan) ids_ = ids_of(*state.plan);
  if (!ids_) ids_ = std::make_shared<const RecordIds>();  // no records at all
  const RecordIds* ids = ids_.get();
  stages_.assign(plan.stages.size(), -1);
  for (size_t s = 0; s < plan.stages.size(); ++s) {
    if (auto it = ids->stage_index.find(plan.stages[s].id); it != ids->stage_index.end())
      stages_[s] = it->second;
    for (const plan::Gate& gate : plan.stages[s].gates) {
      auto it = ids->gate_index.find(gate.full_id);
      bool found = it != ids->gate_index.end();
      gates_.push_back(found ? it->second : -1);
      redefined_.push_back(found && ids->gate_definitions[size_t(it->second)] != gate.definition);
    }
  }
}

}  // namespace rollgate::state
