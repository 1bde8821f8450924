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
  state_after_into(s, e);
  return s;
}

void state_after_into(State& s, const engine::Evaluation& e) {
  std::vector<StageRecord> stages = std::move(s.stages);
  std::vector<GateRecord> gates = std::move(s.gates);
  stages.clear();
  gates.clear();
  s = State{};
  s.plan_digest = e.plan->digest;
  s.plan_name = e.plan->name;
  s.evaluated_at = e.evaluated_at;
  s.plan = e.plan;
  size_t gate_count = 0;
  for (const engine::StageResult& r : e.stages) gate_count += r.gates.size();
  stages.reserve(e.stages.size());
  gates.reserve(gate_count);
  for (const engine::StageResult& r : e.stages) {
    stages.push_back(StageRecord{r.status, r.since});
    for (const engine::GateResult& g : r.gates)
      gates.push_back(GateRecord{g.status, g.since, g.true_since, g.drift_since});
  }
  s.stages = std::move(stages);
  s.gates = std::move(gates);
}

}  // namespace rollgate::state
