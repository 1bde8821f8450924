// The text report for a rollout lead: one screen that says what changed,
// what blocks the target and who owns it, what may start now, and where
// every stage stands.  Every line fits 80 columns: values are shortened in
// the middle, prose at a word boundary, never wrapped mid-word.  Drawn from
// the summary layout, so passing gates cost nothing on a large plan.
#include <algorithm>
#include <unordered_map>

#include "report_queries.hpp"
#include "views.hpp"

namespace rollgate::cli {

namespace {

constexpr std::size_t kWidth = 80;
// Blockers, next stages and the target's other blockers: a screen, not a
// plan's worth (the stages list below has every stage).
constexpr std::size_t kListed = 10;
constexpr std::size_t kChangesListed = 20;
constexpr std::size_t kIdColumns = 24;
constexpr std::size_t kOwnerColumns = 20;
constexpr std::size_t kMinValueColumns = 12;

std::size_t room_after(std::size_t used) { return used < kWidth ? kWidth - used : 0; }

// Text from a plan or facts, on one line and within `width` columns.
std::string value(std::string_view text, std::size_t width) {
  return shorten_middle(printable(text), std::max(width, kMinValueColumns));
}
std::string prose(std::string_view text, std::size_t width) { return shorten_words(printable(text), width); }

// The reasons the report gives about a gate ("gate training is fail: ...")
// repeat the gate lines printed above them.
bool is_gate_reason(std::string_view reason) { return reason.starts_with("gate "); }

// A piece of a line whose width is known apart from its colour escapes.
struct Piece {
  std::string text;
  std::size_t width;
};

class TextReport {
 public:
  TextReport(const ReportView& report, const TextStyle& style)
      : report_(report),
        style_(style),
        now_(parse_instant(report.evaluated_at)),
        groups_(group_by_status(report.stages)) {
    for (const StageView& stage : report.stages)
      id_columns_ = std::max(id_columns_, std::min(kIdColumns, display_width(printable(stage.id))));
  }

  std::string render() {
    header();
    changes();
    blockers();
    next();
    stages();
    warnings();
    return std::move(out_);
  }

 private:
  void line(std::string_view text) {
    out_ += text;
    out_ += '\n';
  }
  void section(std::string_view title) {
    out_ += '\n';
    line(style_.heading(title));
  }

  Piece status_piece(std::string_view status) const {
    return {style_.symbol(status) + style_.status(status, status), symbol_width(style_) + display_width(status)};
  }

  std::string since_phrase(std::string_view since) const {
    if (since.empty()) return {};
    const rollgate::Timestamp then = parse_instant(since);
    return then == now_ ? "" : " for " + format_span(now_.seconds - then.seconds);
  }

  // "a -> b -> c", or "a -> … -> y -> z" keeping the end, the target.
  std::string chain(const std::vector<std::string>& ids, std::size_t width) const {
    std::string separator(1, ' ');
    separator += style_.arrow();
    separator += ' ';
    const std::size_t separator_width = display_width(separator);
    std::string all;
    std::size_t all_width = 0;
    for (std::size_t i = 0; i < ids.size() && all_width <= width; ++i) {
      const std::string id = printable(ids[i]);
      if (i) all += separator;
      all += id;
      all_width += (i ? separator_width : 0) + display_width(id);
    }
    if (all_width <= width) return all;
    const std::string first = value(ids.front(), width / 3);
    const std::string skipped = separator + "…";
    std::vector<std::string> last;  // from the end backwards
    std::size_t used = display_width(first) + display_width(skipped);
    std::size_t next = ids.size();  // ids[next - 1] is the next to keep
    while (next > 1) {
      std::string id = printable(ids[next - 1]);
      if (used + separator_width + display_width(id) > width) {
        if (!last.empty()) break;
        id = shorten_middle(id, width > used + separator_width ? width - used - separator_width : 1);
      }
      used += separator_width + display_width(id);
      last.push_back(std::move(id));
      --next;
    }
    std::string out = first + (next > 1 ? skipped : "");
    for (auto id = last.rbegin(); id != last.rend(); ++id) out += separator + *id;
    return out;
  }

  void header() {
    const std::string name = value(report_.plan_name, 40);
    if (report_.plan_title.empty()) {
      line(style_.heading(name));
    } else {
      line(style_.heading(prose(report_.plan_title, room_after(display_width(name) + 3)) + " (" + name + ")"));
    }
    line("evaluated at " + format_instant(now_));
    const std::string target = report_.target.id.empty() ? "every stage" : value(report_.target.id, 40);
    line("TARGET " + target + ": " + status_piece(report_.target.status).text +
         (report_.target.met ? " (met)" : " (not met)"));
    // A path of one stage is the target itself: nothing to add.
    const std::vector<std::string>& critical = report_.target.critical_path;
    if (critical.size() < 2) return;
    const std::string prefix = "  critical path (" + std::to_string(critical.size()) + "): ";
    line(prefix + chain(critical, room_after(display_width(prefix))));
  }

  void status_change(const TransitionView& change) {
    const Piece to = status_piece(change.to);
    const std::string from = change.from.empty() ? "new" : change.from;
    const std::string arrow(style_.arrow());
    const std::size_t fixed = 2 + 2 + display_width(from) + 1 + display_width(arrow) + 1 + to.width;
    line("  " + value(change.id, room_after(fixed)) + ": " + from + " " + arrow + " " + to.text);
  }

  template <typename Item, typename Print>
  void capped(const std::vector<Item>& items, std::size_t shown, std::string_view noun, Print print) {
    for (std::size_t i = 0; i < items.size() && i < shown; ++i) print(items[i]);
    if (items.size() > shown)
      line("  and " + std::to_string(items.size() - shown) + " more " + std::string(noun) +
           " (--format json lists them all)");
  }

  // Each drifting gate with its message: the STAGES list below leaves out
  // the gates of a done stage, where drift matters most.
  void drift_lines() {
    if (report_.drift.empty()) return;
    std::unordered_map<std::string_view, const GateView*> gate_by_id;
    for (const StageView& stage : report_.stages)
      for (const GateView& gate : stage.gates) gate_by_id.emplace(gate.id, &gate);
    for (const DriftView& drift : report_.drift) {
      const Piece status = status_piece(drift.status);
      const rollgate::Timestamp since = parse_instant(drift.since);
      const std::string when = std::string(" ").append(format_since(since, now_));
      const std::size_t fixed = 9 + 1 + status.width + display_width(when);
      line("  drift: " + value(drift.gate, room_after(fixed)) + " " + status.text + when);
      const auto gate = gate_by_id.find(drift.gate);
      if (gate != gate_by_id.end() && !gate->second->message.empty())
        line("         " + prose(gate->second->message, room_after(9)));
    }
  }

  void changes() {
    if (!report_.drift.empty() || !report_.transitions.empty()) {
      section("CHANGES since the previous evaluation");
      drift_lines();
      capped(report_.transitions, kChangesListed, "changes", [&](const TransitionView& t) { status_change(t); });
    }
    if (report_.is_what_if) {
      section(report_.what_if_changes.empty() ? "WHAT-IF: the patch changes no status (nothing is saved)"
                                              : "WHAT-IF: the patch changes (nothing is saved)");
      capped(report_.what_if_changes, kChangesListed, "changes", [&](const TransitionView& t) { status_change(t); });
    }
  }

  void blocker(std::size_t rank, const BlockerView& b) {
    const std::string number = std::to_string(rank) + ". ";
    const Piece status = status_piece(b.status);
    const std::string held = "  holds back " + std::to_string(b.holds_back_count);
    const std::size_t fixed = 2 + number.size() + 2 + status.width + held.size();
    line("  " + number + value(b.id, room_after(fixed)) + "  " + status.text + held);
    std::string who = b.owner.empty() ? "" : value(b.owner, kOwnerColumns) + ": ";
    const std::size_t indent = 2 + number.size();
    line(std::string(indent, ' ') + who + prose(b.message, room_after(indent + display_width(who))));
  }

  void blockers() {
    const std::vector<BlockerView>& ranked = report_.blockers;
    const std::size_t listed = std::min(kListed, ranked.size());
    const std::vector<const BlockedByView*> others = target_waits_beyond(report_, listed);
    if (ranked.empty() && others.empty()) return;
    section("BLOCKERS (most held back first)");
    for (std::size_t i = 0; i < listed; ++i) blocker(i + 1, ranked[i]);
    if (ranked.size() > listed)
      line("  and " + std::to_string(ranked.size() - listed) + " more blockers (--format json lists them all)");
    if (others.empty()) return;
    line(ranked.empty() ? "  the target waits for:" : "  the target also waits for:");
    capped(others, kListed, "items", [&](const BlockedByView* item) {
      line("    " + style_.symbol(item->status) + prose(item->text, room_after(4 + symbol_width(style_))));
    });
  }

  // "  ● wave-south   Wave south                          regional-lead-south"
  void stage_line(const StageView& stage, std::size_t indent) {
    const std::string id = pad_right(value(stage.id, id_columns_), id_columns_);
    const std::string owner = stage.owner.empty() ? "" : value(stage.owner, kOwnerColumns);
    const std::size_t owner_width = display_width(owner);
    std::string text = std::string(indent, ' ') + style_.symbol(stage.status) + id;
    std::size_t width = indent + symbol_width(style_) + display_width(id);
    const std::size_t title_room = room_after(width + 2 + (owner.empty() ? 0 : 2 + owner_width));
    const std::string title = prose(stage.title, title_room);
    if (!title.empty()) {
      text += "  " + title;
      width += 2 + display_width(title);
    }
    if (!owner.empty()) text += std::string(std::max<std::size_t>(2, room_after(width + owner_width)), ' ') + style_.dim(owner);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    line(text);
  }

  void gate_line(const GateView& gate) {
    const Piece status = status_piece(gate.status);
    std::string phrase = status.text;
    std::size_t phrase_width = status.width;
    std::string extra = gate.status == "soaking" && !gate.remaining.empty()
                            ? ", " + format_span(parse_duration_seconds(gate.remaining)) + " to go"
                            : since_phrase(gate.since);
    phrase += extra;
    phrase_width += display_width(extra);
    const std::string name = value(gate.name, kIdColumns);
    std::string text = "      " + name + "  " + phrase;
    const std::size_t used = 6 + display_width(name) + 2 + phrase_width;
    const std::string message = prose(gate.message, room_after(used + 2));
    if (!message.empty()) text += "  " + message;
    line(text);
  }

  void stage_details(const StageView& stage) {
    std::size_t passing = stage.passing_gates;
    for (const GateView& gate : stage.gates) {
      if (gate.status == "pass") ++passing;
      else gate_line(gate);
    }
    for (const std::string& reason : stage.reasons)
      if (!is_gate_reason(reason)) line("      - " + prose(reason, room_after(8)));
    const std::size_t total = stage.passing_gates + stage.gates.size();
    if (total == 0) return;
    std::string count = "      " + std::to_string(passing) + " of " + std::to_string(total) + " gates pass";
    if (stage.score) {
      count += ", score " + format_share(*stage.score);
      if (stage.min_score > 0) count += " (min " + format_share(stage.min_score) + ")";
    }
    line(style_.dim(count));
  }

  // The report's next[] is its ready stages in plan order: the ready
  // group, which has their titles and owners at hand.
  void next() {
    const auto ready = std::find_if(groups_.begin(), groups_.end(), [](const StatusGroup& g) { return g.status == "ready"; });
    if (ready == groups_.end()) return;
    section("NEXT (ready to start)");
    capped(ready->stages, kListed, "stages", [&](const StageView* stage) { stage_line(*stage, 2); });
  }

  void stages() {
    if (groups_.empty()) return;
    section("STAGES");
    for (const StatusGroup& group : groups_) {
      line("  " + style_.status(group.status, group.status) + " (" + std::to_string(group.stages.size()) + ")");
      // Done and cancelled stages are settled: their gates no longer matter.
      const bool settled = group.status == "done" || group.status == "cancelled";
      for (const StageView* stage : group.stages) {
        stage_line(*stage, 4);
        if (!settled) stage_details(*stage);
      }
    }
  }

  void warnings() {
    if (report_.warnings.empty()) return;
    section("WARNINGS");
    for (const std::string& warning : report_.warnings) {
      const std::vector<std::string> lines = wrap_words(printable(warning), kWidth - 4);
      for (std::size_t i = 0; i < lines.size(); ++i) line((i ? "    " : "  - ") + lines[i]);
    }
  }

  const ReportView& report_;
  const TextStyle& style_;
  const rollgate::Timestamp now_;
  const std::vector<StatusGroup> groups_;
  std::size_t id_columns_ = 1;
  std::string out_;
};

}  // namespace

std::string render_text(const ReportView& report, const TextStyle& style) {
  return TextReport(report, style).render();
}

}  // namespace rollgate::cli
