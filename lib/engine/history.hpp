// What the previous state means for this evaluation (DESIGN rules 15–19):
// the records that still apply, since when each status has held, drift on
// started stages, the transitions, and the warning when the plan changed.
#pragma once

#include <vector>

#include "engine/evaluation.hpp"
#include "state/state.hpp"

namespace rollgate::engine {

// The previous records of one stage and of its gates.  A gate record whose
// definition digest differs from the gate's is not used (rule 19).
struct StageHistory {
  const state::StageRecord* stage = nullptr;
  std::vector<const state::GateRecord*> gates;  // parallel to Stage::gates; null: none
};

// `previous` may be null (a first evaluation): then every record is null.
StageHistory find_history(const state::State* previous, const plan::Stage& stage);

// Sets `since` of the stage and of its gates, and their drift (rule 17),
// once the stage's status is decided.
void carry_history(StageResult& r, const StageHistory& history, cel::Timestamp now);

// Rule 18 for one stage: the stage, then its gates, each whose status
// differs from its record (no record: from null).
void add_stage_transitions(Evaluation& e, const StageResult& r, const StageHistory& history);

// Rule 18: every stage and gate whose status differs from its record,
// each stage followed by its gates, in plan order.
void list_transitions(Evaluation& e, const std::vector<StageHistory>& histories);

// Rule 19: when the state was saved under another plan, one warning says
// so and lists the stages and gates added, removed and redefined.
void warn_if_plan_changed(Evaluation& e, const state::State& previous);

}  // namespace rollgate::engine
