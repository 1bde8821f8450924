#include "plan/plan_loader.hpp"

#include "plan/definition_digest.hpp"

#include <algorithm>
#include <set>

namespace rollgate::plan::detail {

namespace {
const MatrixCombination kNoCombination;
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
  stage.gates.reserve(gates->size());
  std::set<std::string> ids;
  for (size_t i = 0; i < gates->size(); ++i) {
    std::string pointer = json::pointer_append(reader.pointer("gates"), i);
    const boost::json::object* gate_json = (*gates)[i].if_object();
    if (!gate_json) {
      reader.error_at(pointer, "a gate must be a JSON object");
      continue;
    }
    ObjectReader gr(doc_, *gate_json, pointer, errors_);
    gr.set_subject("stage", stage.id);
    gr.allow_only({"id", "expr", "kind", "weight", "hold_for", "on_unknown", "owner",
                   "description", "category"});
    Gate gate;
    std::optional<std::string> id = gr.string("id", /*required=*/true);
    if (!id) continue;
    gate.id = *id;
    gate.full_id = stage.id + "/" + gate.id;
    gr.set_subject("gate", gate.full_id);
    if (gate.id.empty() || gate.id.find('/') != std::string::npos) gr.error("id", "gate id must be non-empty and contain no '/'");
    if (!ids.insert(gate.id).second) gr.error("id", "duplicate gate id '" + gate.id + "' in stage " + stage.id);
    std::string kind = gr.choice("kind", {"must", "should", "advisory"}).value_or("must");
    gate.kind = kind == "should" ? GateKind::Should : kind == "advisory" ? GateKind::Advisory : GateKind::Must;
    gate.weight = gr.number("weight", 0.0, 1e9).value_or(1.0);
    if (gr.has("weight") && gate.kind != GateKind::Should)
      gr.error("weight", "'weight' applies to should-gates only");
    gate.hold_for = gr.duration("hold_for");
    std::string on_unknown = gr.choice("on_unknown", {"hold", "block", "ignore"}).value_or("hold");
    gate.on_unknown = on_unknown == "block" ? OnUnknown::Block
                      : on_unknown == "ignore" ? OnUnknown::Ignore : OnUnknown::Hold;
    gate.owner = gr.string("owner").value_or("");
    gate.description = gr.string("description").value_or("");
    gate.category = gr.string("category").value_or("");
    std::optional<std::string> expr = gr.string("expr", /*required=*/true);
    if (expr) {
      gate.expr = *expr;
      gate.definition = definition_digest(gate.expr, gate.kind, gate.on_unknown);
      const boost::json::string& raw = raw_gates[i].get_object().at("expr").get_string();
      pending_gates_.push_back({int(plan_->stages.size()), stage.gates.size(), i, &raw,
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
    cel::CompileResult compiled = cel::compile(gate.expr, plan_->environment);
    if (!compiled.issues.empty()) {
      const std::string expr_pointer =
          json::pointer_append(json::pointer_append(json::pointer_append(
                                   stage_pointers_[size_t(pending.stage)], "gates"),
                                                    pending.json_index),
                               "expr");
      const std::string_view raw_expr(pending.raw_expr->data(), pending.raw_expr->size());
      Substitution sub = substitute(raw_expr, *pending.combination);
      for (const cel::CompileIssue& issue : compiled.issues) {
        size_t raw_offset = sub.source_offsets[std::min(issue.offset, sub.source_offsets.size() - 1)];
        json::TextPosition p = doc_.map.position_in_string(expr_pointer, raw_offset);
        Diagnostic d = located(expr_pointer, issue.message, "gate", gate.full_id);
        d.line = p.line;
        d.column = p.column;
        errors_.push_back(std::move(d));
      }
    }
    if (!compiled.ok()) return;
    program = std::move(compiled.program);
    programs_.emplace(expr, program);
  }
  cel::Type::Kind kind = program->result_type().kind();
  if (kind != cel::Type::Kind::Bool && kind != cel::Type::Kind::Dyn) {
    const std::string expr_pointer =
        json::pointer_append(json::pointer_append(json::pointer_append(
                                 stage_pointers_[size_t(pending.stage)], "gates"),
                                                  pending.json_index),
                             "expr");
    errors_.push_back(located(expr_pointer,
                              "a gate must yield bool, but this expression yields " +
                                  program->result_type().to_string(),
                              "gate", gate.full_id));
    return;
  }
  gate.program = std::move(program);
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
