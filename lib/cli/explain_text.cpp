#include "explain_text.hpp"

#include <boost/json.hpp>

#include <sstream>

#include "display_width.hpp"
#include "evidence_text.hpp"
#include "human_time.hpp"
#include "json_fields.hpp"

namespace rollgate::cli {

namespace {

constexpr std::size_t kWidth = 80;
constexpr std::size_t kLabel = 12;  // "  approvals " : the label column
const std::string kIndent(kLabel, ' ');

// Lines of one labelled section: the label in the first line's margin.
// line() takes text already made safe and styled; wrapped() takes text from
// the plan or the facts, makes it printable and wraps it at word
// boundaries to the width left, after an optional styled prefix of
// `prefix_width` columns (continuation lines are indented past it).
class Section {
 public:
  Section(std::ostringstream& out, std::string label) : out_(out), label_(std::move(label)) {}
  void line(const std::string& styled) {
    out_ << (label_.empty() ? kIndent : pad_right("  " + label_, kLabel)) << styled << '\n';
    label_.clear();
  }
  void wrapped(std::string_view text, std::size_t indent = 0, const std::string& prefix = "",
               std::size_t prefix_width = 0) {
    const std::string margin(indent, ' ');
    bool first = true;
    for (const std::string& l : wrap_words(printable(text), kWidth - kLabel - indent - prefix_width)) {
      line(margin + (first ? prefix : std::string(prefix_width, ' ')) + l);
      first = false;
    }
  }

 private:
  std::ostringstream& out_;
  std::string label_;
};

// " since … (2h ago)" after a status; "" for a report time that is absent.
std::string since_suffix(rollgate::Timestamp since, rollgate::Timestamp now) {
  std::string out(1, ' ');
  out += format_since(since, now);
  return out;
}
std::string since_suffix(std::string_view since, rollgate::Timestamp now) {
  return since.empty() ? std::string() : since_suffix(parse_instant(since), now);
}

void write_stage(std::ostringstream& out, const Explanation& e, const TextStyle& style, rollgate::Timestamp now) {
  const StageView& s = e.stage;
  out << style.heading("STAGE " + printable(s.id));
  if (!s.title.empty()) out << "  " << shorten_words(printable(s.title), kWidth - 8 - display_width(s.id));
  out << '\n';
  Section(out, "status").line(style.symbol(s.status) + style.status(s.status, s.status) + since_suffix(s.since, now));
  if (!s.owner.empty()) Section(out, "owner").wrapped(s.owner);
  if (s.score) {
    Section(out, "score").line(std::to_string(int(*s.score * 100 + 0.5)) + "% (min_score " +
                               std::to_string(int(s.min_score * 100 + 0.5)) + "%)");
  }
  Section why(out, "why");
  for (const std::string& r : s.reasons) why.wrapped(r);
  Section upstream(out, "upstream");
  std::size_t id_width = 0;
  for (const UpstreamExplanation& u : e.upstreams) id_width = std::max(id_width, std::min<std::size_t>(display_width(u.id), 40));
  for (const UpstreamExplanation& u : e.upstreams)
    upstream.line(pad_right(shorten_middle(printable(u.id), 40), id_width) + "  " + style.status(u.status, u.status));
  if (e.upstreams.empty()) upstream.line(style.dim("none"));
  Section approvals(out, "approvals");
  for (const ApprovalView& a : s.approvals)
    approvals.line(printable(a.role) + ": " + std::to_string(a.approvers.size()) + " of " + std::to_string(a.min) +
                   (a.met ? " (met)" : " (missing)"));
  for (const ApprovalExplanation& a : e.approvals)
    approvals.wrapped(a.by + " as " + a.role + (a.at.empty() ? "" : " at " + format_instant(parse_instant(a.at))) +
                          ": " + (a.counted ? "counted" : "refused, " + a.why),
                      2);
  if (s.approvals.empty() && e.approvals.empty()) approvals.line(style.dim("none required"));
  Section drift(out, "drift");
  for (const DriftView& d : e.drift) drift.line(printable(d.gate) + " " + style.status(d.status, d.status) + since_suffix(d.since, now));
  if (e.drift.empty()) drift.line(style.dim("none"));
}

// Each operand on its line: "▶" where it decides, its outcome, its text;
// why an unknown or an error is one under it.
void write_operands(Section& section, const boost::json::object& node, const TextStyle& style, std::size_t depth) {
  const boost::json::value* operands = node.if_contains("operands");
  if (!operands) return;
  constexpr std::size_t kOutcome = 10;  // "▶ unknown "
  for (const boost::json::value& v : operands->as_array()) {
    const boost::json::object& o = v.as_object();
    const std::string outcome = text_of(o, "outcome");
    // ASCII without colour, as every plain view (terminal.hpp).
    const std::string marker = !bool_of(o, "decides") ? " " : style.color() ? "▶" : ">";
    section.wrapped(text_of(o, "expr"), depth * 2,
                    marker + " " + style.status(outcome, outcome) + std::string(kOutcome - 2 - outcome.size(), ' '),
                    kOutcome);
    if (outcome == "unknown" || outcome == "error") section.wrapped(text_of(o, "message"), depth * 2 + kOutcome);
    write_operands(section, o, style, depth + 1);
  }
}

void write_facts(Section& section, const boost::json::object& probe, rollgate::Timestamp now) {
  for (const boost::json::value& v : probe.at("facts").as_array()) {
    const boost::json::object& fact = v.as_object();
    section.wrapped(fact_value_text(fact));
    if (const std::string about = observation_text(fact, now); !about.empty()) section.wrapped(about, 2);
  }
}

const char* kind_name(rollgate::GateKind kind) {
  switch (kind) {
    case rollgate::GateKind::Must: return "must";
    case rollgate::GateKind::Should: return "should";
    case rollgate::GateKind::Advisory: return "advisory";
  }
  return "must";
}

void write_gate(std::ostringstream& out, const GateExplanation& g, const TextStyle& style, rollgate::Timestamp now) {
  const std::string status = rollgate::to_string(g.result.status);
  std::string head = style.heading("GATE " + printable(g.plan.id)) + "  " + kind_name(g.plan.kind);
  if (!g.plan.owner.empty()) head += ", owner " + printable(g.plan.owner);
  if (!g.plan.category.empty()) head += ", category " + printable(g.plan.category);
  out << '\n' << head << '\n';
  Section(out, "status").line(style.symbol(status) + style.status(status, status) + since_suffix(g.result.since, now) +
                              (g.result.drift ? ", drifting" : ""));
  Section(out, "message").wrapped(g.result.message);
  Section(out, "expr").wrapped(g.plan.expression);
  if (g.plan.hold_for) Section(out, "hold for").line(format_span(g.plan.hold_for->seconds));
  const boost::json::object probe = boost::json::parse(g.probe_json).as_object();
  if (probe.contains("operands")) {
    Section operands(out, "operands");
    write_operands(operands, probe, style, 0);
  }
  Section facts(out, "facts");
  write_facts(facts, probe, now);
  if (probe.at("facts").as_array().empty()) facts.line(style.dim("none"));
}

}  // namespace

std::string explanation_text(const Explanation& e, const TextStyle& style) {
  std::ostringstream out;
  const rollgate::Timestamp now = parse_instant(e.evaluated_at);
  write_stage(out, e, style, now);
  for (const GateExplanation& g : e.gates) write_gate(out, g, style, now);
  return out.str();
}

std::string explanation_json(const Explanation& e) {
  boost::json::object stage{{"id", e.stage.id},         {"title", e.stage.title},
                            {"owner", e.stage.owner},   {"status", e.stage.status},
                            {"since", e.stage.since},   {"reasons", boost::json::value_from(e.stage.reasons)}};
  boost::json::array upstream, approvals, drift, gates;
  for (const UpstreamExplanation& u : e.upstreams) upstream.push_back(boost::json::object{{"id", u.id}, {"status", u.status}});
  for (const ApprovalExplanation& a : e.approvals)
    approvals.push_back(boost::json::object{{"role", a.role}, {"by", a.by}, {"at", a.at.empty() ? boost::json::value() : boost::json::value(a.at)},
                                            {"counted", a.counted}, {"why", a.why.empty() ? boost::json::value() : boost::json::value(a.why)}});
  for (const DriftView& d : e.drift)
    drift.push_back(boost::json::object{{"gate", d.gate}, {"status", d.status}, {"since", d.since}});
  stage["upstream"] = std::move(upstream);
  stage["approvals"] = std::move(approvals);
  stage["drift"] = std::move(drift);
  for (const GateExplanation& g : e.gates)
    gates.push_back(boost::json::object{{"id", g.plan.id},
                                        {"kind", kind_name(g.plan.kind)},
                                        {"status", rollgate::to_string(g.result.status)},
                                        {"since", rollgate::format_timestamp(g.result.since.seconds, g.result.since.nanos)},
                                        {"message", g.result.message},
                                        {"owner", g.plan.owner},
                                        {"expression", boost::json::parse(g.probe_json)}});
  boost::json::object doc{{"subject", e.subject}, {"evaluated_at", e.evaluated_at}, {"stage", std::move(stage)},
                          {"gates", std::move(gates)}};
  return boost::json::serialize(doc) + "\n";
}

}  // namespace rollgate::cli
