#include "state/state_json.hpp"

#include "json/located_json.hpp"
#include "json/object_reader.hpp"
#include "report/json_writer.hpp"
#include "state/record_map.hpp"

namespace rollgate::state {

namespace {

constexpr int kStateVersion = 1;

using engine::GateStatus;
using engine::StageStatus;

void write_gate(report::JsonWriter& w, const GateRecord& r, const std::string& definition) {
  w.begin_object();
  w.member("status", engine::to_string(r.status));
  w.member("since", cel::format_timestamp(r.since));
  w.member("def", definition);
  if (r.true_since) w.member("true_since", cel::format_timestamp(*r.true_since));
  if (r.drift_since) w.member("drift_since", cel::format_timestamp(*r.drift_since));
  w.end_object();
}

template <class Status, size_t N>
std::optional<Status> status_named(std::string_view name, const Status (&all)[N]) {
  for (Status s : all)
    if (name == engine::to_string(s)) return s;
  return std::nullopt;
}

constexpr GateStatus kGateStatuses[] = {GateStatus::Pass, GateStatus::Fail, GateStatus::Unknown,
                                        GateStatus::Error, GateStatus::Soaking};
constexpr StageStatus kStageStatuses[] = {
    StageStatus::Blocked, StageStatus::Unknown,    StageStatus::Soaking, StageStatus::Waiting,
    StageStatus::Frozen,  StageStatus::Ready,      StageStatus::InProgress, StageStatus::Done,
    StageStatus::Held,    StageStatus::Cancelled};

// Reads the members every record has: status (one of `all`) and since.
template <class Status, size_t N>
std::optional<Status> read_status(json::ObjectReader& reader, const Status (&all)[N]) {
  std::optional<std::string> name = reader.string("status", /*required=*/true);
  if (!name) return std::nullopt;
  std::optional<Status> status = status_named(*name, all);
  if (!status) {
    std::string names;
    for (Status s : all) names += std::string(names.empty() ? "" : ", ") + engine::to_string(s);
    reader.error(DiagnosticKind::BadValue, "status", "unknown status '" + *name + "' (one of " + names + ")");
  }
  return status;
}

class StateLoader {
 public:
  StateLoader(const plan::Plan& plan, const json::Document& doc) : plan_(plan), doc_(doc) {}

  StateResult run() {
    StateResult result;
    const auto* root = doc_.root.if_object();
    if (!root) {
      errors_.push_back(doc_.diagnostic_at(DiagnosticKind::NotAState, "", "a state file must be a JSON object"));
    } else {
      read_root(*root);
    }
    result.errors = std::move(errors_);
    if (result.errors.empty()) {
      ids_->build_index();
      state_.ids = std::move(ids_);
      result.state = std::move(state_);
    }
    return result;
  }

 private:
  void read_root(const boost::json::object& root) {
    json::ObjectReader reader(doc_, root, "", errors_);
    reader.allow_only({"rollgate_state", "plan", "name", "evaluated_at", "gates", "stages"});
    // The version first: a newer layout's other fields mean nothing here.
    std::optional<int64_t> version = reader.integer("rollgate_state", INT64_MIN, INT64_MAX);
    if (!reader.has("rollgate_state")) {
      reader.error(DiagnosticKind::NotAState, "",
                   "missing required field 'rollgate_state' (this is not a rollgate state file)");
      return;
    }
    if (!version) return;
    if (*version != kStateVersion) {
      reader.error(DiagnosticKind::UnsupportedVersion, "rollgate_state", "unknown state version " + std::to_string(*version) +
                                         "; this rollgate reads version " + std::to_string(kStateVersion));
      return;
    }
    state_.plan_digest = reader.string("plan", true).value_or("");
    state_.plan_name = reader.string("name", true).value_or("");
    if (reader.has("name") && reader.get("name")->is_string() && state_.plan_name != plan_.name)
      reader.error(DiagnosticKind::StatePlan, "name", "the state belongs to plan '" + state_.plan_name + "', not to plan '" +
                               plan_.name + "'");
    if (!reader.has("evaluated_at"))
      reader.error(DiagnosticKind::MissingField, "", "missing required field 'evaluated_at'");
    if (std::optional<cel::Timestamp> at = reader.timestamp("evaluated_at")) {
      state_.evaluated_at = *at;
      json::TextPosition p = doc_.map.root_member_position("evaluated_at");
      state_.evaluated_at_line = p.line;
      state_.evaluated_at_column = p.column;
    }
    state_.file = doc_.file;
    if (const auto* gates = reader.object("gates", true)) read_gates(*gates);
    if (const auto* stages = reader.object("stages", true)) read_stages(*stages);
  }

  // Calls read(id, reader) for every member of `records` (at `base`) that
  // is an object, with the reader's subject set; other members are errors.
  template <class Read>
  void for_each_record(const boost::json::object& records, std::string_view base, const char* kind,
                       Read read) {
    for (const auto& member : records) {
      std::string id(member.key());
      std::string pointer = json::pointer_append(base, id);
      const auto* record = member.value().if_object();
      if (!record) {
        Diagnostic d = doc_.diagnostic_at(DiagnosticKind::WrongType, pointer,
                                          std::string("a ") + kind + " record must be an object");
        d.subject_kind = kind;
        d.subject = id;
        errors_.push_back(std::move(d));
        continue;
      }
      json::ObjectReader reader(doc_, *record, pointer, errors_);
      reader.set_subject(kind, id);
      read(std::move(id), reader);
    }
  }

  void read_gates(const boost::json::object& gates) {
    state_.gates.reserve(gates.size());
    ids_->gates.reserve(gates.size());
    ids_->gate_definitions.reserve(gates.size());
    for_each_record(gates, "/gates", "gate", [&](std::string id, json::ObjectReader& reader) {
      reader.allow_only({"status", "since", "def", "true_since", "drift_since"});
      GateRecord r;
      std::optional<GateStatus> status = read_status(reader, kGateStatuses);
      std::optional<cel::Timestamp> since = read_since(reader);
      std::string definition = reader.string("def", true).value_or("");
      r.true_since = read_instant(reader, "true_since");
      r.drift_since = read_instant(reader, "drift_since");
      if (!status || !since) return;
      r.status = *status;
      r.since = *since;
      bool is_true = r.status == GateStatus::Pass || r.status == GateStatus::Soaking;
      if (is_true && !reader.has("true_since"))
        reader.error(DiagnosticKind::MissingField, "", "a " + std::string(engine::to_string(r.status)) +
                             " record needs 'true_since' (since when the gate has been true)");
      state_.gates.push_back(r);
      ids_->gates.push_back(std::move(id));
      ids_->gate_definitions.push_back(std::move(definition));
    });
  }

  void read_stages(const boost::json::object& stages) {
    state_.stages.reserve(stages.size());
    ids_->stages.reserve(stages.size());
    for_each_record(stages, "/stages", "stage", [&](std::string id, json::ObjectReader& reader) {
      reader.allow_only({"status", "since"});
      std::optional<StageStatus> status = read_status(reader, kStageStatuses);
      std::optional<cel::Timestamp> since = read_since(reader);
      if (!status || !since) return;
      state_.stages.push_back(StageRecord{*status, *since});
      ids_->stages.push_back(std::move(id));
    });
  }

  // `since` is required, and no record can be newer than its state.
  std::optional<cel::Timestamp> read_since(json::ObjectReader& reader) {
    if (!reader.has("since")) {
      reader.error(DiagnosticKind::MissingField, "", "missing required field 'since'");
      return std::nullopt;
    }
    return read_instant(reader, "since");
  }

  // An instant of a record (since, true_since, drift_since), which cannot
  // be after the evaluation that wrote the state: carried forward, a later
  // one would be saved again as a `since` that this reader refuses, so a
  // state rollgate wrote could not be read back (found by
  // tests/fuzz/state_loader_fuzz.cpp).
  std::optional<cel::Timestamp> read_instant(json::ObjectReader& reader, std::string_view field) {
    std::optional<cel::Timestamp> instant = reader.timestamp(field);
    if (instant && state_.evaluated_at < *instant) {
      reader.error(DiagnosticKind::BadValue, field,
                   std::string(field) + " " + cel::format_timestamp(*instant) +
                       " is after the state's evaluated_at " + cel::format_timestamp(state_.evaluated_at));
      return std::nullopt;
    }
    return instant;
  }

  const plan::Plan& plan_;
  const json::Document& doc_;
  State state_;
  std::shared_ptr<RecordIds> ids_ = std::make_shared<RecordIds>();
  std::vector<Diagnostic> errors_;
};

}  // namespace

std::string to_json(const State& state, const plan::Plan& plan) {
  report::JsonWriter w;
  w.begin_object();
  w.key("rollgate_state");
  w.integer(kStateVersion);
  w.member("plan", state.plan_digest);
  w.member("name", state.plan_name);
  w.member("evaluated_at", cel::format_timestamp(state.evaluated_at));
  // The records of the plan's stages and gates, in plan order.
  RecordMap records(state, plan);
  w.key("gates");
  w.begin_object();
  size_t g = 0;
  for (const plan::Stage& stage : plan.stages)
    for (const plan::Gate& gate : stage.gates) {
      if (const GateRecord* r = records.gate(g)) {
        w.key(gate.full_id);
        write_gate(w, *r, records.identity() ? gate.definition : records.record_definition(g));
      }
      ++g;
    }
  w.end_object();
  w.key("stages");
  w.begin_object();
  for (size_t s = 0; s < plan.stages.size(); ++s)
    if (const StageRecord* r = records.stage(s)) {
      w.key(plan.stages[s].id);
      w.begin_object();
      w.member("status", engine::to_string(r->status));
      w.member("since", cel::format_timestamp(r->since));
      w.end_object();
    }
  w.end_object();
  w.end_object();
  std::string out = w.take();
  out += '\n';
  return out;
}

StateResult load_state(const plan::Plan& plan, std::string_view text, std::string_view file,
                       const json::DocumentLimits& limits) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    // Rule 15: an empty state file is malformed, never "no state".
    Diagnostic d;
    d.kind = to_string(DiagnosticKind::NotAState);
    d.file = std::string(file);
    d.message = "the state file is empty (delete it to start without state)";
    return {std::nullopt, {std::move(d)}};
  }
  json::ParseResult parsed = json::parse(text, file, limits);
  if (!parsed.document) return {std::nullopt, std::move(parsed.errors)};
  return StateLoader(plan, *parsed.document).run();
}

std::optional<Diagnostic> check_not_after(const State& state, cel::Timestamp now) {
  if (!(now < state.evaluated_at)) return std::nullopt;
  Diagnostic d;
  d.kind = to_string(DiagnosticKind::StateAfterNow);
  d.file = state.file;
  d.pointer = "/evaluated_at";
  d.line = state.evaluated_at_line;
  d.column = state.evaluated_at_column;
  d.message = "the state was saved at " + cel::format_timestamp(state.evaluated_at) +
              ", after the evaluation instant " + cel::format_timestamp(now) +
              "; state from the future cannot be used";
  return d;
}

}  // namespace rollgate::state
