// An Explanation (explanation.hpp) for people, within 80 columns, and as
// JSON for programs.
#pragma once

#include <string>

#include "explanation.hpp"
#include "terminal.hpp"

namespace rollgate::cli {

std::string explanation_text(const Explanation& e, const TextStyle& style);

// {"subject", "evaluated_at", "stage": {id, title, owner, status, since,
//  reasons, upstream, approvals, drift}, "gates": [{id, kind, status,
//  since, message, owner, expression: <rollgate_session_evaluate_expr
//  document, with operands>}]}
std::string explanation_json(const Explanation& e);

}  // namespace rollgate::cli
