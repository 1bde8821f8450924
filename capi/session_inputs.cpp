// Session inputs one at a time: a fact from JSON or from a C value, a fact
// cleared, one stage's progress, one approval; and the inputs read back as a
// facts document.  Each builds what the facts document loader builds
// (engine/inputs_loader.hpp) with its conversions and checks, changes only
// that (engine/inputs_edits.hpp: O(log n), never O(plan)), and is all or
// nothing: every check comes before the change.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "capi_internal.hpp"
#include "cel/common/civil_time.hpp"
#include "engine/inputs_edits.hpp"
#include "engine/inputs_json.hpp"
#include "engine/inputs_loader.hpp"
#include "engine/native_fact_value.hpp"
#include "id_lookup.hpp"
#include "text/utf8.hpp"

namespace {

using namespace rollgate;
using capi::fail;
using capi::guarded;
using capi::input_text;
using capi::null_argument;

// The session's inputs, ready to change in place.  Reports made earlier
// (and the evaluator's remembered evaluation) keep the inputs they were
// made from: while anyone else holds them they are copied first (cheap:
// their parts are persistent, engine/inputs.hpp), and the persistent parts
// then copy only the nodes on the way to what changes.
engine::Inputs& writable_inputs(rollgate_session& session) {
  if (session.inputs.use_count() > 1) session.inputs = std::make_shared<engine::Inputs>(*session.inputs);
  return *session.inputs;
}

// A problem with an input given through the C ABI: no file, no position.
rollgate_status input_problem(rollgate_error** err, DiagnosticKind kind, const char* subject_kind,
                              std::string_view subject, std::string message) {
  Diagnostic d;
  d.kind = to_string(kind);
  d.message = std::move(message);
  d.subject_kind = subject_kind;
  d.subject = std::string(subject);
  return fail(err, ROLLGATE_EINPUT, std::vector<Diagnostic>{std::move(d)});
}

// An optional instant given as has/seconds/nanos: ROLLGATE_EINVAL, naming
// the function and the field, for nanos outside 0..999999999 or an instant
// outside CEL's range.
rollgate_status read_instant(std::optional<cel::Timestamp>& out, int32_t has, int64_t seconds, int32_t nanos,
                             const char* function, const char* field, rollgate_error** err) {
  if (!has) return ROLLGATE_OK;
  std::string where = std::string(function) + ": " + field;
  if (nanos < 0 || nanos > 999'999'999)
    return fail(err, ROLLGATE_EINVAL, where + " nanos " + std::to_string(nanos) + " is not in 0..999999999");
  cel::Timestamp t{seconds, nanos};
  if (!cel::detail::timestamp_in_range(t))
    return fail(err, ROLLGATE_EINVAL,
                where + " " + std::to_string(seconds) +
                    " seconds is outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z");
  out = t;
  return ROLLGATE_OK;
}

// An optional NUL-terminated UTF-8 text (NULL: none).  Not UTF-8: the input
// cannot be written as, or come from, a facts document (EINPUT).
rollgate_status read_text(std::string& out, const char* text, const char* field, const char* subject_kind,
                          std::string_view subject, rollgate_error** err) {
  if (!text) return ROLLGATE_OK;
  std::string_view s(text);
  if (!text::is_valid_utf8(s))
    return input_problem(err, DiagnosticKind::BadValue, subject_kind, subject,
                         std::string(field) + " is not valid UTF-8");
  out = std::string(s);
  return ROLLGATE_OK;
}

// The fact `name` declares, as its index; else EINPUT, undeclared-fact,
// with the closest declared name as suggestion (capi/id_lookup.hpp).
rollgate_status declared_fact(const plan::FactDecl** decl, const rollgate_session& session, const char* name,
                              size_t name_len, rollgate_error** err) {
  size_t index = 0;
  if (rollgate_status bad = capi::find_fact(&index, *session.plan, input_text(name, name_len), err)) return bad;
  *decl = &session.plan->facts[index];
  return ROLLGATE_OK;
}

// observed_at, source and evidence, where the facts document's wrapper
// has them.  NULL meta: none of them.
rollgate_status read_meta(engine::FactInput& fact, const rollgate_fact_meta* meta, const char* function,
                          std::string_view fact_name, rollgate_error** err) {
  if (!meta) return ROLLGATE_OK;
  if (rollgate_status bad =
          capi::check_version(err, function, "rollgate_fact_meta", meta->version, ROLLGATE_FACT_META_VERSION))
    return bad;
  if (rollgate_status bad = read_instant(fact.observed_at, meta->has_observed_at, meta->observed_at_seconds,
                                         meta->observed_at_nanos, function, "meta->observed_at", err))
    return bad;
  if (rollgate_status bad = read_text(fact.source, meta->source, "source", "fact", fact_name, err)) return bad;
  if (rollgate_status bad = read_text(fact.evidence, meta->evidence, "evidence", "fact", fact_name, err)) return bad;
  for (const auto& [field, text] : {std::pair{"source", &fact.source}, std::pair{"evidence", &fact.evidence}})
    if (std::string problem = engine::fact_note_problem(field, *text); !problem.empty())
      return input_problem(err, DiagnosticKind::Limit, "fact", fact_name, std::move(problem));
  return ROLLGATE_OK;
}

void store_fact(rollgate_session& session, const plan::FactDecl& decl, std::optional<engine::FactInput> fact) {
  engine::set_fact(writable_inputs(session), size_t(&decl - session.plan->facts.data()), std::move(fact));
}

// A typed setter: `read_value` checks the C value (ROLLGATE_EINVAL) and
// gives it as an engine::NativeValue, which converts to the declared type
// as the facts document converts the JSON it would be written as.
template <class ReadValue>
rollgate_status set_native(rollgate_error** err, const char* function, rollgate_session* session,
                           const char* name, size_t name_len, const rollgate_fact_meta* meta,
                           ReadValue&& read_value) {
  if (!session) return null_argument(err, function, "session");
  if (!name) return null_argument(err, function, "name");
  std::optional<engine::NativeValue> value;
  if (rollgate_status bad = read_value(value)) return bad;
  engine::FactInput fact;
  std::string_view fact_name = input_text(name, name_len);
  if (rollgate_status bad = read_meta(fact, meta, function, fact_name, err)) return bad;
  const plan::FactDecl* decl = nullptr;
  if (rollgate_status bad = declared_fact(&decl, *session, name, name_len, err)) return bad;
  auto converted = engine::native_to_value(*value, decl->type);
  if (auto* e = std::get_if<engine::ConversionError>(&converted))
    return fail(err, ROLLGATE_EINPUT, std::vector<Diagnostic>{engine::fact_value_problem(*decl, *e)});
  fact.value = std::get<cel::Value>(std::move(converted));
  store_fact(*session, *decl, std::move(fact));
  return ROLLGATE_OK;
}

// A value that needs no check.
auto plain(engine::NativeValue v) {
  return [v](std::optional<engine::NativeValue>& out) -> rollgate_status {
    out = v;
    return ROLLGATE_OK;
  };
}

// Facts document loader's progress states, in rollgate_progress_state order.
engine::ProgressState progress_state(rollgate_progress_state state) {
  switch (state) {
    case ROLLGATE_PROGRESS_IN_PROGRESS: return engine::ProgressState::InProgress;
    case ROLLGATE_PROGRESS_DONE: return engine::ProgressState::Done;
    case ROLLGATE_PROGRESS_HELD: return engine::ProgressState::Held;
    case ROLLGATE_PROGRESS_CANCELLED: return engine::ProgressState::Cancelled;
    case ROLLGATE_PROGRESS_ROLLED_BACK: return engine::ProgressState::RolledBack;
    case ROLLGATE_PROGRESS_NOT_STARTED: break;
  }
  return engine::ProgressState::NotStarted;
}

// One "progress" entry of the facts document from its C form.
rollgate_status read_progress(engine::StageProgress& p, const rollgate_progress& in, std::string_view stage_id,
                              rollgate_error** err) {
  const char* function = "rollgate_session_set_progress";
  if (rollgate_status bad = capi::check_version(err, function, "rollgate_progress", in.version,
                                                ROLLGATE_PROGRESS_VERSION))
    return bad;
  const int state = capi::enum_value(in.state);
  if (state < ROLLGATE_PROGRESS_NOT_STARTED || state > ROLLGATE_PROGRESS_ROLLED_BACK)
    return fail(err, ROLLGATE_EINVAL,
                std::string(function) + ": progress->state " + std::to_string(state) + " is not a rollgate_progress_state");
  p.state = progress_state(in.state);
  if (rollgate_status bad = read_instant(p.started_at, in.has_started_at, in.started_at_seconds,
                                         in.started_at_nanos, function, "progress->started_at", err))
    return bad;
  if (rollgate_status bad = read_instant(p.done_at, in.has_done_at, in.done_at_seconds, in.done_at_nanos,
                                         function, "progress->done_at", err))
    return bad;
  if (rollgate_status bad = read_text(p.requested_by, in.requested_by, "requested_by", "stage", stage_id, err))
    return bad;
  return read_text(p.reason, in.reason, "reason", "stage", stage_id, err);
}

// The stage or matrix id a progress entry or approval (`what`) names, as
// the loader resolves it; else EINPUT, unknown-id, with a suggestion.
rollgate_status stage_group(const std::vector<int>** stages, const plan::Plan& plan, const char* what,
                            std::string_view id, rollgate_error** err) {
  *stages = plan.find_stage_group(id);
  if (*stages) return ROLLGATE_OK;
  // Only the error path looks at every id.
  return fail(err, ROLLGATE_EINPUT,
              std::vector<Diagnostic>{engine::unknown_stage(what, id, plan.stage_group_names())});
}

// One "approvals" entry of the facts document from its C form: stage, role
// and by required, as the loader has them.
rollgate_status read_approval(engine::Approval& a, const rollgate_approval& in, const plan::Plan& plan,
                              rollgate_error** err) {
  const char* function = "rollgate_session_add_approval";
  if (rollgate_status bad = capi::check_version(err, function, "rollgate_approval", in.version,
                                                ROLLGATE_APPROVAL_VERSION))
    return bad;
  if (rollgate_status bad = read_instant(a.at, in.has_at, in.at_seconds, in.at_nanos, function, "approval->at", err))
    return bad;
  std::string_view stage = in.stage ? std::string_view(in.stage) : std::string_view();
  const char* subject_kind = in.stage ? "stage" : "";
  using Field = std::pair<const char*, const char*>;
  for (auto [field, text] : std::initializer_list<Field>{{"stage", in.stage}, {"role", in.role}, {"by", in.by}})
    if (!text)
      return input_problem(err, DiagnosticKind::MissingField, subject_kind, stage,
                           std::string("missing required field '") + field + "' of an approval");
  if (rollgate_status bad = read_text(a.stage_ref, in.stage, "stage", "stage", stage, err)) return bad;
  if (rollgate_status bad = read_text(a.role, in.role, "role", "stage", stage, err)) return bad;
  if (rollgate_status bad = read_text(a.by, in.by, "by", "stage", stage, err)) return bad;
  if (rollgate_status bad = read_text(a.note, in.note, "note", "stage", stage, err)) return bad;
  const std::vector<int>* stages = nullptr;
  if (rollgate_status bad = stage_group(&stages, plan, "approval", stage, err)) return bad;
  a.stages = *stages;
  return ROLLGATE_OK;
}

}  // namespace

extern "C" {

ROLLGATE_API rollgate_status rollgate_session_set_fact(rollgate_session* session, const char* name,
                                                       size_t name_len, const char* json,
                                                       size_t json_len, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (!session) return null_argument(err, "rollgate_session_set_fact", "session");
    if (!name) return null_argument(err, "rollgate_session_set_fact", "name");
    if (!json) return null_argument(err, "rollgate_session_set_fact", "json");
    const plan::FactDecl* decl = nullptr;
    if (rollgate_status bad = declared_fact(&decl, *session, name, name_len, err)) return bad;
    engine::FactResult loaded = engine::load_fact(*decl, input_text(json, json_len));
    if (!loaded.errors.empty())
      return fail(err, loaded.malformed_json ? ROLLGATE_EJSON : ROLLGATE_EINPUT, std::move(loaded.errors));
    store_fact(*session, *decl, std::move(loaded.fact));
    return ROLLGATE_OK;
  });
}

ROLLGATE_API rollgate_status rollgate_session_set_fact_bool(rollgate_session* session, const char* name,
                                                            size_t name_len, int32_t value,
                                                            const rollgate_fact_meta* meta, rollgate_error** err) {
  const char* function = "rollgate_session_set_fact_bool";
  return guarded(err, [&]() -> rollgate_status {
    return set_native(err, function, session, name, name_len, meta,
                      [&](std::optional<engine::NativeValue>& out) -> rollgate_status {
                        if (value != 0 && value != 1)
                          return fail(err, ROLLGATE_EINVAL, std::string(function) + ": value " +
                                                                std::to_string(value) + " is not 0 or 1");
                        out = engine::NativeValue(value == 1);
                        return ROLLGATE_OK;
                      });
  });
}

ROLLGATE_API rollgate_status rollgate_session_set_fact_int(rollgate_session* session, const char* name,
                                                           size_t name_len, int64_t value,
                                                           const rollgate_fact_meta* meta, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    return set_native(err, "rollgate_session_set_fact_int", session, name, name_len, meta,
                      plain(engine::NativeValue(value)));
  });
}

ROLLGATE_API rollgate_status rollgate_session_set_fact_uint(rollgate_session* session, const char* name,
                                                            size_t name_len, uint64_t value,
                                                            const rollgate_fact_meta* meta, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    return set_native(err, "rollgate_session_set_fact_uint", session, name, name_len, meta,
                      plain(engine::NativeValue(value)));
  });
}

ROLLGATE_API rollgate_status rollgate_session_set_fact_double(rollgate_session* session, const char* name,
                                                              size_t name_len, double value,
                                                              const rollgate_fact_meta* meta,
                                                              rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    return set_native(err, "rollgate_session_set_fact_double", session, name, name_len, meta,
                      plain(engine::NativeValue(value)));
  });
}

ROLLGATE_API rollgate_status rollgate_session_set_fact_string(rollgate_session* session, const char* name,
                                                              size_t name_len, const char* value,
                                                              size_t value_len, const rollgate_fact_meta* meta,
                                                              rollgate_error** err) {
  const char* function = "rollgate_session_set_fact_string";
  return guarded(err, [&]() -> rollgate_status {
    return set_native(err, function, session, name, name_len, meta,
                      [&](std::optional<engine::NativeValue>& out) -> rollgate_status {
                        if (!value) return null_argument(err, function, "value");
                        std::string_view text = input_text(value, value_len);
                        if (!text::is_valid_utf8(text))
                          return input_problem(err, DiagnosticKind::BadValue, "fact", input_text(name, name_len),
                                               "the value is not valid UTF-8");
                        out = engine::NativeValue(text);
                        return ROLLGATE_OK;
                      });
  });
}

ROLLGATE_API rollgate_status rollgate_session_set_fact_timestamp(rollgate_session* session, const char* name,
                                                                 size_t name_len, int64_t unix_seconds,
                                                                 int32_t nanos, const rollgate_fact_meta* meta,
                                                                 rollgate_error** err) {
  const char* function = "rollgate_session_set_fact_timestamp";
  return guarded(err, [&]() -> rollgate_status {
    return set_native(err, function, session, name, name_len, meta,
                      [&](std::optional<engine::NativeValue>& out) -> rollgate_status {
                        std::optional<cel::Timestamp> t;
                        if (rollgate_status bad = read_instant(t, 1, unix_seconds, nanos, function, "value", err))
                          return bad;
                        out = engine::NativeValue(*t);
                        return ROLLGATE_OK;
                      });
  });
}

ROLLGATE_API rollgate_status rollgate_session_set_fact_duration(rollgate_session* session, const char* name,
                                                                size_t name_len, int64_t seconds, int32_t nanos,
                                                                const rollgate_fact_meta* meta,
                                                                rollgate_error** err) {
  const char* function = "rollgate_session_set_fact_duration";
  return guarded(err, [&]() -> rollgate_status {
    return set_native(err, function, session, name, name_len, meta,
                      [&](std::optional<engine::NativeValue>& out) -> rollgate_status {
                        cel::Duration d{seconds, nanos};
                        bool signs_agree = !(seconds > 0 && nanos < 0) && !(seconds < 0 && nanos > 0);
                        if (nanos <= -1'000'000'000 || nanos >= 1'000'000'000 || !signs_agree ||
                            !cel::detail::duration_in_range(d))
                          return fail(err, ROLLGATE_EINVAL,
                                      std::string(function) + ": " + std::to_string(seconds) + " s " +
                                          std::to_string(nanos) +
                                          " ns is not a duration (nanos within +-999999999, of the seconds' "
                                          "sign, within CEL's +-10000 years)");
                        out = engine::NativeValue(d);
                        return ROLLGATE_OK;
                      });
  });
}

ROLLGATE_API rollgate_status rollgate_session_set_fact_json(rollgate_session* session, const char* name,
                                                            size_t name_len, const char* value, size_t value_len,
                                                            const rollgate_fact_meta* meta, rollgate_error** err) {
  const char* function = "rollgate_session_set_fact_json";
  return guarded(err, [&]() -> rollgate_status {
    if (!session) return null_argument(err, function, "session");
    if (!name) return null_argument(err, function, "name");
    if (!value) return null_argument(err, function, "value");
    engine::FactInput with_meta;
    if (rollgate_status bad = read_meta(with_meta, meta, function, input_text(name, name_len), err)) return bad;
    const plan::FactDecl* decl = nullptr;
    if (rollgate_status bad = declared_fact(&decl, *session, name, name_len, err)) return bad;
    engine::FactResult loaded = engine::load_fact(*decl, input_text(value, value_len), engine::FactText::Value);
    if (!loaded.errors.empty())
      return fail(err, loaded.malformed_json ? ROLLGATE_EJSON : ROLLGATE_EINPUT, std::move(loaded.errors));
    if (loaded.fact) {  // JSON null: missing, with no metadata
      with_meta.value = std::move(loaded.fact->value);
      loaded.fact = std::move(with_meta);
    }
    store_fact(*session, *decl, std::move(loaded.fact));
    return ROLLGATE_OK;
  });
}

ROLLGATE_API rollgate_status rollgate_session_clear_fact(rollgate_session* session, const char* name,
                                                         size_t name_len, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (!session) return null_argument(err, "rollgate_session_clear_fact", "session");
    if (!name) return null_argument(err, "rollgate_session_clear_fact", "name");
    const plan::FactDecl* decl = nullptr;
    if (rollgate_status bad = declared_fact(&decl, *session, name, name_len, err)) return bad;
    store_fact(*session, *decl, std::nullopt);
    return ROLLGATE_OK;
  });
}

ROLLGATE_API rollgate_status rollgate_session_set_progress(rollgate_session* session, const char* stage_id,
                                                           size_t stage_id_len, const rollgate_progress* progress,
                                                           rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (!session) return null_argument(err, "rollgate_session_set_progress", "session");
    if (!stage_id) return null_argument(err, "rollgate_session_set_progress", "stage_id");
    std::string_view id = input_text(stage_id, stage_id_len);
    std::optional<engine::StageProgress> p;
    if (progress)
      if (rollgate_status bad = read_progress(p.emplace(), *progress, id, err)) return bad;
    const std::vector<int>* stages = nullptr;
    if (rollgate_status bad = stage_group(&stages, *session->plan, "progress", id, err)) return bad;
    engine::set_progress(writable_inputs(*session), *stages, std::move(p));
    return ROLLGATE_OK;
  });
}

ROLLGATE_API rollgate_status rollgate_session_add_approval(rollgate_session* session,
                                                           const rollgate_approval* approval,
                                                           rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (!session) return null_argument(err, "rollgate_session_add_approval", "session");
    if (!approval) return null_argument(err, "rollgate_session_add_approval", "approval");
    engine::Approval a;
    if (rollgate_status bad = read_approval(a, *approval, *session->plan, err)) return bad;
    engine::add_approval(writable_inputs(*session), std::move(a), session->plan->stages.size());
    return ROLLGATE_OK;
  });
}

ROLLGATE_API rollgate_status rollgate_session_inputs(char** json, size_t* json_len,
                                                     const rollgate_session* session, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (json) *json = nullptr;
    if (json_len) *json_len = 0;
    if (!json) return null_argument(err, "rollgate_session_inputs", "json");
    if (!session) return null_argument(err, "rollgate_session_inputs", "session");
    return capi::copy_out(json, json_len, engine::inputs_to_json(*session->plan, *session->inputs));
  });
}

}  // extern "C"
