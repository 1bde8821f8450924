// The outcome of evaluating a plan's inputs at one instant: every gate's
// verdict with its evidence, every stage's status, the ranked blockers, the
// stages that may start, and the target.  Reports (JSON, text) render it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cel/common/time.hpp"
#include "cel/common/value.hpp"
#include "engine/inputs.hpp"
#include "plan/model.hpp"

namespace rollgate::state {
struct State;
}

namespace rollgate::engine {

class EvaluationMeter;  // engine/evaluation_limits.hpp

enum class GateStatus { Pass, Fail, Unknown, Error, Soaking };
enum class StageStatus {
  Blocked, Unknown, Soaking, Waiting, Frozen, Ready, InProgress, Done, Held, Cancelled
};
const char* to_string(GateStatus status);
const char* to_string(StageStatus status);

// One fact a verdict read.
struct Evidence {
  const plan::FactDecl* fact = nullptr;
  const FactInput* input = nullptr;  // null when the fact is missing
  bool stale = false;
};

// A gate's verdict.  What it says for people (the message, the evidence)
// is formatted only when a report is rendered: gate_message() and
// gate_evidence() in engine/gate_verdict.hpp.
struct GateResult {
  const plan::Gate* gate = nullptr;
  GateStatus status = GateStatus::Unknown;
  cel::Timestamp since;
  std::optional<bool> value;               // the expression's bool, if it had one
  // The expression's result when it was not a bool: the unknown (with its
  // slots) or the error, or the value of the wrong type.  Null otherwise.
  cel::Value result;
  std::optional<cel::Duration> remaining;  // soaking: time left to hold
  // Since when the expression has been true without a break (pass and
  // soaking only; DESIGN rules 15, 16).
  std::optional<cel::Timestamp> true_since;
  // Set while the gate drifts: when the drift began (rule 17).
  std::optional<cel::Timestamp> drift_since;
};

struct ApprovalCount {
  const plan::ApprovalRequirement* requirement = nullptr;
  std::vector<std::string> approvers;  // distinct people that count
};

struct StageResult {
  const plan::Stage* stage = nullptr;
  StageStatus status = StageStatus::Waiting;
  std::optional<double> score;  // null without should-gates
  cel::Timestamp since;
  std::vector<GateResult> gates;
  std::vector<ApprovalCount> approvals;
  // Why this status, one line each, is formatted when a report is rendered:
  // stage_reasons() in engine/stage_status.hpp.
  bool drift = false;                // some gate of the stage drifts (rule 17)
};

// The most held-back stages a Blocker lists; holds_back_count has them all,
// and blocker_held_back() (engine/blockers.hpp) gives the full set.
inline constexpr size_t kHoldsBackListed = 10;

// Its message is formatted when a report is rendered: blocker_message() in
// engine/blockers.hpp.
struct Blocker {
  std::string kind;    // "gate", "approval", "stage"
  std::string id;      // "pilot/uptime", "pilot/approval:security", "pilot"
  int stage = 0;       // the stage it belongs to
  int gate = -1;       // gate: index in StageResult::gates
  int approval = -1;   // approval: index in StageResult::approvals
  std::string status;  // the gate's or stage's status
  std::string owner;
  // The stages not yet started that it keeps from starting: how many, and
  // the first kHoldsBackListed of them (stage indices, plan order).
  size_t holds_back_count = 0;
  std::vector<int> holds_back;
};

// One thing that must change for the target to become ready (rule 22).
struct TargetBlocker {
  enum class Kind { Gate, Approval, Freeze, Stage };
  Kind kind = Kind::Stage;
  int stage = 0;                          // gate, approval, stage: its stage index
  int gate = -1;                          // gate: index in StageResult::gates
  int approval = -1;                      // approval: index in StageResult::approvals
  const plan::Freeze* freeze = nullptr;   // freeze: points into the plan
  std::vector<int> freeze_stages;         // freeze: the path stages it covers
};
const char* to_string(TargetBlocker::Kind kind);

struct TargetResult {
  std::string id;       // "" when the plan names no target (all stages)
  std::string status;   // a stage status, or done / ready / not_ready
  bool met = false;     // every stage of the target ready or done
  // Rule 22: the stages not yet done that the target depends on (itself
  // included), topological order with ties in plan order; the longest chain
  // of them ending at the target; and what must change.
  std::vector<int> path;
  std::vector<int> critical_path;
  std::vector<TargetBlocker> blocked_by;
};

// A gate or stage whose status differs from its previous record (rule 18).
struct Transition {
  std::string id;                   // stage id, or full gate id
  std::optional<std::string> from;  // null: new to the plan, or redefined
  std::string to;
};

// A stage or gate whose status a what-if patch changes (rule 21).
struct StatusChange {
  std::string id;
  std::string from;
  std::string to;
};

struct Evaluation {
  std::shared_ptr<const plan::Plan> plan;
  std::shared_ptr<const Inputs> inputs;  // the evidence points into it
  cel::Timestamp evaluated_at;
  std::vector<StageResult> stages;  // plan order
  std::vector<Blocker> blockers;    // ranked
  std::vector<int> next;            // ready stages, plan order
  TargetResult target;
  std::vector<std::string> warnings;
  // Whether a previous state was given: without one, no drift or
  // transitions are reported (rule 14).
  bool has_previous_state = false;
  std::vector<Transition> transitions;  // each stage, then its gates; plan order
  // Present for a what-if evaluation (rule 21): what the patch changed.
  std::optional<std::vector<StatusChange>> what_if;
  // The state this evaluation leaves for the next one (rule 15); null for a
  // what-if, which changes no state.
  std::shared_ptr<const state::State> state;
};

// Evaluates `inputs` against `plan` at `now`, carrying soak, drift and
// since from `previous` (the last evaluation's state; null for a first
// evaluation).  Pure: the same arguments give the same Evaluation.  The
// caller checks that `previous` is not from after `now`
// (state::check_not_after).  Gates are evaluated within the limits of
// `meter` (null: the defaults, engine/evaluation_limits.hpp).  Never throws
// except std::bad_alloc, and EvaluationStopped when the meter's
// whole-evaluation bounds stop it.
Evaluation evaluate(std::shared_ptr<const plan::Plan> plan, std::shared_ptr<const Inputs> inputs,
                    cel::Timestamp now, std::shared_ptr<const state::State> previous = nullptr,
                    EvaluationMeter* meter = nullptr);

// Rule 21: evaluates `patched` inputs at the same instant and state as
// `inputs` without making new state, and lists in what_if every stage and
// gate whose status differs from the unpatched evaluation.  Both
// evaluations go through `meter` (null: the default limits).
Evaluation evaluate_what_if(std::shared_ptr<const plan::Plan> plan,
                            std::shared_ptr<const Inputs> inputs,
                            std::shared_ptr<const Inputs> patched, cel::Timestamp now,
                            std::shared_ptr<const state::State> previous,
                            EvaluationMeter* meter = nullptr);

}  // namespace rollgate::engine
