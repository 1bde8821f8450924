// What the previous state means for this evaluation (DESIGN rules 15–19):
// the records that still apply, since when each status has held, drift on
// started stages, the transitions, and the warning when the plan changed.
#pragma once

#include <vector>

#include "engine/evaluation.hpp"
#include "state/record_map.hpp"
#include "state/state.hpp"

namespace rollgate::engine {

// The previous records of one stage and of its gates, read through the
// state's RecordMap (no copy).  A gate record whose definition digest
// differs from the gate's is not used (rule 19).
class StageHistory {
 public:
  // `records` may be null (a first evaluation): then every record is null.
  // `stage` is the stage's index, `first_gate` the flattened index of its
  // first gate.
  StageHistory(const state::RecordMap* records, size_t stage, size_t first_gate)
      : records_(records), stage_(stage), first_gate_(first_gate) {}

  const state::StageRecord* stage() const { return records_ ? records_->stage(stage_) : nullptr; }
  // The record of the stage's gate `i`, or null.
  const state::GateRecord* gate(size_t i) const {
    return records_ ? records_->same_gate(first_gate_ + i) : nullptr;
  }

 private:
  const state::RecordMap* records_;
  size_t stage_, first_gate_;
};

// Sets `since` of the stage and of its gates, and their drift (rule 17),
// once the stage's status is decided.
void carry_history(StageResult& r, const StageHistory& history, cel::Timestamp now);

// Rule 18 for one stage: the stage, then its gates, each whose status
// differs from its record (no record: from null).
void add_stage_transitions(Evaluation& e, const StageResult& r, const StageHistory& history);

// Rule 18: every stage and gate whose status differs from its record in
// `records`, each stage followed by its gates, in plan order.
void list_transitions(Evaluation& e, const state::RecordMap& records);

// Rule 19: when the state was saved under another plan, one warning says
// so and lists the stages and gates added, removed and redefined.
// `records` maps `previous` onto the evaluation's plan.
void warn_if_plan_changed(Evaluation& e, const state::State& previous, const state::RecordMap& records);

}  // namespace rollgate::engine
