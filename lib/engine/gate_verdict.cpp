#include "engine/gate_verdict.hpp"

#include "engine/describe.hpp"
#include "engine/stage_variables.hpp"
#include "engine/time_math.hpp"

namespace rollgate::engine {

bool is_stale(const plan::FactDecl& decl, const FactInput& input, cel::Timestamp now) {
  if (!decl.max_age || !input.observed_at) return false;  // rule 4
  return elapsed(*input.observed_at, now) > *decl.max_age;
}

namespace {

std::string describe_inputs(const std::vector<Evidence>& evidence) {
  std::string out;
  for (const Evidence& e : evidence) {
    if (!out.empty()) out += ", ";
    out += e.fact->name + " = " + (e.input ? quote_value(e.input->value) : "missing");
    if (e.stale) out += " (stale)";
  }
  return out;
}

// Rules 1 and 16: a true gate has been true since its previous record's
// true_since when that record was pass or soaking, else since now; with
// hold_for it passes once it has held that long, and soaks until then.
void judge_soak(GateResult& r, const state::GateRecord* previous, cel::Timestamp now) {
  bool was_true = previous && previous->true_since &&
                  (previous->status == GateStatus::Pass || previous->status == GateStatus::Soaking);
  r.true_since = was_true ? *previous->true_since : now;
  const std::optional<cel::Duration>& hold_for = r.gate->hold_for;
  cel::Duration held = elapsed(*r.true_since, now);
  if (!hold_for || !(held < *hold_for)) {
    r.status = GateStatus::Pass;
    return;
  }
  r.status = GateStatus::Soaking;
  r.since = *r.true_since;
  r.remaining = difference(*hold_for, held);
}

}  // namespace

std::string describe_unknowns(const plan::Plan& plan, const cel::Value& unknown,
                              const Inputs& inputs, cel::Timestamp now) {
  std::string out;
  for (int slot : unknown.unknown_slots()) {
    if (int var = plan.stage_variable_of_slot(slot); var >= 0) {
      const plan::StageVariables& v = plan.stage_variables[size_t(var)];
      if (!out.empty()) out += "; ";
      out += "stages." + v.id + (slot == v.started_at_slot ? ".started_at" : ".done_at") + " is not known";
      continue;
    }
    if (slot < 0 || size_t(slot) >= plan.facts.size()) continue;
    const plan::FactDecl& decl = plan.facts[size_t(slot)];
    const auto& input = inputs.facts[size_t(slot)];
    if (!out.empty()) out += "; ";
    if (!input) {
      out += "fact '" + decl.name + "' is missing";
    } else {
      out += "fact '" + decl.name + "' is stale (observed " +
             cel::format_timestamp(*input->observed_at) + ", " +
             describe_duration(elapsed(*input->observed_at, now)) + " ago; max_age " +
             describe_duration(*decl.max_age) + ")";
    }
  }
  return out.empty() ? "the result depends on facts that are not known" : out;
}

Activation make_activation(const plan::Plan& plan, const Inputs& inputs, cel::Timestamp now) {
  Activation a;
  a.slots.resize(plan.environment.slot_count());
  a.stale.resize(plan.facts.size(), false);
  for (size_t i = 0; i < plan.facts.size(); ++i) {
    const plan::FactDecl& decl = plan.facts[i];
    const auto& input = inputs.facts[i];
    a.stale[i] = input && is_stale(decl, *input, now);
    a.slots[size_t(decl.slot)] =
        input && !a.stale[i] ? input->value : cel::Value::unknown({decl.slot});
  }
  a.slots[size_t(plan.now_slot)] = cel::Value::timestamp(now);
  fill_stage_variables(plan, inputs, a.slots);
  return a;
}

GateResult gate_verdict(const plan::Plan& /*plan*/, const plan::Gate& gate, const Inputs& /*inputs*/,
                        const Activation& activation, cel::Timestamp now,
                        const state::GateRecord* previous, EvaluationMeter& meter) {
  GateResult r;
  r.gate = &gate;
  r.since = now;
  cel::Value v = meter.evaluate(gate, activation.slots);
  switch (v.kind()) {
    case cel::Value::Kind::Unknown: r.status = GateStatus::Unknown; break;
    case cel::Value::Kind::Bool:
      r.value = v.as_bool();
      if (!*r.value) r.status = GateStatus::Fail;
      else judge_soak(r, previous, now);
      return r;
    default: r.status = GateStatus::Error; break;  // an error, or not a bool
  }
  r.result = std::move(v);
  return r;
}

std::vector<Evidence> gate_evidence(const plan::Plan& plan, const Inputs& inputs, cel::Timestamp now,
                                    const GateResult& g) {
  std::vector<Evidence> evidence;
  for (int slot : g.gate->program->referenced_slots()) {
    if (slot < 0 || size_t(slot) >= plan.facts.size()) continue;  // built-ins
    Evidence e;
    e.fact = &plan.facts[size_t(slot)];
    const auto& input = inputs.facts[size_t(slot)];
    e.input = input ? &*input : nullptr;
    e.stale = input && is_stale(*e.fact, *input, now);
    evidence.push_back(e);
  }
  return evidence;
}

std::vector<Evidence> gate_evidence(const Evaluation& e, const GateResult& g) {
  return gate_evidence(*e.plan, *e.inputs, e.evaluated_at, g);
}

std::string gate_message(const plan::Plan& plan, const Inputs& inputs, cel::Timestamp now,
                         const GateResult& g) {
  switch (g.status) {
    case GateStatus::Unknown: return describe_unknowns(plan, g.result, inputs, now);
    case GateStatus::Error:
      if (g.result.kind() == cel::Value::Kind::Error) return g.result.error_message();
      return "the gate yielded " + quote_value(g.result) + ", not a bool";
    case GateStatus::Soaking:
      return "true since " + cel::format_timestamp(*g.true_since) + "; must hold " +
             describe_duration(*g.remaining) + " more";
    case GateStatus::Fail:
    case GateStatus::Pass: break;
  }
  std::string inputs_text = describe_inputs(gate_evidence(plan, inputs, now, g));
  const char* verdict = g.status == GateStatus::Pass ? "true" : "false";
  return inputs_text.empty() ? verdict : std::string(verdict) + " with " + inputs_text;
}

std::string gate_message(const Evaluation& e, const GateResult& g) {
  return gate_message(*e.plan, *e.inputs, e.evaluated_at, g);
}

}  // namespace rollgate::engine
