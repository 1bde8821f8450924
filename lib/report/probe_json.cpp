#include "report/probe_json.hpp"

#include "cel/common/type_names.hpp"
#include "report/evidence_json.hpp"
#include "report/json_writer.hpp"
#include "report/value_json.hpp"

namespace rollgate::report {

namespace {

struct ProbeContext {
  const plan::Plan& plan;
  const engine::Inputs& inputs;
  cel::Timestamp now;
  std::string_view source;
};

// Why an unknown is unknown or what the error says; "" for a value.
std::string outcome_message(const ProbeContext& c, const cel::Value& v) {
  if (v.is_unknown()) return engine::describe_unknowns(c.plan, v, c.inputs, c.now);
  if (v.is_error()) return v.error_message();
  return "";
}

// {outcome, value, cel, message}: the value as JSON and in CEL's notation.
void write_outcome(JsonWriter& w, const ProbeContext& c, const cel::Value& v) {
  w.member("outcome", engine::outcome_name(v));
  const bool has_value = !v.is_unknown() && !v.is_error();
  w.key("value");
  if (has_value) write_value(w, v);
  else w.null();
  w.key("cel");
  if (has_value) w.string(v.debug_string());
  else w.null();
  w.key("message");
  w.string_or_null(outcome_message(c, v));
}

void write_operands(JsonWriter& w, const ProbeContext& c, const engine::ProbeNode& node) {
  if (node.op.empty()) return;
  w.member("operator", node.op);
  w.key("operands");
  w.begin_array();
  for (const engine::ProbeNode& operand : node.operands) {
    w.begin_object();
    w.member("expr", c.source.substr(operand.begin, operand.end - operand.begin));
    w.key("offset");
    w.unsigned_integer(operand.begin);
    write_outcome(w, c, operand.value);
    w.member("decides", operand.decides);
    write_operands(w, c, operand);
    w.end_object();
  }
  w.end_array();
}

void write_facts(JsonWriter& w, const ProbeContext& c, const engine::ExpressionProbe& probe) {
  w.key("facts");
  w.begin_array();
  for (int slot : probe.fact_slots) {
    engine::Evidence ev;
    ev.fact = &c.plan.facts[size_t(slot)];
    const auto& input = c.inputs.facts[size_t(slot)];
    ev.input = input ? &*input : nullptr;
    ev.stale = input && engine::is_stale(*ev.fact, *input, c.now);
    write_evidence(w, ev, /*with_cel=*/true);
  }
  w.end_array();
}

}  // namespace

std::string probe_json(const plan::Plan& plan, const engine::Inputs& inputs, cel::Timestamp now,
                       std::string_view source, const engine::ExpressionProbe& probe) {
  const ProbeContext c{plan, inputs, now, source};
  JsonWriter w;
  w.begin_object();
  w.member("expr", source);
  w.member("type", probe.type.to_string());
  const cel::Value& v = probe.root.value;
  // The runtime type too, for an expression the checker could only call dyn.
  w.key("value_type");
  w.string_or_null(v.is_unknown() || v.is_error()
                       ? std::string()
                       : cel::detail::type_value_name(cel::detail::runtime_type(v)));
  write_outcome(w, c, v);
  write_facts(w, c, probe);
  write_operands(w, c, probe.root);
  w.end_object();
  return w.take();
}

}  // namespace rollgate::report
