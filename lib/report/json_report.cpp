#include "engine/blockers.hpp"
#include "engine/gate_verdict.hpp"
#include "engine/stage_status.hpp"
#include "report/evidence_json.hpp"
#include "report/json_writer.hpp"
#include "report/reports.hpp"
#include "report/value_json.hpp"

namespace rollgate::report {

namespace {

using engine::Evaluation;
using engine::GateResult;
using engine::StageResult;

void write_stage_ids(JsonWriter& w, const Evaluation& e, const std::vector<int>& stages) {
  w.begin_array();
  for (int s : stages) w.string(e.plan->stages[size_t(s)].id);
  w.end_array();
}

void write_gate(JsonWriter& w, const Evaluation& e, const GateResult& g) {
  const plan::Gate& gate = *g.gate;
  w.begin_object();
  w.member("id", gate.id);
  w.member("kind", plan::to_string(gate.kind));
  w.member("status", engine::to_string(g.status));
  w.member("since", cel::format_timestamp(g.since));
  w.key("value");
  if (g.value) w.boolean(*g.value);
  else w.null();
  w.member("message", engine::gate_message(e, g));
  w.member("expr", gate.expr);
  w.key("owner");
  w.string_or_null(gate.owner);
  if (gate.kind == plan::GateKind::Should) {
    w.key("weight");
    w.number(gate.weight);
  }
  if (!gate.category.empty()) w.member("category", gate.category);
  if (gate.hold_for) w.member("hold_for", cel::format_duration(*gate.hold_for));
  if (g.remaining) w.member("remaining", cel::format_duration(*g.remaining));
  w.key("evidence");
  w.begin_array();
  for (const engine::Evidence& ev : engine::gate_evidence(e, g)) write_evidence(w, ev);
  w.end_array();
  w.end_object();
}

void write_stage(JsonWriter& w, const Evaluation& e, const StageResult& r, const JsonOptions& options) {
  const plan::Stage& stage = *r.stage;
  w.begin_object();
  w.member("id", stage.id);
  if (stage.group_id != stage.id) w.member("matrix", stage.group_id);
  w.key("title");
  w.string_or_null(stage.title);
  w.key("owner");
  w.string_or_null(stage.owner);
  w.member("status", engine::to_string(r.status));
  w.member("since", cel::format_timestamp(r.since));
  w.member("drift", r.drift);
  w.key("score");
  if (r.score) w.number(*r.score);
  else w.null();
  w.key("min_score");
  w.number(stage.min_score);
  w.key("after");
  w.begin_array();
  for (const plan::Upstream& u : stage.after) w.string(u.id);
  if (stage.previous_expansion) w.string(e.plan->stages[size_t(*stage.previous_expansion)].id);
  w.end_array();
  w.key("reasons");
  w.begin_array();
  for (const std::string& reason : engine::stage_reasons(e, r)) w.string(reason);
  w.end_array();
  int64_t passing = 0;
  w.key("gates");
  w.begin_array();
  for (const GateResult& g : r.gates) {
    bool passes = g.status == engine::GateStatus::Pass;
    passing += passes;
    if (!options.summary || !passes) write_gate(w, e, g);
  }
  w.end_array();
  if (options.summary) {
    w.key("passing_gates");
    w.integer(passing);
  }
  w.key("approvals");
  w.begin_array();
  for (const engine::ApprovalCount& a : r.approvals) {
    w.begin_object();
    w.member("role", a.requirement->role);
    w.key("min");
    w.integer(a.requirement->min);
    w.key("approvers");
    w.begin_array();
    for (const std::string& by : a.approvers) w.string(by);
    w.end_array();
    w.member("met", int(a.approvers.size()) >= a.requirement->min);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_blockers(JsonWriter& w, const Evaluation& e) {
  w.begin_array();
  for (const engine::Blocker& b : e.blockers) {
    w.begin_object();
    w.member("kind", b.kind);
    w.member("id", b.id);
    w.member("stage", e.plan->stages[size_t(b.stage)].id);
    w.member("status", b.status);
    w.key("owner");
    w.string_or_null(b.owner);
    w.member("message", engine::blocker_message(e, b));
    w.key("holds_back");
    write_stage_ids(w, e, b.holds_back);
    w.key("holds_back_count");
    w.integer(int64_t(b.holds_back_count));
    w.end_object();
  }
  w.end_array();
}

// One item of target.blocked_by (DESIGN rule 22).
void write_target_blocker(JsonWriter& w, const Evaluation& e, const engine::TargetBlocker& b) {
  using Kind = engine::TargetBlocker::Kind;
  const StageResult& r = e.stages[size_t(b.stage)];
  w.begin_object();
  w.member("kind", engine::to_string(b.kind));
  switch (b.kind) {
    case Kind::Gate: {
      const GateResult& g = r.gates[size_t(b.gate)];
      w.member("id", g.gate->full_id);
      w.member("status", engine::to_string(g.status));
      break;
    }
    case Kind::Approval: {
      const engine::ApprovalCount& a = r.approvals[size_t(b.approval)];
      w.member("stage", r.stage->id);
      w.member("role", a.requirement->role);
      w.key("min");
      w.integer(a.requirement->min);
      w.key("have");
      w.integer(int64_t(a.approvers.size()));
      break;
    }
    case Kind::Freeze:
      w.member("from", cel::format_timestamp(b.freeze->from));
      w.member("to", cel::format_timestamp(b.freeze->to));
      w.key("reason");
      w.string_or_null(b.freeze->reason);
      w.key("stages");
      write_stage_ids(w, e, b.freeze_stages);
      break;
    case Kind::Stage:
      w.member("id", r.stage->id);
      w.member("status", engine::to_string(r.status));
      break;
  }
  w.end_object();
}

// Rule 17: the drifting gates of one stage, in plan order.
void write_stage_drift(JsonWriter& w, const StageResult& r) {
  for (const GateResult& g : r.gates) {
    if (!g.drift_since) continue;
    w.begin_object();
    w.member("stage", r.stage->id);
    w.member("gate", g.gate->full_id);
    w.member("status", engine::to_string(g.status));
    w.member("since", cel::format_timestamp(*g.drift_since));
    w.end_object();
  }
}

// Rule 17: every drifting gate, in plan order.
void write_drift(JsonWriter& w, const Evaluation& e) {
  w.begin_array();
  for (const StageResult& r : e.stages) write_stage_drift(w, r);
  w.end_array();
}

// What every report document opens with: its version, its layout, the plan
// it is about and the evaluation instant.
void write_header(JsonWriter& w, const Evaluation& e, const JsonOptions& options) {
  w.key("report_version");
  w.integer(1);
  if (options.summary) w.member("detail", "summary");
  w.key("plan");
  w.begin_object();
  w.member("name", e.plan->name);
  w.key("title");
  w.string_or_null(e.plan->title);
  w.member("digest", e.plan->digest);
  w.end_object();
  w.member("evaluated_at", cel::format_timestamp(e.evaluated_at));
}

// Rule 18: {id, from, to, at}, at = this evaluation's instant.
void write_transitions(JsonWriter& w, const Evaluation& e) {
  std::string at = cel::format_timestamp(e.evaluated_at);
  w.begin_array();
  for (const engine::Transition& t : e.transitions) {
    w.begin_object();
    w.member("id", t.id);
    w.key("from");
    if (t.from) w.string(*t.from);
    else w.null();
    w.member("to", t.to);
    w.member("at", at);
    w.end_object();
  }
  w.end_array();
}

// Rule 21: what the what-if patch changed.
void write_what_if(JsonWriter& w, const std::vector<engine::StatusChange>& changes) {
  w.key("what_if");
  w.begin_object();
  w.key("changes");
  w.begin_array();
  for (const engine::StatusChange& c : changes) {
    w.begin_object();
    w.member("id", c.id);
    w.member("from", c.from);
    w.member("to", c.to);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

std::string to_json(const Evaluation& e, const JsonOptions& options) {
  JsonWriter w(options.compact);
  w.begin_object();
  write_header(w, e, options);
  w.key("target");
  w.begin_object();
  w.key("id");
  w.string_or_null(e.target.id);
  w.member("status", e.target.status);
  w.member("met", e.target.met);
  w.key("path");
  write_stage_ids(w, e, e.target.path);
  w.key("critical_path");
  write_stage_ids(w, e, e.target.critical_path);
  w.key("blocked_by");
  w.begin_array();
  for (const engine::TargetBlocker& b : e.target.blocked_by) write_target_blocker(w, e, b);
  w.end_array();
  w.end_object();
  w.key("next");
  write_stage_ids(w, e, e.next);
  w.key("stages");
  w.begin_array();
  for (const StageResult& r : e.stages) write_stage(w, e, r, options);
  w.end_array();
  w.key("blockers");
  write_blockers(w, e);
  // Drift and transitions compare with the previous state; without one
  // both are empty (DESIGN rule 14).
  w.key("drift");
  write_drift(w, e);
  w.key("transitions");
  write_transitions(w, e);
  if (e.what_if) write_what_if(w, *e.what_if);
  w.key("warnings");
  w.begin_array();
  for (const std::string& warning : e.warnings) w.string(warning);
  w.end_array();
  w.end_object();
  std::string out = w.take();
  out += '\n';
  return out;
}

std::string stage_json(const Evaluation& e, size_t stage, const JsonOptions& options) {
  const StageResult& r = e.stages.at(stage);
  JsonWriter w(options.compact);
  w.begin_object();
  write_header(w, e, options);
  w.key("stage");
  write_stage(w, e, r, options);
  w.key("drift");
  w.begin_array();
  write_stage_drift(w, r);
  w.end_array();
  w.end_object();
  std::string out = w.take();
  out += '\n';
  return out;
}

std::optional<std::string> held_back_json(const Evaluation& e, std::string_view blocker_id) {
  for (const engine::Blocker& b : e.blockers) {
    if (b.id != blocker_id) continue;
    JsonWriter w;
    write_stage_ids(w, e, engine::blocker_held_back(e, b));
    return w.take();
  }
  return std::nullopt;
}

}  // namespace rollgate::report
