// A session's inputs written back as a facts document (docs/FACTS.md), for
// rollgate_session_inputs: load_inputs() reads it back to the same inputs.
//
//   facts      every fact that is not missing, in declaration order, as a
//              {"value", "observed_at", "source", "evidence"} wrapper (members
//              it lacks left out).  Values as proto3 JSON writes them, with
//              integral doubles kept as doubles ("3.0") so that a `dyn` fact
//              reads back a double.
//   progress   every stage whose progress is not the default (not started,
//              nothing else set), by expanded stage id, in plan order.
//   approvals  in input order, each naming its stage as it was written (a
//              matrix id stays one).
//
// What does not come back: facts the plan does not declare (the loader
// ignored them, keeping only a warning), and hence that warning.
// Linear in the plan's facts and stages and in the approvals.
#pragma once

#include <string>

#include "engine/inputs.hpp"
#include "plan/model.hpp"

namespace rollgate::engine {

std::string inputs_to_json(const plan::Plan& plan, const Inputs& inputs);

}  // namespace rollgate::engine
