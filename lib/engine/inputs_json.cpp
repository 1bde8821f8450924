#include "engine/inputs_json.hpp"

#include "report/json_writer.hpp"
#include "report/value_json.hpp"

namespace rollgate::engine {

namespace {

using report::JsonWriter;

void member_timestamp(JsonWriter& w, const char* name, const std::optional<cel::Timestamp>& t) {
  if (t) w.member(name, cel::format_timestamp(*t));
}

void member_text(JsonWriter& w, const char* name, const std::string& text) {
  if (!text.empty()) w.member(name, text);
}

void write_facts(JsonWriter& w, const plan::Plan& plan, const Inputs& inputs) {
  w.key("facts");
  w.begin_object();
  for (size_t f = 0; f < inputs.facts.size() && f < plan.facts.size(); ++f) {
    const FactTable::Entry& fact = inputs.facts[f];
    if (!fact) continue;
    w.key(plan.facts[f].name);
    w.begin_object();
    w.key("value");
    report::write_value_exact(w, fact->value);
    member_timestamp(w, "observed_at", fact->observed_at);
    member_text(w, "source", fact->source);
    member_text(w, "evidence", fact->evidence);
    w.end_object();
  }
  w.end_object();
}

bool is_default(const StageProgress& p) {
  return p.state == ProgressState::NotStarted && !p.started_at && !p.done_at && p.requested_by.empty() &&
         p.reason.empty();
}

void write_progress(JsonWriter& w, const plan::Plan& plan, const Inputs& inputs) {
  w.key("progress");
  w.begin_object();
  for (size_t s = 0; s < inputs.progress.size() && s < plan.stages.size(); ++s) {
    if (!inputs.progress.entry(s)) continue;  // never set: not started
    const StageProgress& p = inputs.progress[s];
    if (is_default(p)) continue;
    w.key(plan.stages[s].id);
    w.begin_object();
    w.member("state", to_string(p.state));
    member_timestamp(w, "started_at", p.started_at);
    member_timestamp(w, "done_at", p.done_at);
    member_text(w, "requested_by", p.requested_by);
    member_text(w, "reason", p.reason);
    w.end_object();
  }
  w.end_object();
}

void write_approvals(JsonWriter& w, const Inputs& inputs) {
  w.key("approvals");
  w.begin_array();
  for (const Approval& a : inputs.approvals) {
    w.begin_object();
    w.member("stage", a.stage_ref);
    w.member("role", a.role);
    w.member("by", a.by);
    member_timestamp(w, "at", a.at);
    member_text(w, "note", a.note);
    w.end_object();
  }
  w.end_array();
}

}  // namespace

std::string inputs_to_json(const plan::Plan& plan, const Inputs& inputs) {
  JsonWriter w;
  w.begin_object();
  write_facts(w, plan, inputs);
  write_progress(w, plan, inputs);
  write_approvals(w, inputs);
  w.end_object();
  std::string out = w.take();
  out += '\n';
  return out;
}

}  // namespace rollgate::engine
