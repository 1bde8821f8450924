// What `rollgate explain` says about one stage or one gate, gathered from
// the evaluation (report readers and the summary report), the plan, the
// session's inputs and, for each gate, its expression evaluated again with
// its && / || operands broken down (Session::evaluate_expr).
#pragma once

#include <rollgate/rollgate.hpp>

#include <string>
#include <vector>

#include "report_view.hpp"

namespace rollgate::cli {

struct GateExplanation {
  rollgate::PlanGate plan;      // kind, expression, owner, category, hold_for
  rollgate::GateResult result;  // status, since, value, message, drift
  std::string probe_json;       // evaluate_expr(expression, now, operands)
};

// One approval given for the stage (or its matrix), and whether it counts.
struct ApprovalExplanation {
  std::string role;
  std::string by;
  std::string at;  // RFC 3339, "" when not given
  bool counted = false;
  std::string why;  // why it does not count; "" when it does
};

struct UpstreamExplanation {
  std::string id;
  std::string status;
};

struct Explanation {
  std::string subject;  // as asked: "pilot" or "pilot/uptime"
  bool gate_only = false;
  StageView stage;      // from the summary report: status, since, reasons, approvals
  std::string evaluated_at;
  std::vector<UpstreamExplanation> upstreams;
  std::vector<ApprovalExplanation> approvals;
  std::vector<DriftView> drift;            // this stage's drifting gates
  std::vector<GateExplanation> gates;      // every gate, or the one asked for
};

}  // namespace rollgate::cli
