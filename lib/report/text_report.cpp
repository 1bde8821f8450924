#include <algorithm>

#include "engine/blockers.hpp"
#include "engine/describe.hpp"
#include "engine/gate_verdict.hpp"
#include "engine/stage_status.hpp"
#include "report/json_writer.hpp"
#include "report/reports.hpp"

namespace rollgate::report {

namespace {

using engine::Evaluation;

std::string pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string stage_list(const Evaluation& e, const std::vector<int>& stages) {
  std::string out;
  for (int s : stages) out += (out.empty() ? "" : ", ") + e.plan->stages[size_t(s)].id;
  return out;
}

void write_header(std::string& out, const Evaluation& e) {
  const plan::Plan& plan = *e.plan;
  out += plan.title.empty() ? plan.name : plan.title + " (" + plan.name + ")";
  out += "\nplan " + plan.digest + "\nevaluated at " + cel::format_timestamp(e.evaluated_at) + "\n\n";
}

void write_target(std::string& out, const Evaluation& e) {
  out += "TARGET ";
  out += e.target.id.empty() ? "every stage" : e.target.id;
  out += ": " + e.target.status + (e.target.met ? " (met)\n" : " (not met)\n");
  if (!e.target.path.empty()) out += "  path: " + stage_list(e, e.target.path) + '\n';
  if (!e.target.critical_path.empty()) {
    out += "  critical path: ";
    for (size_t i = 0; i < e.target.critical_path.size(); ++i)
      out += (i ? " -> " : "") + e.plan->stages[size_t(e.target.critical_path[i])].id;
    out += '\n';
  }
  if (!e.target.blocked_by.empty()) out += "  blocked by:\n";
  for (const engine::TargetBlocker& b : e.target.blocked_by) {
    const engine::StageResult& r = e.stages[size_t(b.stage)];
    out += "    ";
    switch (b.kind) {
      case engine::TargetBlocker::Kind::Gate: {
        const engine::GateResult& g = r.gates[size_t(b.gate)];
        out += "gate " + g.gate->full_id + ": " + engine::to_string(g.status);
        break;
      }
      case engine::TargetBlocker::Kind::Approval: {
        const engine::ApprovalCount& a = r.approvals[size_t(b.approval)];
        out += "approval " + r.stage->id + " by " + a.requirement->role + ": " +
               std::to_string(a.approvers.size()) + " of " + std::to_string(a.requirement->min);
        break;
      }
      case engine::TargetBlocker::Kind::Freeze:
        out += "freeze " + cel::format_timestamp(b.freeze->from) + " to " +
               cel::format_timestamp(b.freeze->to) +
               (b.freeze->reason.empty() ? "" : " (" + b.freeze->reason + ")") + ": " +
               stage_list(e, b.freeze_stages);
        break;
      case engine::TargetBlocker::Kind::Stage:
        out += "stage " + r.stage->id + ": " + engine::to_string(r.status);
        break;
    }
    out += '\n';
  }
  out += '\n';
}

void write_stages(std::string& out, const Evaluation& e) {
  size_t id_width = 6, gate_width = 6;
  for (const engine::StageResult& r : e.stages) {
    id_width = std::max(id_width, r.stage->id.size() + 2);
    for (const engine::GateResult& g : r.gates) gate_width = std::max(gate_width, g.gate->id.size() + 2);
  }
  out += "STAGES\n";
  for (const engine::StageResult& r : e.stages) {
    out += "  " + pad(engine::to_string(r.status), 12) + pad(r.stage->id, id_width) + r.stage->title;
    if (r.drift) out += "  [drift]";
    out += '\n';
    std::string indent(14, ' ');
    for (const std::string& reason : engine::stage_reasons(e, r)) out += indent + "- " + reason + '\n';
    for (const engine::GateResult& g : r.gates) {
      out += indent + "[" + pad(engine::to_string(g.status), 7) + "] " +
             pad(plan::to_string(g.gate->kind), 9) + pad(g.gate->id, gate_width) + engine::gate_message(e, g) + '\n';
    }
    if (r.score)
      out += indent + "score " + engine::describe_share(*r.score) + " (min_score " +
             engine::describe_share(r.stage->min_score) + ")\n";
    for (const engine::ApprovalCount& a : r.approvals) {
      out += indent + "approvals by " + a.requirement->role + ": " + std::to_string(a.approvers.size()) +
             " of " + std::to_string(a.requirement->min);
      if (!a.approvers.empty()) {
        out += " (";
        for (size_t i = 0; i < a.approvers.size(); ++i) out += (i ? ", " : "") + a.approvers[i];
        out += ")";
      }
      out += '\n';
    }
  }
  out += '\n';
}

// What an operations leader looks for first (rule 17): regressions on
// started stages, with since when.
void write_drift(std::string& out, const Evaluation& e) {
  std::string lines;
  for (const engine::StageResult& r : e.stages)
    for (const engine::GateResult& g : r.gates)
      if (g.drift_since)
        lines += "  " + g.gate->full_id + "  " + engine::to_string(g.status) + " since " +
                 cel::format_timestamp(*g.drift_since) + " (stage " + engine::to_string(r.status) +
                 ")\n     " + engine::gate_message(e, g) + '\n';
  if (lines.empty()) return;
  out += "DRIFT (a gate that passed when its stage started no longer does)\n" + lines + '\n';
}

// Rule 18: what changed since the previous state, then what a what-if
// patch changed against the unpatched evaluation (rule 21).
void write_changes(std::string& out, const Evaluation& e) {
  if (e.has_previous_state) {
    out += "CHANGES since the previous evaluation\n";
    if (e.transitions.empty()) out += "  (none)\n";
    for (const engine::Transition& t : e.transitions)
      out += "  " + t.id + ": " + (t.from ? *t.from : std::string("(new)")) + " -> " + t.to + '\n';
    out += '\n';
  }
  if (e.what_if) {
    out += "WHAT IF: changes against the evaluation without the patch\n";
    if (e.what_if->empty()) out += "  (none)\n";
    for (const engine::StatusChange& c : *e.what_if) out += "  " + c.id + ": " + c.from + " -> " + c.to + '\n';
    out += '\n';
  }
}

void write_next(std::string& out, const Evaluation& e) {
  out += "NEXT\n";
  out += e.next.empty() ? "  (no stage is ready to start)\n" : "  " + stage_list(e, e.next) + '\n';
  out += '\n';
}

void write_blockers(std::string& out, const Evaluation& e) {
  out += "BLOCKERS (most held back first)\n";
  if (e.blockers.empty()) out += "  (none)\n";
  for (size_t i = 0; i < e.blockers.size(); ++i) {
    const engine::Blocker& b = e.blockers[i];
    out += "  " + std::to_string(i + 1) + ". " + b.id + "  " + b.status;
    out += "  owner: " + (b.owner.empty() ? std::string("(none)") : b.owner);
    out += "  holds back " + std::to_string(b.holds_back_count) + ": " + stage_list(e, b.holds_back);
    if (b.holds_back_count > b.holds_back.size())
      out += ", and " + std::to_string(b.holds_back_count - b.holds_back.size()) + " more";
    out += '\n';
    out += "     " + engine::blocker_message(e, b) + '\n';
  }
}

void write_warnings(std::string& out, const Evaluation& e) {
  if (e.warnings.empty()) return;
  out += "\nWARNINGS\n";
  for (const std::string& w : e.warnings) out += "  " + w + '\n';
}

}  // namespace

std::string to_text(const Evaluation& e) {
  std::string out;
  write_header(out, e);
  write_drift(out, e);
  write_changes(out, e);
  write_target(out, e);
  write_stages(out, e);
  write_next(out, e);
  write_blockers(out, e);
  write_warnings(out, e);
  return out;
}

}  // namespace rollgate::report
