#include "engine/blockers.hpp"

#include <algorithm>

#include "engine/stage_status.hpp"
#include "engine/target_path.hpp"

namespace rollgate::engine {

namespace {

bool not_started(StageStatus s) {
  return s != StageStatus::InProgress && s != StageStatus::Done && s != StageStatus::Cancelled;
}

// The stages not yet started that `stage` holds back: itself (when asked)
// and everything downstream of it, in plan order.
std::vector<int> held_back(const Evaluation& e, int stage, bool include_self) {
  const plan::Plan& plan = *e.plan;
  std::vector<bool> seen(plan.stages.size(), false);
  std::vector<int> todo{stage};
  seen[size_t(stage)] = true;
  while (!todo.empty()) {
    int s = todo.back();
    todo.pop_back();
    for (int next : plan.successors[size_t(s)])
      if (!seen[size_t(next)]) {
        seen[size_t(next)] = true;
        todo.push_back(next);
      }
  }
  std::vector<int> out;
  for (size_t s = 0; s < seen.size(); ++s) {
    if (!seen[s] || (int(s) == stage && !include_self)) continue;
    if (not_started(e.stages[s].status)) out.push_back(int(s));
  }
  return out;
}

std::string owner_of(const plan::Plan& plan, const std::string& own, const plan::Stage& stage) {
  if (!own.empty()) return own;
  if (!stage.owner.empty()) return stage.owner;
  return plan.owners.empty() ? "" : plan.owners.front();
}

bool gate_holds(const GateResult& g, const StageResult& r) {
  if (gate_effect(g) == GateEffect::Pass) return false;
  if (g.gate->kind == plan::GateKind::Must) return true;
  // A should-gate holds the stage back only while the score falls short.
  return g.gate->kind == plan::GateKind::Should && r.score && *r.score < r.stage->min_score;
}

void add_gate_blockers(Evaluation& e, int s) {
  const StageResult& r = e.stages[size_t(s)];
  std::vector<int> holds = held_back(e, s, true);
  for (const GateResult& g : r.gates) {
    if (!gate_holds(g, r)) continue;
    e.blockers.push_back({"gate", g.gate->full_id, s, to_string(g.status),
                          owner_of(*e.plan, g.gate->owner, *r.stage), g.message, holds});
  }
  for (const ApprovalCount& a : r.approvals) {
    if (int(a.approvers.size()) >= a.requirement->min) continue;
    e.blockers.push_back({"approval", r.stage->id + "/approval:" + a.requirement->role, s, "missing",
                          a.requirement->role,
                          "needs " + std::to_string(a.requirement->min) + " approval(s) by " +
                              a.requirement->role + ", has " + std::to_string(a.approvers.size()),
                          holds});
  }
}

void add_stage_blocker(Evaluation& e, int s) {
  const StageResult& r = e.stages[size_t(s)];
  std::vector<int> holds = held_back(e, s, false);
  if (holds.empty()) return;
  std::string message;
  switch (r.status) {
    case StageStatus::Ready: message = "ready to start"; break;
    case StageStatus::InProgress: message = "in progress, not yet done"; break;
    case StageStatus::Cancelled: message = "cancelled; the stages after it cannot start"; break;
    default: message = r.reasons.empty() ? to_string(r.status) : r.reasons.front();
  }
  e.blockers.push_back({"stage", r.stage->id, s, to_string(r.status),
                        owner_of(*e.plan, "", *r.stage), message, holds});
}

void decide_target(Evaluation& e) {
  const plan::Plan& plan = *e.plan;
  TargetResult& t = e.target;
  t.id = plan.target_id;
  std::vector<int> stages = plan.target;
  if (t.id.empty())
    for (size_t s = 0; s < plan.stages.size(); ++s) stages.push_back(int(s));
  bool all_done = true;
  t.met = true;
  for (int s : stages) {
    StageStatus st = e.stages[size_t(s)].status;
    all_done = all_done && st == StageStatus::Done;
    t.met = t.met && (st == StageStatus::Done || st == StageStatus::Ready);
  }
  if (stages.size() == 1 && !t.id.empty()) t.status = to_string(e.stages[size_t(stages[0])].status);
  else t.status = all_done ? "done" : t.met ? "ready" : "not_ready";
  trace_target_path(e);  // rule 22: path, critical_path, blocked_by
}

}  // namespace

void summarize(Evaluation& e) {
  for (size_t s = 0; s < e.stages.size(); ++s) {
    switch (e.stages[s].status) {
      case StageStatus::Blocked:
      case StageStatus::Unknown:
      case StageStatus::Soaking: add_gate_blockers(e, int(s)); break;
      case StageStatus::Ready: e.next.push_back(int(s)); [[fallthrough]];
      case StageStatus::InProgress:
      case StageStatus::Held:
      case StageStatus::Cancelled:
      case StageStatus::Frozen: add_stage_blocker(e, int(s)); break;
      case StageStatus::Waiting:
      case StageStatus::Done: break;
    }
  }
  std::stable_sort(e.blockers.begin(), e.blockers.end(), [](const Blocker& a, const Blocker& b) {
    return a.holds_back.size() > b.holds_back.size();
  });
  decide_target(e);
}

}  // namespace rollgate::engine
