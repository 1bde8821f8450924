#include "engine/expression_probe.hpp"

#include "cel/syntax/logical_operands.hpp"

namespace rollgate::engine {

const char* outcome_name(const cel::Value& value) {
  switch (value.kind()) {
    case cel::Value::Kind::Bool: return value.as_bool() ? "true" : "false";
    case cel::Value::Kind::Unknown: return "unknown";
    case cel::Value::Kind::Error: return "error";
    default: return "value";
  }
}

namespace {

cel::Value evaluate_text(const plan::Plan& plan, const Activation& activation, std::string_view text,
                         const cel::Limits& limits) {
  cel::CompileResult compiled = cel::compile(text, plan.environment);
  // An operand of a chain that compiles compiles on its own; this guards
  // against what cannot happen rather than failing quietly.
  if (!compiled.ok()) return cel::Value::error("cannot evaluate '" + std::string(text) + "' on its own");
  cel::Usage usage;
  return compiled.program->evaluate(activation.slots, limits, usage);
}

ProbeNode probe_span(const plan::Plan& plan, const Activation& activation, std::string_view source,
                     const cel::detail::OperandSpan& span, const cel::Limits& limits, cel::Value value) {
  ProbeNode node;
  node.begin = span.begin;
  node.end = span.end;
  node.value = std::move(value);
  node.op = std::string(span.op);
  const std::string_view outcome = outcome_name(node.value);
  for (const cel::detail::OperandSpan& operand : span.operands) {
    cel::Value v = evaluate_text(plan, activation, source.substr(operand.begin, operand.end - operand.begin), limits);
    ProbeNode child = probe_span(plan, activation, source, operand, limits, std::move(v));
    child.decides = outcome_name(child.value) == outcome;
    node.operands.push_back(std::move(child));
  }
  return node;
}

}  // namespace

ExpressionProbe probe_expression(const plan::Plan& plan, const Activation& activation,
                                 std::string_view source, const cel::Limits& limits, bool operands) {
  ExpressionProbe probe;
  cel::CompileResult compiled = cel::compile(source, plan.environment);
  if (!compiled.ok()) {
    probe.issues = std::move(compiled.issues);
    probe.parsed = compiled.parsed;
    return probe;
  }
  probe.type = compiled.program->result_type();
  for (int slot : compiled.program->referenced_slots())
    if (slot >= 0 && size_t(slot) < plan.facts.size()) probe.fact_slots.push_back(slot);
  cel::Usage usage;
  cel::Value value = compiled.program->evaluate(activation.slots, limits, usage);
  cel::detail::OperandSpan span =
      operands ? cel::detail::split_logical_operands(source) : cel::detail::OperandSpan{0, source.size(), {}, {}};
  probe.root = probe_span(plan, activation, source, span, limits, std::move(value));
  return probe;
}

}  // namespace rollgate::engine
