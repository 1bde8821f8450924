#include "engine/blockers.hpp"
#include "engine/evaluation.hpp"
#include "engine/gate_verdict.hpp"
#include "engine/stage_status.hpp"

namespace rollgate::engine {

const char* to_string(GateStatus status) {
  switch (status) {
    case GateStatus::Pass: return "pass";
    case GateStatus::Fail: return "fail";
    case GateStatus::Unknown: return "unknown";
    case GateStatus::Error: return "error";
    case GateStatus::Soaking: return "soaking";
  }
  return "unknown";
}

const char* to_string(StageStatus status) {
  switch (status) {
    case StageStatus::Blocked: return "blocked";
    case StageStatus::Unknown: return "unknown";
    case StageStatus::Soaking: return "soaking";
    case StageStatus::Waiting: return "waiting";
    case StageStatus::Frozen: return "frozen";
    case StageStatus::Ready: return "ready";
    case StageStatus::InProgress: return "in_progress";
    case StageStatus::Done: return "done";
    case StageStatus::Held: return "held";
    case StageStatus::Cancelled: return "cancelled";
  }
  return "unknown";
}

Evaluation evaluate(std::shared_ptr<const plan::Plan> plan, std::shared_ptr<const Inputs> inputs,
                    cel::Timestamp now) {
  Evaluation e;
  e.plan = std::move(plan);
  e.inputs = std::move(inputs);
  e.evaluated_at = now;
  e.warnings = e.inputs->warnings;
  Activation activation = make_activation(*e.plan, *e.inputs, now);
  for (size_t s = 0; s < e.plan->stages.size(); ++s) {
    StageResult r;
    r.stage = &e.plan->stages[s];
    r.since = now;  // rule 14: no earlier state, so every since is now
    for (const plan::Gate& gate : r.stage->gates)
      r.gates.push_back(gate_verdict(*e.plan, gate, *e.inputs, activation, now));
    decide_stage_status(r, int(s), *e.plan, *e.inputs, now);
    e.stages.push_back(std::move(r));
  }
  summarize(e);
  return e;
}

}  // namespace rollgate::engine
