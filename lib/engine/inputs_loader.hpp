// The facts document -> Inputs, converting every value to its declared type.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "engine/fact_conversion.hpp"
#include "engine/inputs.hpp"
#include "json/document_limits.hpp"
#include "plan/model.hpp"
#include "support/diagnostic.hpp"
#include "text/suggestion_budget.hpp"

namespace rollgate::engine {

// A fact's source and evidence (a URL, a dashboard, a ticket) are repeated
// in the evidence of every gate that reads the fact: longer ones would
// multiply a report by its gates (docs/LIMITS.md, "Input limits").
constexpr size_t kMaxFactNoteBytes = 4096;

// "a source of 5000 bytes, longer than the limit of 4096" for a `field`
// ("source", "evidence") past kMaxFactNoteBytes; "" within it.
std::string fact_note_problem(std::string_view field, std::string_view text);

struct InputsResult {
  std::optional<Inputs> inputs;  // nullopt when errors is not empty
  std::vector<Diagnostic> errors;
  bool malformed_json = false;
};

// Reads { "facts": {...}, "progress": {...}, "approvals": [...] } within
// `limits`.  Input that cannot be used rejects the whole document (DESIGN
// rule 5).
InputsResult load_inputs(const plan::Plan& plan, std::string_view text, std::string_view file,
                         const json::DocumentLimits& limits = {});

// Rule 21: applies a what-if patch (a facts document: facts, progress,
// approvals) to a copy of `base`.  Its facts replace those of the same name
// (null removes one), its progress entries replace those stages' progress,
// its approvals are added.
InputsResult load_patch(const plan::Plan& plan, const Inputs& base, std::string_view text,
                        std::string_view file, const json::DocumentLimits& limits = {});

// Reads one fact's entry (FactText::Entry: a bare value or a {"value": ...}
// wrapper, for rollgate_session_set_fact; FactText::Value: the value alone,
// for rollgate_session_set_fact_json).  nullopt in `fact` with no errors =
// missing.  Problems have no file, are located within `text` (pointers
// relative to the value) and name the fact as their subject.
enum class FactText { Entry, Value };
struct FactResult {
  std::optional<FactInput> fact;
  std::vector<Diagnostic> errors;
  bool malformed_json = false;
};
FactResult load_fact(const plan::FactDecl& decl, std::string_view text, FactText form = FactText::Entry);

// The problem of a value that does not convert to `decl`'s type: its kind,
// message and pointer (relative to the value), the fact as subject; not
// located.
Diagnostic fact_value_problem(const plan::FactDecl& decl, const ConversionError& e);

// The problem of a progress entry or an approval (`what`: "progress",
// "approval") naming a stage the plan does not have: kind unknown-id, the id
// as subject (a stage), the closest of `names` (Plan::stage_group_names())
// as suggestion, paid from the document's `budget`; not located.
Diagnostic unknown_stage(std::string_view what, std::string_view id, const std::vector<std::string>& names,
                         text::SuggestionBudget& budget);
// The same for a single look-up, with a budget of its own.
Diagnostic unknown_stage(std::string_view what, std::string_view id, const std::vector<std::string>& names);

}  // namespace rollgate::engine
