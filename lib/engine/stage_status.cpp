#include "engine/stage_status.hpp"

#include <algorithm>
#include <set>

#include "engine/describe.hpp"
#include "engine/gate_verdict.hpp"
#include "engine/time_math.hpp"

namespace rollgate::engine {

namespace {

using plan::GateKind;
using plan::OnUnknown;

struct Verdicts {
  bool failed = false;
  bool held = false;    // unknown, and the outcome depends on it
  bool soaking = false; // soaking, and the outcome depends on it
};

// Where the reasons for a status go: nowhere while evaluating (they are
// formatted only when a report is rendered, by stage_reasons()).
struct ReasonSink {
  std::vector<std::string>* lines = nullptr;
  const plan::Plan* plan = nullptr;
  const Inputs* inputs = nullptr;
  cel::Timestamp now;
  explicit operator bool() const { return lines != nullptr; }
  void add(std::string line) const { lines->push_back(std::move(line)); }
};

// Rule 2: the weighted share of passing should-gates against min_score;
// unknown and soaking gates count only when the outcome depends on them.
std::optional<double> score_should_gates(const StageResult& r, Verdicts& v, const ReasonSink& why) {
  double total = 0, pass = 0, hold = 0, soak = 0;
  for (const GateResult& g : r.gates) {
    if (g.gate->kind != GateKind::Should) continue;
    total += g.gate->weight;
    switch (gate_effect(g)) {
      case GateEffect::Pass: pass += g.gate->weight; break;
      case GateEffect::Hold: hold += g.gate->weight; break;
      case GateEffect::Soak: soak += g.gate->weight; break;
      case GateEffect::Fail: break;
    }
  }
  if (total <= 0) return std::nullopt;  // score null; min_score never blocks
  double need = r.stage->min_score;
  if ((pass + hold + soak) / total < need) {
    v.failed = true;
    if (why) why.add("score " + describe_share(pass / total) + " is below min_score " + describe_share(need));
  } else if ((pass + soak) / total < need) {
    v.held = true;
    if (why) why.add("min_score " + describe_share(need) + " depends on should-gates that are unknown");
  } else if (pass / total < need) {
    v.soaking = true;
    if (why) why.add("min_score " + describe_share(need) + " depends on should-gates still soaking");
  }
  return pass / total;
}

void judge_must_gates(const StageResult& r, Verdicts& v, const ReasonSink& why) {
  for (const GateResult& g : r.gates) {
    if (g.gate->kind != GateKind::Must) continue;
    switch (gate_effect(g)) {
      case GateEffect::Fail:
        v.failed = true;
        if (why)
          why.add("gate " + g.gate->id + " is " + to_string(g.status) + ": " +
                  gate_message(*why.plan, *why.inputs, why.now, g));
        break;
      case GateEffect::Hold:
        v.held = true;
        if (why) why.add("gate " + g.gate->id + " is unknown: " + gate_message(*why.plan, *why.inputs, why.now, g));
        break;
      case GateEffect::Soak:
        v.soaking = true;
        if (why) why.add("gate " + g.gate->id + " is soaking: " + gate_message(*why.plan, *why.inputs, why.now, g));
        break;
      case GateEffect::Pass: break;
    }
  }
}

// Rule 8: distinct people of the role, not the requester, not in the
// future, and within max_age when the requirement has one.
void count_approvals(StageResult& r, int stage_index, const Inputs& inputs, cel::Timestamp now,
                     Verdicts& v) {
  if (r.stage->approvals.empty()) return;
  const StageProgress& progress = inputs.progress[size_t(stage_index)];
  // The stage's own approvals, from the index when it is of these inputs.
  const ApprovalIndex* index = inputs.approvals_by_stage.get();
  bool indexed = index && index->indexes(inputs.approvals, inputs.progress.size());
  auto for_each_approval = [&](auto visit) {
    if (indexed) {
      index->for_each_of_stage(size_t(stage_index), [&](uint32_t a) { visit(inputs.approvals[a]); });
      return;
    }
    for (const Approval& a : inputs.approvals)
      if (std::find(a.stages.begin(), a.stages.end(), stage_index) != a.stages.end()) visit(a);
  };
  for (const plan::ApprovalRequirement& req : r.stage->approvals) {
    ApprovalCount count{&req, {}};
    std::set<std::string> people;
    for_each_approval([&](const Approval& a) {
      if (a.role != req.role) return;
      if (!progress.requested_by.empty() && a.by == progress.requested_by) return;
      if (a.at && *a.at > now) return;
      if (req.max_age && (!a.at || elapsed(*a.at, now) > *req.max_age)) return;
      if (people.insert(a.by).second) count.approvers.push_back(a.by);
    });
    if (int(count.approvers.size()) < req.min) v.failed = true;
    r.approvals.push_back(std::move(count));
  }
}

void approval_reasons(const StageResult& r, const ReasonSink& why) {
  for (const ApprovalCount& count : r.approvals)
    if (int(count.approvers.size()) < count.requirement->min)
      why.add("needs " + std::to_string(count.requirement->min) + " approval(s) by " + count.requirement->role +
              ", has " + std::to_string(count.approvers.size()));
}

struct UpstreamState {
  bool cancelled = false;  // blocks this stage (rule 7)
  bool waiting = false;    // some required upstream is not done
};

bool all_done(const std::vector<int>& stages, const Inputs& inputs) {
  return std::all_of(stages.begin(), stages.end(), [&](int s) {
    return inputs.progress[size_t(s)].state == ProgressState::Done;
  });
}

bool any_cancelled(const std::vector<int>& stages, const Inputs& inputs) {
  return std::any_of(stages.begin(), stages.end(), [&](int s) {
    return inputs.progress[size_t(s)].state == ProgressState::Cancelled;
  });
}

UpstreamState judge_upstream(const StageResult& r, const plan::Plan& plan, const Inputs& inputs,
                             const ReasonSink& why) {
  UpstreamState u;
  const plan::Stage& stage = *r.stage;
  size_t cancelled = 0, done = 0;
  for (const plan::Upstream& up : stage.after) {
    if (any_cancelled(up.stages, inputs)) {
      ++cancelled;
      if (stage.join == plan::Join::All && why) why.add("upstream " + up.id + " is cancelled");
    } else if (all_done(up.stages, inputs)) {
      ++done;
    } else if (stage.join == plan::Join::All && why) {
      why.add("waiting for " + up.id);
    }
  }
  if (stage.join == plan::Join::All) {
    u.cancelled = cancelled > 0;
    u.waiting = done < stage.after.size();
  } else if (!stage.after.empty()) {
    u.cancelled = cancelled == stage.after.size();
    u.waiting = done == 0;
    if (u.cancelled && why) why.add("every upstream is cancelled");
    else if (u.waiting && why) why.add("waiting for any of its upstream stages");
  }
  // A sequential matrix copy also waits for the copy before it.
  if (stage.previous_expansion) {
    int prev = *stage.previous_expansion;
    const std::string& prev_id = plan.stages[size_t(prev)].id;
    if (inputs.progress[size_t(prev)].state == ProgressState::Cancelled) {
      u.cancelled = true;
      if (why) why.add("upstream " + prev_id + " is cancelled");
    } else if (inputs.progress[size_t(prev)].state != ProgressState::Done) {
      u.waiting = true;
      if (why) why.add("waiting for " + prev_id);
    }
  }
  return u;
}

// The first freeze in plan order that is in force and covers the stage:
// the freezes naming it and those covering every stage, merged (both lists
// are in plan order), without looking at any other freeze.
const plan::Freeze* active_freeze(const plan::Plan& plan, int stage_index, cel::Timestamp now) {
  auto in_force = [&](int f) {
    const plan::Freeze& freeze = plan.freezes[size_t(f)];
    return !(now < freeze.from) && now < freeze.to;
  };
  if (!plan.freezes_by_stage.covers(plan.stages.size())) {  // a plan not indexed (built by hand)
    for (size_t f = 0; f < plan.freezes.size(); ++f) {
      const std::vector<int>& covered = plan.freezes[f].stages;
      if (in_force(int(f)) && (covered.empty() || std::find(covered.begin(), covered.end(), stage_index) != covered.end()))
        return &plan.freezes[f];
    }
    return nullptr;
  }
  std::span<const uint32_t> own = plan.freezes_by_stage.of(size_t(stage_index));
  const std::vector<uint32_t>& all = plan.global_freezes;
  for (size_t i = 0, j = 0; i < own.size() || j < all.size();) {
    uint32_t f = j == all.size() || (i < own.size() && own[i] < all[j]) ? own[i++] : all[j++];
    if (in_force(int(f))) return &plan.freezes[f];
  }
  return nullptr;
}

// Progress a person set decides the status of a started, held or
// cancelled stage whatever its gates and upstream say (rule 7).
std::optional<StageStatus> status_from_progress(ProgressState state) {
  switch (state) {
    case ProgressState::InProgress: return StageStatus::InProgress;
    case ProgressState::Done: return StageStatus::Done;
    case ProgressState::Held: return StageStatus::Held;
    case ProgressState::Cancelled: return StageStatus::Cancelled;
    case ProgressState::NotStarted:
    case ProgressState::RolledBack: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

GateEffect gate_effect(const GateResult& g) {
  switch (g.status) {
    case GateStatus::Pass: return GateEffect::Pass;
    case GateStatus::Fail:
    case GateStatus::Error: return GateEffect::Fail;
    case GateStatus::Soaking: return GateEffect::Soak;
    case GateStatus::Unknown:
      switch (g.gate->on_unknown) {
        case OnUnknown::Block: return GateEffect::Fail;
        case OnUnknown::Ignore: return GateEffect::Pass;
        case OnUnknown::Hold: return GateEffect::Hold;
      }
  }
  return GateEffect::Hold;
}

void decide_stage_status(StageResult& r, int stage_index, const plan::Plan& plan,
                         const Inputs& inputs, cel::Timestamp now) {
  Verdicts v;
  const ReasonSink none;
  r.score = score_should_gates(r, v, none);  // the score is reported for every stage
  const StageProgress& progress = inputs.progress[size_t(stage_index)];
  if (std::optional<StageStatus> set = status_from_progress(progress.state)) {
    r.status = *set;
    return;
  }
  judge_must_gates(r, v, none);
  count_approvals(r, stage_index, inputs, now, v);
  UpstreamState upstream = judge_upstream(r, plan, inputs, none);
  if (v.failed || upstream.cancelled) r.status = StageStatus::Blocked;
  else if (v.held) r.status = StageStatus::Unknown;
  else if (v.soaking) r.status = StageStatus::Soaking;
  else if (upstream.waiting) r.status = StageStatus::Waiting;
  else if (active_freeze(plan, stage_index, now)) r.status = StageStatus::Frozen;
  else r.status = StageStatus::Ready;
}

std::vector<std::string> stage_reasons(const plan::Plan& plan, const Inputs& inputs, cel::Timestamp now,
                                       const StageResult& r) {
  std::vector<std::string> lines;
  int stage_index = int(r.stage - plan.stages.data());
  const StageProgress& progress = inputs.progress[size_t(stage_index)];
  if (status_from_progress(progress.state)) {
    // Gate problems of a started stage are not why it has this status.
    if (!progress.reason.empty()) lines.push_back(progress.reason);
    return lines;
  }
  // The same judgements as decide_stage_status(), in the same order, now
  // saying why.
  ReasonSink why{&lines, &plan, &inputs, now};
  Verdicts v;
  score_should_gates(r, v, why);
  judge_must_gates(r, v, why);
  approval_reasons(r, why);
  judge_upstream(r, plan, inputs, why);
  // A freeze in force is said whatever the status: a stage blocked now
  // would be frozen once unblocked, which its owner should know.
  if (const plan::Freeze* f = active_freeze(plan, stage_index, now))
    lines.push_back((r.status == StageStatus::Frozen ? "frozen until " : "a freeze is in force until ") +
                    cel::format_timestamp(f->to) + (f->reason.empty() ? "" : ": " + f->reason));
  return lines;
}

std::vector<std::string> stage_reasons(const Evaluation& e, const StageResult& r) {
  return stage_reasons(*e.plan, *e.inputs, e.evaluated_at, r);
}

}  // namespace rollgate::engine
