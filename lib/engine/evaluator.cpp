#include "engine/blockers.hpp"
#include "engine/evaluate_steps.hpp"
#include "engine/evaluation.hpp"
#include "engine/gate_verdict.hpp"
#include "engine/history.hpp"
#include "engine/stage_status.hpp"
#include "state/state.hpp"
#include "support/prefetch.hpp"

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

namespace {

// Asks the CPU to fetch what evaluating the stages ahead will read: at a
// hundred thousand gates every compiled program and its fast-path nodes are
// a cache miss, and the gates are evaluated in an order known in advance.
// Two stages ahead the program objects; one stage ahead, with those in
// cache, the nodes they point to.
void prefetch_programs(const plan::Stage& stage) {
  for (const plan::Gate& gate : stage.gates) {
    const char* program = reinterpret_cast<const char*>(gate.program.get());
    if (!program) continue;
    prefetch(program);
    prefetch(program + 64);
  }
}

void prefetch_nodes(const plan::Stage& stage) {
  for (const plan::Gate& gate : stage.gates)
    if (gate.program) gate.program->prefetch();
}

// Evaluates one stage into `r` (reusing its vectors' memory): its gates
// (soaks carried on from their records), its status, then since and drift
// from its history.
void evaluate_stage(StageResult& r, const Evaluation& e, int s, const Activation& activation,
                    const StageHistory& history, EvaluationMeter& meter) {
  std::vector<GateResult> gates = std::move(r.gates);
  std::vector<ApprovalCount> approvals = std::move(r.approvals);
  gates.clear();
  approvals.clear();
  r = StageResult{};
  r.gates = std::move(gates);
  r.approvals = std::move(approvals);
  r.stage = &e.plan->stages[size_t(s)];
  r.gates.reserve(r.stage->gates.size());
  for (size_t i = 0; i < r.stage->gates.size(); ++i)
    r.gates.push_back(gate_verdict(*e.plan, r.stage->gates[i], *e.inputs, activation,
                                   e.evaluated_at, history.gate(i), meter));
  decide_stage_status(r, s, *e.plan, *e.inputs, e.evaluated_at);
  carry_history(r, history, e.evaluated_at);
}

// Every stage's and gate's status change from `base` to `patched`, each
// stage followed by its gates, in plan order.
std::vector<StatusChange> status_changes(const Evaluation& base, const Evaluation& patched) {
  std::vector<StatusChange> changes;
  for (size_t s = 0; s < base.stages.size(); ++s) {
    const StageResult& from = base.stages[s];
    const StageResult& to = patched.stages[s];
    if (from.status != to.status)
      changes.push_back({from.stage->id, to_string(from.status), to_string(to.status)});
    for (size_t i = 0; i < from.gates.size(); ++i)
      if (from.gates[i].status != to.gates[i].status)
        changes.push_back({from.gates[i].gate->full_id, to_string(from.gates[i].status),
                           to_string(to.gates[i].status)});
  }
  return changes;
}

}  // namespace

void evaluate_into(Evaluation& e, std::shared_ptr<const plan::Plan> plan, std::shared_ptr<const Inputs> inputs,
                   cel::Timestamp now, const state::State* previous, const Activation& activation,
                   EvaluationMeter& meter) {
  e.plan = std::move(plan);
  e.inputs = std::move(inputs);
  e.evaluated_at = now;
  e.warnings = e.inputs->warnings;
  e.has_previous_state = previous != nullptr;
  e.blockers.clear();
  e.next.clear();
  e.target = TargetResult{};
  e.transitions.clear();
  e.what_if.reset();
  e.state.reset();
  std::optional<state::RecordMap> records;
  if (previous) records.emplace(*previous, *e.plan);
  e.stages.resize(e.plan->stages.size());
  size_t first_gate = 0;
  for (size_t s = 0; s < e.stages.size(); ++s) {
    if (s + 2 < e.stages.size()) prefetch_programs(e.plan->stages[s + 2]);
    if (s + 1 < e.stages.size()) prefetch_nodes(e.plan->stages[s + 1]);
    StageHistory history(records ? &*records : nullptr, s, first_gate);
    evaluate_stage(e.stages[s], e, int(s), activation, history, meter);
    first_gate += e.stages[s].gates.size();
  }
  if (previous) {
    list_transitions(e, *records);
    warn_if_plan_changed(e, *previous, *records);
  }
  summarize(e);
}

Evaluation evaluate_with(std::shared_ptr<const plan::Plan> plan, std::shared_ptr<const Inputs> inputs,
                         cel::Timestamp now, const state::State* previous, const Activation& activation,
                         EvaluationMeter& meter) {
  Evaluation e;
  evaluate_into(e, std::move(plan), std::move(inputs), now, previous, activation, meter);
  return e;
}

Evaluation evaluate(std::shared_ptr<const plan::Plan> plan, std::shared_ptr<const Inputs> inputs,
                    cel::Timestamp now, std::shared_ptr<const state::State> previous, EvaluationMeter* meter) {
  EvaluationMeter defaults;
  Activation activation = make_activation(*plan, *inputs, now);
  Evaluation e = evaluate_with(std::move(plan), std::move(inputs), now, previous.get(), activation,
                               meter ? *meter : defaults);
  e.state = std::make_shared<const state::State>(state::state_after(e));
  return e;
}

Evaluation evaluate_what_if(std::shared_ptr<const plan::Plan> plan,
                            std::shared_ptr<const Inputs> inputs,
                            std::shared_ptr<const Inputs> patched, cel::Timestamp now,
                            std::shared_ptr<const state::State> previous, EvaluationMeter* meter) {
  EvaluationMeter defaults;
  EvaluationMeter& m = meter ? *meter : defaults;
  m.set_phase("what-if, the session's inputs");
  Evaluation base = evaluate(plan, std::move(inputs), now, previous, &m);
  m.set_phase("what-if, the patched inputs");
  Evaluation e = evaluate(std::move(plan), std::move(patched), now, std::move(previous), &m);
  m.set_phase(nullptr);
  e.what_if = status_changes(base, e);
  e.state = nullptr;
  return e;
}

}  // namespace rollgate::engine
