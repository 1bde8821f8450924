// The facts document -> Inputs, converting every value to its declared type.
#pragma once

#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "engine/inputs.hpp"
#include "plan/model.hpp"
#include "support/diagnostic.hpp"

namespace rollgate::engine {

struct InputsResult {
  std::optional<Inputs> inputs;  // nullopt when errors is not empty
  std::vector<Diagnostic> errors;
  bool malformed_json = false;
};

// Reads { "facts": {...}, "progress": {...}, "approvals": [...] }.  Input
// that cannot be used rejects the whole document (DESIGN rule 5).
InputsResult load_inputs(const plan::Plan& plan, std::string_view text, std::string_view file);

// Rule 21: applies a what-if patch (a facts document: facts, progress,
// approvals) to a copy of `base`.  Its facts replace those of the same name
// (null removes one), its progress entries replace those stages' progress,
// its approvals are added.
InputsResult load_patch(const plan::Plan& plan, const Inputs& base, std::string_view text,
                        std::string_view file);

// Reads one fact's entry (a bare value or a {"value": ...} wrapper) for
// rollgate_session_set_fact.  nullopt in `fact` with no errors = missing.
struct FactResult {
  std::optional<FactInput> fact;
  std::vector<Diagnostic> errors;
  bool malformed_json = false;
};
FactResult load_fact(const plan::FactDecl& decl, std::string_view text);

}  // namespace rollgate::engine
