// The JSON report (docs/REPORT.md) read back into plain structs, once, for
// the renderers of the command line: text, Markdown, DOT, Mermaid and
// explain all draw from the same view.  Times stay as the report's RFC 3339
// text and are shown by terminal.hpp in a person's units.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rollgate::cli {

// One fact a gate's expression reads, as the report's evidence[] has it.
struct EvidenceView {
  std::string fact;
  std::string value;  // the JSON value as compact JSON text ("0.71", "[\"a\"]"); "" when missing
  bool missing = false;
  bool stale = false;
  std::string observed_at;  // RFC 3339, "" when unknown
  std::string source;       // "" when none
  std::string link;         // the evidence link the host supplied, "" when none
  std::string owner;
};

struct GateView {
  std::string id;    // full id, "pilot/uptime"
  std::string name;  // within its stage, "uptime"
  std::string kind;  // must | should | advisory
  std::string status;  // pass | fail | unknown | error | soaking
  std::string since;
  std::string value;  // "true", "false", or "" for null
  std::string message;
  std::string expr;
  std::string owner;  // "" when none
  std::string category;
  std::string hold_for;   // CEL duration text ("259200s"), "" when none
  std::string remaining;  // for a soaking gate, "" otherwise
  std::vector<EvidenceView> evidence;
};

struct ApprovalView {
  std::string role;
  long long min = 1;
  std::vector<std::string> approvers;  // the people counted
  bool met = false;
};

struct StageView {
  std::string id;
  std::string matrix;  // the matrix id of an expansion, else ""
  std::string title;
  std::string owner;
  std::string status;
  std::string since;
  bool drift = false;
  std::optional<double> score;
  double min_score = 0;
  std::vector<std::string> after;    // as the plan writes it (may name matrix ids)
  std::vector<std::string> reasons;  // why a stage not yet started has its status
  std::vector<GateView> gates;       // in the summary layout only those not passing
  std::size_t passing_gates = 0;     // summary layout: the passing gates left out
  std::vector<ApprovalView> approvals;
};

struct BlockerView {
  std::string kind;  // gate | approval | stage
  std::string id;
  std::string stage;
  std::string status;
  std::string owner;
  std::string message;
  std::vector<std::string> holds_back;  // the first 10
  std::size_t holds_back_count = 0;
};

// One entry of target.blocked_by, with a line for people already made.
struct BlockedByView {
  std::string kind;  // gate | approval | freeze | stage
  std::string id;    // gate or stage id; the stage for an approval; "" for a freeze
  std::string status;  // the gate's or stage's status; "missing" for an approval, "frozen" for a freeze
  std::string role;    // an approval's role, else ""
  std::string text;  // e.g. "approval full-rollout by steering-committee: 1 of 2"
};

struct TargetView {
  std::string id;  // "" when the plan names no target
  std::string status;
  bool met = false;
  std::vector<std::string> path;
  std::vector<std::string> critical_path;
  std::vector<BlockedByView> blocked_by;
};

struct DriftView {
  std::string stage;
  std::string gate;  // full id
  std::string status;
  std::string since;
};

// A transition, or a change a what-if patch makes (then `at` is "").
struct TransitionView {
  std::string id;
  std::string from;  // "" for null (new, or a changed definition)
  std::string to;
  std::string at;
};

struct ReportView {
  std::string plan_name;
  std::string plan_title;
  std::string digest;
  std::string evaluated_at;
  TargetView target;
  std::vector<std::string> next;
  std::vector<StageView> stages;
  std::vector<BlockerView> blockers;
  std::vector<DriftView> drift;
  std::vector<TransitionView> transitions;
  bool is_what_if = false;
  std::vector<TransitionView> what_if_changes;
  std::vector<std::string> warnings;
};

// Reads a report as Report::json() (any layout) writes it.  Throws
// std::runtime_error on a document that is not a report (a bug: the
// library wrote it).
ReportView read_report_view(std::string_view json);

// One stage of a report, as Report::stage_json() writes it: what a command
// about one stage needs, without the rest of the plan.
struct StageReportView {
  std::string evaluated_at;
  StageView stage;
  std::vector<DriftView> drift;  // the stage's drifting gates
};

// Reads Report::stage_json() (any layout); throws as read_report_view().
StageReportView read_stage_report_view(std::string_view json);

}  // namespace rollgate::cli
