// rollgate_session_evaluate_expr(): one CEL expression that is not a gate,
// evaluated against a session's inputs as a gate would be (`rollgate expr`,
// and the operand breakdown of `rollgate explain`).
#include <string>
#include <vector>

#include "capi_internal.hpp"
#include "engine/expression_probe.hpp"
#include "report/probe_json.hpp"
#include "text/suggest.hpp"

namespace {

using namespace rollgate;

// Problems located within the expression itself: no file, no pointer.
std::vector<Diagnostic> expression_problems(const engine::ExpressionProbe& probe) {
  const DiagnosticKind kind = probe.parsed ? DiagnosticKind::CelType : DiagnosticKind::CelSyntax;
  std::vector<Diagnostic> problems;
  for (const cel::CompileIssue& issue : probe.issues) {
    Diagnostic d;
    d.kind = to_string(kind);
    d.message = issue.message;
    d.suggestion = text::suggestion_in(issue.message);
    d.line = issue.line;
    d.column = issue.column;
    problems.push_back(std::move(d));
  }
  return problems;
}

}  // namespace

ROLLGATE_API rollgate_status rollgate_session_evaluate_expr(char** json, size_t* json_len,
                                                           rollgate_session* session, const char* expr,
                                                           size_t expr_len, unsigned int flags,
                                                           int64_t unix_seconds, int32_t nanos,
                                                           rollgate_error** err) {
  return capi::guarded(err, [&]() -> rollgate_status {
    if (json) *json = nullptr;
    if (json_len) *json_len = 0;
    if (!json) return capi::null_argument(err, "rollgate_session_evaluate_expr", "json");
    if (!session) return capi::null_argument(err, "rollgate_session_evaluate_expr", "session");
    if (!expr) return capi::null_argument(err, "rollgate_session_evaluate_expr", "expr");
    if (flags & ~ROLLGATE_EXPR_OPERANDS)
      return capi::fail(err, ROLLGATE_EINVAL, "rollgate_session_evaluate_expr: unknown flags " + std::to_string(flags));
    if (nanos < 0 || nanos > 999'999'999) return capi::fail(err, ROLLGATE_EINVAL, "nanos must be in 0..999999999");
    const std::string_view source = capi::input_text(expr, expr_len);
    // Bounded as a gate's expression is by default, before it is parsed.
    if (source.size() > plan::kDefaultMaxExpressionBytes)
      return capi::fail(err, ROLLGATE_EINPUT, DiagnosticKind::Limit,
                        "an expression of " + std::to_string(source.size()) + " bytes, longer than the limit of " +
                            std::to_string(plan::kDefaultMaxExpressionBytes) + " (max_expression_bytes)");
    const cel::Timestamp now{unix_seconds, nanos};
    const plan::Plan& plan = *session->plan;
    const engine::Activation activation = engine::make_activation(plan, *session->inputs, now);
    const engine::ExpressionProbe probe = engine::probe_expression(
        plan, activation, source, session->options.gate, (flags & ROLLGATE_EXPR_OPERANDS) != 0);
    if (!probe.issues.empty()) return capi::fail(err, ROLLGATE_EINPUT, expression_problems(probe));
    return capi::copy_out(json, json_len, report::probe_json(plan, *session->inputs, now, source, probe));
  });
}
