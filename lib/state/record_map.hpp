// Which record of a state belongs to each stage and gate of a plan.
//
// A state an evaluation made under this very plan is matched by position,
// without looking at an id.  A state read from a file, or made under
// another version of the plan (rule 19), is matched by id through its
// hashed look-ups, once per evaluation.
#pragma once

#include <vector>

#include "plan/model.hpp"
#include "state/state.hpp"

namespace rollgate::state {

class RecordMap {
 public:
  RecordMap(const State& state, const plan::Plan& plan);

  // The record with the stage's id, or null.
  const StageRecord* stage(size_t s) const {
    int at = identity_ ? int(s) : stages_[s];
    return at < 0 ? nullptr : &state_->stages[size_t(at)];
  }
  // The record with the id of the plan's flattened gate `g`, or null.
  const GateRecord* gate(size_t g) const {
    int at = identity_ ? int(g) : gates_[g];
    return at < 0 ? nullptr : &state_->gates[size_t(at)];
  }
  // The same, but null when the gate was redefined since the record was
  // made (its definition digest differs, rule 19): such a record is not
  // carried on.
  const GateRecord* same_gate(size_t g) const {
    if (identity_) return &state_->gates[g];
    return redefined_[g] ? nullptr : gate(g);
  }
  // The definition digest the record of gate `g` was made under, when
  // there is a record and the map is not the identity.
  const std::string& record_definition(size_t g) const {
    return ids_->gate_definitions[size_t(gates_[g])];
  }
  // Whether the state was made under this very plan object.
  bool identity() const { return identity_; }
  // The ids of every record of the state, when the map is not the identity.
  const RecordIds& ids() const { return *ids_; }

 private:
  const State* state_;
  bool identity_;
  std::shared_ptr<const RecordIds> ids_;  // not identity: the state's ids
  std::vector<int> stages_, gates_;  // record index, or -1 (not identity)
  std::vector<bool> redefined_;      // per gate (not identity)
};

}  // namespace rollgate::state
