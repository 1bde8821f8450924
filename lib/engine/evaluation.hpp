// The outcome of evaluating a plan's inputs at one instant: every gate's
// verdict with its evidence, every stage's status, the ranked blockers, the
// stages that may start, and the target.  Reports (JSON, text) render it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cel/time.hpp"
#include "cel/value.hpp"
#include "engine/inputs.hpp"
#include "plan/model.hpp"

namespace rollgate::engine {

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

struct GateResult {
  const plan::Gate* gate = nullptr;
  GateStatus status = GateStatus::Unknown;
  cel::Timestamp since;
  std::optional<bool> value;               // the expression's bool, if it had one
  std::string message;                     // why, for people
  std::optional<cel::Duration> remaining;  // soaking: time left to hold
  std::vector<Evidence> evidence;
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
  std::vector<std::string> reasons;  // why this status, one line each
};

struct Blocker {
  std::string kind;    // "gate", "approval", "stage"
  std::string id;      // "pilot/uptime", "pilot/approval:security", "pilot"
  int stage = 0;       // the stage it belongs to
  std::string status;  // the gate's or stage's status
  std::string owner;
  std::string message;
  std::vector<int> holds_back;  // stage indices, plan order
};

struct TargetResult {
  std::string id;       // "" when the plan names no target (all stages)
  std::string status;   // a stage status, or done / ready / not_ready
  bool met = false;     // every stage of the target ready or done
  std::vector<std::string> blocked_by;  // blocker ids
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
};

// Evaluates `inputs` against `plan` at `now`.  Pure: the same arguments give
// the same Evaluation.  Never throws except std::bad_alloc.
Evaluation evaluate(std::shared_ptr<const plan::Plan> plan, std::shared_ptr<const Inputs> inputs,
                    cel::Timestamp now);

}  // namespace rollgate::engine
