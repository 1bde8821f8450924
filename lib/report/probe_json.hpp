// An expression probe (engine/expression_probe.hpp) as JSON, for
// rollgate_session_evaluate_expr(): docs/REPORT.md "Expressions".
#pragma once

#include <string>
#include <string_view>

#include "engine/expression_probe.hpp"
#include "engine/inputs.hpp"

namespace rollgate::report {

// `probe` must have compiled (no issues).  `source` is the probed text;
// `now` the instant its facts were judged stale or not at.
std::string probe_json(const plan::Plan& plan, const engine::Inputs& inputs, cel::Timestamp now,
                       std::string_view source, const engine::ExpressionProbe& probe);

}  // namespace rollgate::report
