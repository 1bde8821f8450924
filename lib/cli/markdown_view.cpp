// The report as Markdown for a ticket or a pull request: the target, what
// changed, the blockers and the stages as tables.  Every text from the plan
// or the facts is escaped, so a title with markup comes out as text and an
// owner named "@team" pings nobody.
#include "report_queries.hpp"
#include "views.hpp"

namespace rollgate::cli {

namespace {

constexpr std::size_t kListed = 10;
constexpr std::size_t kGatesPerCell = 5;

// Backslash before every character that could start markup in CommonMark
// or GitHub's extensions (tables, strikethrough, math, mentions, issue
// links); control characters become spaces.
std::string md(std::string_view text) {
  constexpr std::string_view kSpecial = "\\`*_{}[]<>#+!|~&$@";
  std::string out;
  out.reserve(text.size());
  for (char c : printable(text)) {
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

void write_change(std::string& out, const TransitionView& change) {
  out += "- " + md(change.id) + ": " + (change.from.empty() ? "new" : md(change.from)) + " → **" + md(change.to) +
         "**\n";
}

template <typename Item, typename Write>
void capped(std::string& out, const std::vector<Item>& items, std::size_t shown, Write write) {
  for (std::size_t i = 0; i < items.size() && i < shown; ++i) write(items[i]);
  if (items.size() > shown)
    out += "- and " + std::to_string(items.size() - shown) + " more (`--format json` lists them all)\n";
}

void write_header(std::string& out, const ReportView& report) {
  out += "# " + (report.plan_title.empty() ? md(report.plan_name)
                                           : md(report.plan_title) + " (" + md(report.plan_name) + ")");
  out += "\n\nEvaluated at " + format_instant(parse_instant(report.evaluated_at)) + ".\n\n";
  const TargetView& target = report.target;
  out += "**Target** " + (target.id.empty() ? std::string("every stage") : md(target.id)) + ": **" +
         md(target.status) + "** (" + (target.met ? "met" : "not met") + ")\n";
  if (!target.critical_path.empty()) {
    out += "\nCritical path: ";
    for (std::size_t i = 0; i < target.critical_path.size(); ++i) out += (i ? " → " : "") + md(target.critical_path[i]);
    out += '\n';
  }
}

void write_changes(std::string& out, const ReportView& report) {
  if (!report.drift.empty() || !report.transitions.empty()) {
    out += "\n## Changes since the previous evaluation\n\n";
    for (const DriftView& drift : report.drift)
      out += "- drift: " + md(drift.gate) + " **" + md(drift.status) + "** since " +
             format_instant(parse_instant(drift.since)) + "\n";
    capped(out, report.transitions, kListed * 2, [&](const TransitionView& t) { write_change(out, t); });
  }
  if (report.is_what_if) {
    out += "\n## What-if: the patch changes\n\n";
    if (report.what_if_changes.empty()) out += "No status.\n";
    capped(out, report.what_if_changes, kListed * 2, [&](const TransitionView& t) { write_change(out, t); });
  }
}

void write_blockers(std::string& out, const ReportView& report) {
  if (report.blockers.empty() && report.target.blocked_by.empty()) return;
  out += "\n## Blockers\n";
  if (!report.blockers.empty()) {
    out += "\n| blocker | status | owner | holds back | why |\n|---|---|---|---:|---|\n";
    for (std::size_t i = 0; i < report.blockers.size() && i < kListed; ++i) {
      const BlockerView& b = report.blockers[i];
      out += "| " + md(b.id) + " | " + md(b.status) + " | " + md(b.owner) + " | " +
             std::to_string(b.holds_back_count) + " | " + md(b.message) + " |\n";
    }
    if (report.blockers.size() > kListed)
      out += "\nand " + std::to_string(report.blockers.size() - kListed) + " more (`--format json` lists them all)\n";
  }
  const std::vector<const BlockedByView*> others = target_waits_beyond(report, kListed);
  if (others.empty()) return;
  out += report.blockers.empty() ? "\nThe target waits for:\n\n" : "\nThe target also waits for:\n\n";
  capped(out, others, kListed, [&](const BlockedByView* item) { out += "- " + md(item->text) + "\n"; });
}

// next[] is the ready stages in plan order: the ready group has their
// titles and owners.
void write_next(std::string& out, const std::vector<StatusGroup>& groups) {
  for (const StatusGroup& group : groups) {
    if (group.status != "ready") continue;
    out += "\n## Next: ready to start\n\n";
    capped(out, group.stages, kListed, [&](const StageView* stage) {
      out += "- " + md(stage->id);
      if (!stage->title.empty()) out += " — " + md(stage->title);
      if (!stage->owner.empty()) out += " (" + md(stage->owner) + ")";
      out += '\n';
    });
  }
}

// "3 of 4 pass; training: fail", only the gates that do not pass.
std::string gates_cell(const StageView& stage) {
  std::size_t passing = stage.passing_gates, listed = 0;
  std::string failing;
  for (const GateView& gate : stage.gates) {
    if (gate.status == "pass") {
      ++passing;
      continue;
    }
    if (listed++ < kGatesPerCell) failing += "; " + md(gate.name) + ": " + md(gate.status);
  }
  if (listed > kGatesPerCell) failing += "; and " + std::to_string(listed - kGatesPerCell) + " more";
  const std::size_t total = stage.passing_gates + stage.gates.size();
  std::string cell = total ? std::to_string(passing) + " of " + std::to_string(total) + " pass" : "";
  if (stage.score) cell += ", score " + format_share(*stage.score);
  return cell + failing;
}

void write_stages(std::string& out, const std::vector<StatusGroup>& groups) {
  if (groups.empty()) return;
  out += "\n## Stages\n\n| status | stage | title | owner | gates |\n|---|---|---|---|---|\n";
  for (const StatusGroup& group : groups)
    for (const StageView* stage : group.stages)
      out += "| " + md(stage->status) + " | " + md(stage->id) + " | " + md(stage->title) + " | " + md(stage->owner) +
             " | " + gates_cell(*stage) + " |\n";
}

void write_warnings(std::string& out, const ReportView& report) {
  if (report.warnings.empty()) return;
  out += "\n## Warnings\n\n";
  for (const std::string& warning : report.warnings) out += "- " + md(warning) + "\n";
}

}  // namespace

std::string render_markdown(const ReportView& report) {
  std::string out;
  write_header(out, report);
  write_changes(out, report);
  write_blockers(out, report);
  const std::vector<StatusGroup> groups = group_by_status(report.stages);
  write_next(out, groups);
  write_stages(out, groups);
  write_warnings(out, report);
  return out;
}

}  // namespace rollgate::cli
