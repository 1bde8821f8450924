// One change to a session's inputs at a time (rollgate_session_set_fact*,
// _clear_fact, _set_progress, _add_approval): the same structures the facts
// document loader builds (inputs_loader.hpp), changed in O(log n) each.
//
// Each changes `inputs` in place, so the caller makes sure it is their only
// owner (a report made earlier holds the Inputs it was made from: copy the
// Inputs first, which is cheap).  Persistent parts copy only the nodes on
// the way to what changes where those nodes are shared with an earlier
// copy, so an earlier report never changes, and the next incremental
// evaluation finds exactly the changed entry (a new node) and nothing else
// (engine/incremental.hpp).
#pragma once

#include <optional>
#include <vector>

#include "engine/inputs.hpp"

namespace rollgate::engine {

// Fact `fact` (its index in Plan::facts) becomes `value`, or missing.
void set_fact(Inputs& inputs, size_t fact, std::optional<FactInput> value);

// The progress of `stages` (one stage, or a matrix id's expansions)
// becomes `progress` (one node shared by all), or none (not started).
void set_progress(Inputs& inputs, const std::vector<int>& stages, std::optional<StageProgress> progress);

// Appends an approval (its `stages` resolved) and keeps the approvals'
// index by stage current: O(log stages) per stage it names when the index
// was of the approvals before (as the loader and this leave it).
void add_approval(Inputs& inputs, Approval approval, size_t stage_count);

}  // namespace rollgate::engine
