#include "state/state.hpp"

namespace rollgate::state {

State state_after(const engine::Evaluation& e) {
  State s;
  s.plan_digest = e.plan->digest;
  s.plan_name = e.plan->name;
  s.evaluated_at = e.evaluated_at;
  s.stages.reserve(e.stages.size());
  for (const engine::StageResult& r : e.stages) {
    s.stages.emplace(r.stage->id, StageRecord{r.status, r.since});
    for (const engine::GateResult& g : r.gates)
      s.gates.emplace(g.gate->full_id,
                      GateRecord{g.status, g.since, g.gate->definition, g.true_since, g.drift_since});
  }
  return s;
}

}  // namespace rollgate::state
