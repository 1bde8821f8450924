#include "state/state.hpp"

namespace rollgate::state {

void RecordIds::build_index() {
  stage_index.clear();
  gate_index.clear();
  stage_index.reserve(stages.size());
  gate_index.reserve(gates.size());
  for (size_t i = 0; i < stages.size(); ++i) stage_index.emplace(stages[i], int(i));
  for (size_t i = 0; i < gates.size(); ++i) gate_index.emplace(gates[i], int(i));
}

std::vector<int> gate_offsets(const plan::Plan& plan) {
  std::vector<int> offsets;
  offsets.reserve(plan.stages.size() + 1);
  int g = 0;
  for (const plan::Stage& stage : plan.stages) {
    offsets.push_back(g);
    g += int(stage.gates.size());
  }
  offsets.push_back(g);
  return offsets;
}

State state_after(const engine::Evaluation& e) {
  State s;
  s.plan_digest = e.plan->digest;
  s.plan_name = e.plan->name;
  s.evaluated_at = e.evaluated_at;
  s.plan = e.plan;
  s.stages.reserve(e.stages.size());
  size_t gate_count = 0;
  for (const engine::StageResult& r : e.stages) gate_count += r.gates.size();
  s.gates.reserve(gate_count);
  for (const engine::StageResult& r : e.stages) {
    s.stages.push_back(StageRecord{r.status, r.since});
    for (const engine::GateResult& g : r.gates)
      s.gates.push_back(GateRecord{g.status, g.since, g.true_since, g.drift_since});
  }
  return s;
}

}  // namespace rollgate::state
