#include "plan/plan_loader.hpp"

#include "cel/compiler.hpp"
#include "plan/definition_digest.hpp"
#include "text/suggest.hpp"

#include <algorithm>
#include <set>

namespace rollgate::plan::detail {

namespace {

const MatrixCombination kNoCombination;

// The id a gate is written with ("" when it has none): in a matrix stage,
// before substitution.
std::string written_gate_id(const boost::json::object& raw_gate) {
  const boost::json::value* id = raw_gate.if_contains("id");
  return id && id->is_string() ? std::string(id->get_string()) : std::string();
}

}  // namespace

void PlanLoader::load_gates(ObjectReader& reader, Stage& stage, const boost::json::object& raw_stage,
                            const MatrixCombination& combination) {
  const boost::json::array* gates = reader.array("gates");
  if (!gates) return;
  const boost::json::array& raw_gates = raw_stage.at("gates").get_array();
  const MatrixCombination* shared_combination = &kNoCombination;
  if (!combination.empty()) {
    combinations_.push_back(combination);
    shared_combination = &combinations_.back();
  }
  if (!gates_fit(reader, gates->size())) return;
  stage.gates.reserve(gates->size());
  std::set<std::string> ids;
  for (size_t i = 0; i < gates->size(); ++i) {
    std::string pointer = json::pointer_append(reader.pointer("gates"), i);
    const boost::json::object* gate_json = (*gates)[i].if_object();
    if (!gate_json) {
      reader.error_at(DiagnosticKind::WrongType, pointer, "a gate must be a JSON object");
      continue;
    }
    const boost::json::object& raw_gate = raw_gates[i].get_object();
    ObjectReader gr(doc_, *gate_json, pointer, errors_);
    // The id first, so that every problem of the gate (an unknown field
    // too) names it, as written: "stage/gate" with a matrix stage's own id.
    gr.set_subject("stage", stage.group_id);
    std::optional<std::string> id = gr.string("id", /*required=*/true);
    if (id && !id_fits(gr, "id", *id, "a gate id")) continue;
    // Checked before the id names the gate's problems, which a NUL would cut short.
    if (std::string problem = id ? control_character_problem(*id) : ""; !problem.empty()) {
      gr.error(DiagnosticKind::BadValue, "id", "a gate id " + problem);
      continue;
    }
    if (id) gr.set_subject("gate", stage.group_id + "/" + written_gate_id(raw_gate));
    gr.allow_only({"id", "expr", "kind", "weight", "hold_for", "on_unknown", "owner",
                   "description", "category"});
    if (!id) continue;
    Gate gate;
    gate.id = *id;
    gate.full_id = stage.id + "/" + gate.id;
    if (gate.id.empty() || gate.id.find('/') != std::string::npos)
      gr.error(DiagnosticKind::BadValue, "id", "gate id must be non-empty and contain no '/'");
    if (!ids.insert(gate.id).second)
      gr.error(DiagnosticKind::DuplicateId, "id", "duplicate gate id '" + gate.id + "' in stage " + stage.group_id);
    std::string kind = gr.choice("kind", {"must", "should", "advisory"}).value_or("must");
    gate.kind = kind == "should" ? GateKind::Should : kind == "advisory" ? GateKind::Advisory : GateKind::Must;
    gate.weight = gr.number("weight", 0.0, 1e9).value_or(1.0);
    if (gr.has("weight") && gate.kind != GateKind::Should)
      gr.error(DiagnosticKind::BadValue, "weight", "'weight' applies to should-gates only");
    gate.hold_for = gr.duration("hold_for");
    std::string on_unknown = gr.choice("on_unknown", {"hold", "block", "ignore"}).value_or("hold");
    gate.on_unknown = on_unknown == "block" ? OnUnknown::Block
                      : on_unknown == "ignore" ? OnUnknown::Ignore : OnUnknown::Hold;
    gate.owner = bounded_name(gr, "owner");
    gate.description = gr.string("description").value_or("");
    gate.category = bounded_name(gr, "category");
    std::optional<std::string> expr = gr.string("expr", /*required=*/true);
    if (expr && !length_fits(gr, gr.pointer("expr"), *expr, limits_.max_expression_bytes, "an expression",
                             "max_expression_bytes"))
      expr.reset();
    if (expr) {
      gate.expr = *expr;
      gate.definition = definition_digest(gate.expr, gate.kind, gate.on_unknown);
      const boost::json::string& raw = raw_gate.at("expr").get_string();
      pending_gates_.push_back({int(plan_->stages.size()), stage.gates.size(), i, &raw_gate, &raw,
                                shared_combination});
    }
    stage.gates.push_back(std::move(gate));
  }
}

void PlanLoader::compile_gate(Gate& gate, const PendingGate& pending) {
  // gate.expr is the raw expression after substitution: compile that, or
  // reuse the program of an earlier gate with the same text.
  std::shared_ptr<const cel::Program> program;
  const std::string_view expr = gate.expr;
  if (auto it = programs_.find(expr); it != programs_.end()) {
    program = it->second;
  } else {
    cel::detail::CompileOptions options;
    options.suggestions = &suggestions_;  // one did-you-mean budget for the whole plan
    cel::CompileResult compiled = cel::detail::compile_with(gate.expr, plan_->environment, options);
    report_compile_issues(compiled, pending);
    if (!compiled.ok()) return;
    program = std::move(compiled.program);
    programs_.emplace(expr, program);
  }
  cel::Type::Kind kind = program->result_type().kind();
  if (kind != cel::Type::Kind::Bool && kind != cel::Type::Kind::Dyn) {
    errors_.push_back(located(DiagnosticKind::CelType, expr_pointer(pending),
                              "a gate must yield bool, but this expression yields " +
                                  program->result_type().to_string(),
                              "gate", gate_subject(pending)));
    return;
  }
  gate.program = std::move(program);
}

void PlanLoader::report_compile_issues(const cel::CompileResult& compiled, const PendingGate& pending) {
  if (compiled.issues.empty()) return;
  const DiagnosticKind kind = compiled.parsed ? DiagnosticKind::CelType : DiagnosticKind::CelSyntax;
  const std::string pointer = expr_pointer(pending);
  const std::string subject = gate_subject(pending);
  const std::string_view raw_expr(pending.raw_expr->data(), pending.raw_expr->size());
  Substitution sub = substitute(raw_expr, *pending.combination);
  for (const cel::CompileIssue& issue : compiled.issues) {
    size_t raw_offset = sub.source_offsets[std::min(issue.offset, sub.source_offsets.size() - 1)];
    json::TextPosition p = doc_.map.position_in_string(pointer, raw_offset);
    Diagnostic d = located(kind, pointer, issue.message, "gate", subject);
    d.suggestion = text::suggestion_in(issue.message);  // "undeclared reference to 'x' (did you mean ...)"
    d.line = p.line;
    d.column = p.column;
    errors_.push_back(std::move(d));
  }
}

std::string PlanLoader::gate_subject(const PendingGate& pending) const {
  return plan_->stages[size_t(pending.stage)].group_id + "/" + written_gate_id(*pending.raw_gate);
}

std::string PlanLoader::expr_pointer(const PendingGate& pending) const {
  return json::pointer_append(
      json::pointer_append(json::pointer_append(stage_pointers_[size_t(pending.stage)], "gates"),
                           pending.json_index),
      "expr");
}

void PlanLoader::declare_stage_variables() {
  plan_->environment.add_indexable_namespace("stages");
  for (const auto& [id, stages] : plan_->stage_groups) {
    StageVariables v;
    v.id = id;
    v.stages = stages;
    v.state_slot = plan_->environment.add_variable("stages." + id + ".state", cel::Type::string());
    v.started_at_slot =
        plan_->environment.add_variable("stages." + id + ".started_at", cel::Type::timestamp());
    v.done_at_slot = plan_->environment.add_variable("stages." + id + ".done_at", cel::Type::timestamp());
    plan_->stage_variables.push_back(std::move(v));
  }
}

void PlanLoader::compile_pending_gates() {
  programs_.reserve(pending_gates_.size());
  for (const PendingGate& p : pending_gates_) {
    Gate& gate = plan_->stages[size_t(p.stage)].gates[p.gate];
    compile_gate(gate, p);
  }
}

}  // namespace rollgate::plan::detail
