// `rollgate explain PLAN [inputs] STAGE|STAGE/GATE`: why a stage or a gate
// has its status.  Gathers an Explanation (explanation.hpp) and prints it
// as text (explain_text.cpp) or JSON.  Nothing is saved: explain reads the
// state file but never replaces it.
#include <boost/json.hpp>

#include <iostream>

#include "closest_name.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "explain_text.hpp"
#include "explanation.hpp"
#include "human_time.hpp"
#include "json_fields.hpp"
#include "session_loader.hpp"

namespace rollgate::cli {

namespace {

// The subject as a stage index and, for a gate, its name within the stage.
// A stage id is tried whole first: "STAGE/GATE" splits at the last '/'.
struct Subject {
  std::size_t stage = 0;
  std::string gate;  // "" for the whole stage
};

Subject find_subject(const rollgate::Plan& plan, const std::string& subject) {
  const std::size_t slash = subject.rfind('/');
  if (slash == std::string::npos) return {plan.stage_index(subject), ""};
  try {
    return {plan.stage_index(subject), ""};
  } catch (const rollgate::Error&) {
    return {plan.stage_index(subject.substr(0, slash)), subject.substr(slash + 1)};
  }
}

// Why an approval does not count, by DESIGN rule 8 in its order; the
// report lists the people it counted, so an approval that passes every
// other test and is not counted is past the requirement's max_age.
std::string refusal(const boost::json::object& approval, const StageView& stage,
                    const std::string& requested_by, rollgate::Timestamp now) {
  const std::string role = text_of(approval, "role");
  const std::string by = text_of(approval, "by");
  const ApprovalView* requirement = nullptr;
  std::string roles;
  for (const ApprovalView& a : stage.approvals) {
    if (a.role == role) requirement = &a;
    roles += (roles.empty() ? "" : ", ") + a.role;
  }
  if (!requirement)
    return roles.empty() ? "the stage requires no approval" : "wrong role: the stage requires " + roles;
  if (!requested_by.empty() && by == requested_by) return "self-approval: " + by + " requested the stage";
  const std::string at = text_of(approval, "at");
  if (!at.empty()) {
    const rollgate::Timestamp when = parse_instant(at);
    if (when.seconds > now.seconds || (when.seconds == now.seconds && when.nanos > now.nanos))
      return "given after the evaluation instant";
  }
  for (const std::string& person : requirement->approvers)
    if (person == by) return "";
  return "expired: older than the requirement's max_age";
}

void gather_approvals(Explanation& e, const rollgate::Session& session, const rollgate::PlanStage& stage,
                      rollgate::Timestamp now) {
  const boost::json::object inputs = boost::json::parse(session.inputs()).as_object();
  std::string requested_by;
  if (const boost::json::value* progress = inputs.if_contains("progress"))
    for (const std::string& id : {stage.id, stage.matrix_id})
      if (const boost::json::value* p = progress->as_object().if_contains(id); p && requested_by.empty())
        requested_by = text_of(p->as_object(), "requested_by");
  const boost::json::value* approvals = inputs.if_contains("approvals");
  if (!approvals) return;
  for (const boost::json::value& v : approvals->as_array()) {
    const boost::json::object& a = v.as_object();
    const std::string for_stage = text_of(a, "stage");
    if (for_stage != stage.id && (stage.matrix_id.empty() || for_stage != stage.matrix_id)) continue;
    ApprovalExplanation out{text_of(a, "role"), text_of(a, "by"), text_of(a, "at"), false, ""};
    out.why = refusal(a, e.stage, requested_by, now);
    out.counted = out.why.empty();
    e.approvals.push_back(std::move(out));
  }
}

void gather_gates(Explanation& e, const rollgate::Plan& plan, const rollgate::Report& report,
                  const rollgate::Session& session, const Subject& subject, rollgate::Timestamp now) {
  const rollgate::PlanStage stage = plan.stage(subject.stage);
  std::vector<std::string> names;
  for (std::size_t g = 0; g < stage.gate_count; ++g) {
    rollgate::PlanGate gate = plan.gate(subject.stage, g);
    names.push_back(gate.name);
    if (!subject.gate.empty() && gate.name != subject.gate) continue;
    std::string probe = session.evaluate_expr(gate.expression, now, /*operands=*/true);
    e.gates.push_back(GateExplanation{std::move(gate), report.gate(subject.stage, g), std::move(probe)});
  }
  if (!subject.gate.empty() && e.gates.empty()) {
    std::string message = "stage " + stage.id + " has no gate '" + subject.gate + "'";
    if (std::optional<std::string> close = closest_name(subject.gate, names))
      message += " (did you mean '" + stage.id + "/" + *close + "'?)";
    throw std::runtime_error(message);
  }
}

Explanation explain(const LoadedSession& loaded, const rollgate::Report& report, const std::string& subject_text) {
  const rollgate::Plan& plan = loaded.plan;
  const Subject subject = find_subject(plan, subject_text);
  // The subject's stage alone, in the summary layout (its reasons and
  // approvals, the gates that do not pass): rendering the whole report
  // would cost the whole plan, minutes for a million gates.
  StageReportView view =
      read_stage_report_view(report.stage_json(subject.stage, ROLLGATE_JSON_SUMMARY | ROLLGATE_JSON_COMPACT));
  Explanation e;
  e.subject = subject_text;
  e.gate_only = !subject.gate.empty();
  e.stage = std::move(view.stage);
  e.evaluated_at = view.evaluated_at;
  const rollgate::PlanStage stage = plan.stage(subject.stage);
  for (std::size_t up : stage.after) {
    const rollgate::StageResult r = report.stage(up);
    e.upstreams.push_back({r.id, rollgate::to_string(r.status)});
  }
  e.drift = std::move(view.drift);
  gather_approvals(e, loaded.session, stage, loaded.now);
  gather_gates(e, plan, report, loaded.session, subject, loaded.now);
  return e;
}

// 0 when the subject may go ahead: a stage ready, in progress or done, a
// gate that passes; 1 otherwise.
int exit_status(const Explanation& e) {
  if (e.gate_only) return e.gates.front().result.status == rollgate::GateStatus::Pass ? kExitOk : kExitNotReady;
  const std::string& s = e.stage.status;
  return s == "ready" || s == "in_progress" || s == "done" ? kExitOk : kExitNotReady;
}

}  // namespace

int run_explain(const ExplainOptions& options) {
  LoadedSession loaded = load_session(options.inputs);
  const rollgate::Report report = loaded.session.evaluate(loaded.now.seconds, loaded.now.nanos);
  const Explanation e = explain(loaded, report, options.subject);
  if (options.format == "json") std::cout << explanation_json(e);
  else std::cout << explanation_text(e, TextStyle(use_color(options.color, stdout_terminal())));
  std::cout.flush();
  if (!std::cout) throw std::runtime_error("cannot write to standard output");
  return exit_status(e);
}

}  // namespace rollgate::cli
