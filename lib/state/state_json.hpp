// The JSON form of session state (DESIGN rule 15), written for restarts and
// for the command line's --state FILE, and read back with every problem
// located by file, line, column and JSON pointer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json/document_limits.hpp"
#include "plan/model.hpp"
#include "state/state.hpp"
#include "support/diagnostic.hpp"

namespace rollgate::state {

// The state as JSON: {"rollgate_state": 1, "plan", "name", "evaluated_at",
// "gates": {full id: {...}}, "stages": {id: {...}}}, records in plan order.
// Records of ids that `plan` does not have are left out.
std::string to_json(const State& state, const plan::Plan& plan);

struct StateResult {
  std::optional<State> state;  // nullopt when errors is not empty
  std::vector<Diagnostic> errors;
};

// Reads state saved by to_json for `plan`.  Malformed JSON or fields, an
// unknown rollgate_state version, or the state of a plan with another name
// are errors; records of ids the plan does not have are kept (they are
// dropped, and named in a warning, when the state is used: rule 19).
//
// A state file grows with its plan, about 200 bytes a gate: the 1M-gate
// benchmark plan's is 227 MB, so its default limit is its own
// (max_state_bytes, docs/LIMITS.md) rather than max_document_bytes.
constexpr size_t kDefaultMaxStateBytes = size_t(1) << 30;
constexpr json::DocumentLimits kDefaultStateLimits{kDefaultMaxStateBytes, json::kDefaultMaxJsonDepth,
                                                   "max_state_bytes"};
StateResult load_state(const plan::Plan& plan, std::string_view text, std::string_view file,
                       const json::DocumentLimits& limits = kDefaultStateLimits);

// Rule 15: state whose evaluated_at is after `now` cannot be used.  The
// error names the file and field.
std::optional<Diagnostic> check_not_after(const State& state, cel::Timestamp now);

}  // namespace rollgate::state
