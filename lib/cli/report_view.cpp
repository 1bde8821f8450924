#include "report_view.hpp"

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <charconv>
#include <stdexcept>

#include "human_time.hpp"
#include "json_fields.hpp"

namespace rollgate::cli {

namespace {

namespace json = boost::json;

// Members the renderers may do without are read leniently ("" / 0 / empty
// when absent or null); the report's skeleton is required.
const json::object& required_object(const json::object& parent, std::string_view key) {
  const json::value* value = parent.if_contains(key);
  if (!value || !value->is_object())
    throw std::runtime_error("the report has no object '" + std::string(key) + "'");
  return value->get_object();
}

std::optional<double> number_of(const json::object& o, std::string_view key) {
  const json::value* value = o.if_contains(key);
  if (!value) return std::nullopt;
  if (value->is_double()) return value->get_double();
  if (value->is_int64()) return double(value->get_int64());
  if (value->is_uint64()) return double(value->get_uint64());
  return std::nullopt;
}

long long integer_of(const json::object& o, std::string_view key) {
  return static_cast<long long>(number_of(o, key).value_or(0));
}

// Calls `each` with every object of the array `key` (none when absent).
template <typename Each>
void for_each_object(const json::object& o, std::string_view key, Each each) {
  const json::value* value = o.if_contains(key);
  if (!value || !value->is_array()) return;
  for (const json::value& item : value->get_array())
    if (item.is_object()) each(item.get_object());
}

std::vector<std::string> strings_of(const json::object& o, std::string_view key) {
  std::vector<std::string> out;
  const json::value* value = o.if_contains(key);
  if (!value || !value->is_array()) return out;
  out.reserve(value->get_array().size());
  for (const json::value& item : value->get_array())
    if (item.is_string()) out.emplace_back(item.get_string());
  return out;
}

// Compact JSON with doubles in shortest round-trip form, as the report
// writes them ("0.71", where Boost's serializer would write "7.1E-1").
void append_compact(std::string& out, const json::value& value) {
  switch (value.kind()) {
    case json::kind::double_: {
      char digits[32];
      const auto result = std::to_chars(digits, digits + sizeof digits, value.get_double());
      out.append(digits, result.ptr);
      return;
    }
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const json::value& item : value.get_array()) {
        if (!first) out += ',';
        first = false;
        append_compact(out, item);
      }
      out += ']';
      return;
    }
    case json::kind::object: {
      out += '{';
      bool first = true;
      for (const json::key_value_pair& member : value.get_object()) {
        if (!first) out += ',';
        first = false;
        out += json::serialize(json::string_view(member.key()));
        out += ':';
        append_compact(out, member.value());
      }
      out += '}';
      return;
    }
    default:
      out += json::serialize(value);
  }
}

EvidenceView read_evidence(const json::object& o) {
  EvidenceView ev;
  ev.fact = text_of(o, "fact");
  if (const json::value* value = o.if_contains("value"); value && !value->is_null()) append_compact(ev.value, *value);
  ev.missing = bool_of(o, "missing");
  ev.stale = bool_of(o, "stale");
  ev.observed_at = text_of(o, "observed_at");
  ev.source = text_of(o, "source");
  ev.link = text_of(o, "evidence");
  ev.owner = text_of(o, "owner");
  return ev;
}

GateView read_gate(const json::object& o, const std::string& stage_id) {
  GateView gate;
  gate.name = text_of(o, "id");
  gate.id = stage_id + "/" + gate.name;
  gate.kind = text_of(o, "kind");
  gate.status = text_of(o, "status");
  gate.since = text_of(o, "since");
  if (const json::value* value = o.if_contains("value"); value && value->is_bool())
    gate.value = value->get_bool() ? "true" : "false";
  gate.message = text_of(o, "message");
  gate.expr = text_of(o, "expr");
  gate.owner = text_of(o, "owner");
  gate.category = text_of(o, "category");
  gate.hold_for = text_of(o, "hold_for");
  gate.remaining = text_of(o, "remaining");
  for_each_object(o, "evidence", [&](const json::object& ev) { gate.evidence.push_back(read_evidence(ev)); });
  return gate;
}

StageView read_stage(const json::object& o) {
  StageView stage;
  stage.id = text_of(o, "id");
  stage.matrix = text_of(o, "matrix");
  stage.title = text_of(o, "title");
  stage.owner = text_of(o, "owner");
  stage.status = text_of(o, "status");
  stage.since = text_of(o, "since");
  stage.drift = bool_of(o, "drift");
  stage.score = number_of(o, "score");
  stage.min_score = number_of(o, "min_score").value_or(0);
  stage.after = strings_of(o, "after");
  stage.reasons = strings_of(o, "reasons");
  for_each_object(o, "gates", [&](const json::object& g) { stage.gates.push_back(read_gate(g, stage.id)); });
  stage.passing_gates = std::size_t(integer_of(o, "passing_gates"));
  for_each_object(o, "approvals", [&](const json::object& a) {
    stage.approvals.push_back(ApprovalView{text_of(a, "role"), integer_of(a, "min"), strings_of(a, "approvers"),
                                           bool_of(a, "met")});
  });
  return stage;
}

BlockerView read_blocker(const json::object& o) {
  BlockerView blocker;
  blocker.kind = text_of(o, "kind");
  blocker.id = text_of(o, "id");
  blocker.stage = text_of(o, "stage");
  blocker.status = text_of(o, "status");
  blocker.owner = text_of(o, "owner");
  blocker.message = text_of(o, "message");
  blocker.holds_back = strings_of(o, "holds_back");
  blocker.holds_back_count = std::size_t(integer_of(o, "holds_back_count"));
  return blocker;
}

// "a, b, c and 7 more": a freeze may cover most of a large plan.
std::string some_stages(const std::vector<std::string>& stages) {
  constexpr std::size_t kShown = 3;
  std::string out;
  for (std::size_t i = 0; i < stages.size() && i < kShown; ++i) {
    if (i) out += ", ";
    out += stages[i];
  }
  if (stages.size() > kShown) out += " and " + std::to_string(stages.size() - kShown) + " more";
  return out;
}

BlockedByView read_blocked_by(const json::object& o) {
  BlockedByView item;
  item.kind = text_of(o, "kind");
  if (item.kind == "approval") {
    item.id = text_of(o, "stage");
    item.status = "missing";
    item.role = text_of(o, "role");
    item.text = "approval " + item.id + " by " + item.role + ": " + std::to_string(integer_of(o, "have")) +
                " of " + std::to_string(integer_of(o, "min"));
  } else if (item.kind == "freeze") {
    item.status = "frozen";
    item.text = "freeze until " + format_instant(parse_instant(text_of(o, "to")));
    if (const std::string reason = text_of(o, "reason"); !reason.empty()) item.text += " (" + reason + ")";
    item.text += " over " + some_stages(strings_of(o, "stages"));
  } else {  // gate | stage
    item.id = text_of(o, "id");
    item.status = text_of(o, "status");
    item.text = item.kind + " " + item.id + ": " + item.status;
  }
  return item;
}

TargetView read_target(const json::object& o) {
  TargetView target;
  target.id = text_of(o, "id");
  target.status = text_of(o, "status");
  target.met = bool_of(o, "met");
  target.path = strings_of(o, "path");
  target.critical_path = strings_of(o, "critical_path");
  for_each_object(o, "blocked_by", [&](const json::object& b) { target.blocked_by.push_back(read_blocked_by(b)); });
  return target;
}

TransitionView read_transition(const json::object& o) {
  return TransitionView{text_of(o, "id"), text_of(o, "from"), text_of(o, "to"), text_of(o, "at")};
}

DriftView read_drift(const json::object& d) {
  return DriftView{text_of(d, "stage"), text_of(d, "gate"), text_of(d, "status"), text_of(d, "since")};
}

// The document's top-level object, parsed into `arena`.
const json::object& parse_report(std::string_view text, json::value& document, json::monotonic_resource& arena) {
  json::error_code error;
  document = json::parse(json::string_view(text.data(), text.size()), error, &arena);
  if (error || !document.is_object()) throw std::runtime_error("the report is not a JSON object: " + error.message());
  return document.get_object();
}

}  // namespace

ReportView read_report_view(std::string_view text) {
  // One arena for the whole document: a 100k-stage report is tens of
  // megabytes of small values, freed at once.
  json::monotonic_resource arena;
  json::value document;
  const json::object& top = parse_report(text, document, arena);

  ReportView view;
  const json::object& plan = required_object(top, "plan");
  view.plan_name = text_of(plan, "name");
  view.plan_title = text_of(plan, "title");
  view.digest = text_of(plan, "digest");
  view.evaluated_at = text_of(top, "evaluated_at");
  view.target = read_target(required_object(top, "target"));
  view.next = strings_of(top, "next");
  for_each_object(top, "stages", [&](const json::object& s) { view.stages.push_back(read_stage(s)); });
  for_each_object(top, "blockers", [&](const json::object& b) { view.blockers.push_back(read_blocker(b)); });
  for_each_object(top, "drift", [&](const json::object& d) { view.drift.push_back(read_drift(d)); });
  for_each_object(top, "transitions", [&](const json::object& t) { view.transitions.push_back(read_transition(t)); });
  if (const json::value* what_if = top.if_contains("what_if"); what_if && what_if->is_object()) {
    view.is_what_if = true;
    for_each_object(what_if->get_object(), "changes",
                    [&](const json::object& c) { view.what_if_changes.push_back(read_transition(c)); });
  }
  view.warnings = strings_of(top, "warnings");
  return view;
}

StageReportView read_stage_report_view(std::string_view text) {
  json::monotonic_resource arena;
  json::value document;
  const json::object& top = parse_report(text, document, arena);
  StageReportView view;
  view.evaluated_at = text_of(top, "evaluated_at");
  view.stage = read_stage(required_object(top, "stage"));
  for_each_object(top, "drift", [&](const json::object& d) { view.drift.push_back(read_drift(d)); });
  return view;
}

}  // namespace rollgate::cli
