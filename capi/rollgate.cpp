// The C ABI: versions, plans, sessions and reports over the engine.
// Every entry point checks its arguments, runs inside capi::guarded, and
// leaves its outputs NULL / 0 on failure.
#include <cstdlib>
#include <cstring>

#include "capi_internal.hpp"
#include "cel/common/civil_time.hpp"
#include "cel/common/time.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "report/reports.hpp"
#include "state/state_json.hpp"
#include "support/gcc_restrict_false_positive.hpp"

using rollgate::capi::copy_out;
using rollgate::capi::fail;
using rollgate::capi::guarded;
using rollgate::capi::input_text;
using rollgate::capi::null_argument;

namespace {

#define ROLLGATE_STR2(x) #x
#define ROLLGATE_STR(x) ROLLGATE_STR2(x)

// The caller's name for an input, "" for none: errors then name no file
// rather than an invented one.
std::string file_name_or_none(const char* file_name) {
  return file_name ? std::string(file_name) : std::string();
}

}  // namespace

extern "C" {

ROLLGATE_API int32_t rollgate_version(void) { return ROLLGATE_VERSION_NUMBER; }

ROLLGATE_API const char* rollgate_version_string(void) {
  return ROLLGATE_STR(ROLLGATE_VERSION_MAJOR) "." ROLLGATE_STR(ROLLGATE_VERSION_MINOR) "." ROLLGATE_STR(
      ROLLGATE_VERSION_PATCH);
}

ROLLGATE_API int32_t rollgate_abi_version(void) { return ROLLGATE_ABI_VERSION; }

// GCC 12 at -O3: a false -Wrestrict in "literal" + std::string&& (GCC bug 105329).
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
ROLLGATE_API rollgate_status rollgate_timestamp_parse(int64_t* unix_seconds, int32_t* nanos,
                                                      const char* text, size_t text_len,
                                                      rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (unix_seconds) *unix_seconds = 0;
    if (nanos) *nanos = 0;
    if (!unix_seconds) return null_argument(err, "rollgate_timestamp_parse", "unix_seconds");
    if (!nanos) return null_argument(err, "rollgate_timestamp_parse", "nanos");
    if (!text) return null_argument(err, "rollgate_timestamp_parse", "text");
    std::string_view s = input_text(text, text_len);
    std::optional<rollgate::cel::Timestamp> t = rollgate::cel::parse_timestamp(s);
    if (!t)
      return fail(err, ROLLGATE_EINPUT,
                  "'" + std::string(s) + "' is not an RFC 3339 timestamp (e.g. \"2026-11-22T10:00:00Z\")");
    *unix_seconds = t->seconds;
    *nanos = t->nanos;
    return ROLLGATE_OK;
  });
}
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END

ROLLGATE_API rollgate_status rollgate_timestamp_format(char** text, size_t* text_len, int64_t unix_seconds,
                                                       int32_t nanos, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (text) *text = nullptr;
    if (text_len) *text_len = 0;
    if (!text) return null_argument(err, "rollgate_timestamp_format", "text");
    if (nanos < 0 || nanos > 999'999'999)
      return fail(err, ROLLGATE_EINVAL, "rollgate_timestamp_format: nanos " + std::to_string(nanos) +
                                            " is not in 0..999999999");
    rollgate::cel::Timestamp t{unix_seconds, nanos};
    if (!rollgate::cel::detail::timestamp_in_range(t))
      return fail(err, ROLLGATE_EINVAL,
                  "rollgate_timestamp_format: " + std::to_string(unix_seconds) +
                      " seconds is outside 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z");
    return copy_out(text, text_len, rollgate::cel::format_timestamp(t));
  });
}

// ------------------------------------------------------------------ plans

ROLLGATE_API rollgate_status rollgate_plan_compile(rollgate_plan** out, const char* json,
                                                   size_t json_len, const char* file_name,
                                                   rollgate_error** err) {
  return rollgate::capi::compile_plan("rollgate_plan_compile", out, json, json_len, file_name,
                                      rollgate::plan::PlanLimits{}, err);
}

ROLLGATE_API void rollgate_plan_free(rollgate_plan* plan) { delete plan; }

ROLLGATE_API const char* rollgate_plan_name(const rollgate_plan* plan) {
  return plan ? plan->plan->name.c_str() : "";
}

ROLLGATE_API const char* rollgate_plan_digest(const rollgate_plan* plan) {
  return plan ? plan->plan->digest.c_str() : "";
}

ROLLGATE_API size_t rollgate_plan_stage_count(const rollgate_plan* plan) {
  return plan ? plan->plan->stages.size() : 0;
}

ROLLGATE_API const char* rollgate_plan_stage_id(const rollgate_plan* plan, size_t index) {
  if (!plan || index >= plan->plan->stages.size()) return nullptr;
  return plan->plan->stages[index].id.c_str();
}

// --------------------------------------------------------------- sessions

ROLLGATE_API rollgate_status rollgate_session_new(rollgate_session** out, const rollgate_plan* plan,
                                                  rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (out) *out = nullptr;
    if (!out) return null_argument(err, "rollgate_session_new", "out");
    if (!plan) return null_argument(err, "rollgate_session_new", "plan");
    auto inputs = std::make_shared<rollgate::engine::Inputs>();
    inputs->facts.resize(plan->plan->facts.size());
    inputs->progress.resize(plan->plan->stages.size());
    auto session = std::make_unique<rollgate_session>(plan->plan);
    session->inputs = std::move(inputs);
    *out = session.release();
    return ROLLGATE_OK;
  });
}

ROLLGATE_API void rollgate_session_free(rollgate_session* session) { delete session; }

namespace {

// Takes the inputs a loader made as the session's, or fails with its
// problems and leaves the session's inputs as they were.  Facts, progress
// and approvals equal to the session's keep their identity, so the next
// evaluation re-evaluates only what changed.
rollgate_status take_inputs(rollgate_session& session, rollgate::engine::InputsResult loaded,
                            rollgate_error** err) {
  if (!loaded.inputs)
    return fail(err, loaded.malformed_json ? ROLLGATE_EJSON : ROLLGATE_EINPUT, std::move(loaded.errors));
  rollgate::engine::share_unchanged(*loaded.inputs, *session.inputs);
  session.inputs = std::make_shared<rollgate::engine::Inputs>(std::move(*loaded.inputs));
  return ROLLGATE_OK;
}

}  // namespace

ROLLGATE_API rollgate_status rollgate_session_set_inputs(rollgate_session* session, const char* json,
                                                         size_t json_len, const char* file_name,
                                                         rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (!session) return null_argument(err, "rollgate_session_set_inputs", "session");
    if (!json) return null_argument(err, "rollgate_session_set_inputs", "json");
    return take_inputs(*session,
                       rollgate::engine::load_inputs(*session->plan, input_text(json, json_len),
                                                     file_name_or_none(file_name), session->input_limits),
                       err);
  });
}

ROLLGATE_API rollgate_status rollgate_session_update_inputs(rollgate_session* session, const char* json,
                                                            size_t json_len, const char* file_name,
                                                            rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (!session) return null_argument(err, "rollgate_session_update_inputs", "session");
    if (!json) return null_argument(err, "rollgate_session_update_inputs", "json");
    return take_inputs(*session,
                       rollgate::engine::load_patch(*session->plan, *session->inputs, input_text(json, json_len),
                                                    file_name_or_none(file_name), session->input_limits),
                       err);
  });
}

ROLLGATE_API rollgate_status rollgate_session_set_state(rollgate_session* session, const char* json,
                                                        size_t json_len, const char* file_name,
                                                        rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (!session) return null_argument(err, "rollgate_session_set_state", "session");
    if (!json) return null_argument(err, "rollgate_session_set_state", "json");
    rollgate::state::StateResult loaded = rollgate::state::load_state(
        *session->plan, input_text(json, json_len), file_name_or_none(file_name), session->state_limits);
    if (!loaded.state) return fail(err, ROLLGATE_EINPUT, std::move(loaded.errors));
    session->evaluator.forget();
    session->restored = std::make_shared<const rollgate::state::State>(std::move(*loaded.state));
    return ROLLGATE_OK;
  });
}

ROLLGATE_API rollgate_status rollgate_session_state(char** json, size_t* json_len,
                                                    const rollgate_session* session, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (json) *json = nullptr;
    if (json_len) *json_len = 0;
    if (!json) return null_argument(err, "rollgate_session_state", "json");
    if (!session) return null_argument(err, "rollgate_session_state", "session");
    std::shared_ptr<const rollgate::state::State> state = session->state();
    if (!state) return ROLLGATE_OK;
    return copy_out(json, json_len, rollgate::state::to_json(*state, *session->plan));
  });
}

ROLLGATE_API rollgate_status rollgate_session_clear_state(rollgate_session* session, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (!session) return null_argument(err, "rollgate_session_clear_state", "session");
    session->evaluator.forget();
    session->restored.reset();
    return ROLLGATE_OK;
  });
}

// ---------------------------------------------------------------- reports

namespace {

// The evaluation instant, checked; and the session's state must not be
// from after it (rule 15).
rollgate_status check_instant(rollgate_error** err, const rollgate_session& session, int32_t nanos,
                              rollgate::cel::Timestamp now) {
  if (nanos < 0 || nanos > 999'999'999) return fail(err, ROLLGATE_EINVAL, "nanos must be in 0..999999999");
  if (std::shared_ptr<const rollgate::state::State> state = session.state())
    if (std::optional<rollgate::Diagnostic> late = rollgate::state::check_not_after(*state, now))
      return fail(err, ROLLGATE_EINPUT, std::vector<rollgate::Diagnostic>{std::move(*late)});
  return ROLLGATE_OK;
}

}  // namespace

ROLLGATE_API rollgate_status rollgate_session_evaluate(rollgate_report** out, rollgate_session* session,
                                                       int64_t unix_seconds, int32_t nanos,
                                                       rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (out) *out = nullptr;
    if (!out) return null_argument(err, "rollgate_session_evaluate", "out");
    if (!session) return null_argument(err, "rollgate_session_evaluate", "session");
    rollgate::cel::Timestamp now{unix_seconds, nanos};
    if (rollgate_status bad = check_instant(err, *session, nanos, now)) return bad;
    // Incremental from the state of the session's last evaluation; a full
    // evaluation from restored state or none.  Within the session's
    // options: a stopped evaluation leaves the state as it was (the
    // evaluator puts it back) and `restored` in place.
    rollgate::engine::EvaluationMeter meter(session->options);
    std::shared_ptr<const rollgate::engine::Evaluation> evaluation;
    try {
      meter.check_start();
      if (session->restored)
        evaluation = session->evaluator.evaluate(session->inputs, now, session->restored, &meter);
      else
        evaluation = session->evaluator.evaluate_next(session->inputs, now, &meter);
    } catch (const rollgate::engine::EvaluationStopped& stop) {
      return rollgate::capi::stopped(err, stop);
    }
    session->restored.reset();
    *out = new rollgate_report{std::move(evaluation)};
    return ROLLGATE_OK;
  });
}

ROLLGATE_API rollgate_status rollgate_session_what_if(rollgate_report** out, rollgate_session* session,
                                                      const char* patch, size_t patch_len,
                                                      const char* file_name, int64_t unix_seconds,
                                                      int32_t nanos, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (out) *out = nullptr;
    if (!out) return null_argument(err, "rollgate_session_what_if", "out");
    if (!session) return null_argument(err, "rollgate_session_what_if", "session");
    if (!patch) return null_argument(err, "rollgate_session_what_if", "patch");
    rollgate::cel::Timestamp now{unix_seconds, nanos};
    if (rollgate_status bad = check_instant(err, *session, nanos, now)) return bad;
    rollgate::engine::InputsResult patched = rollgate::engine::load_patch(
        *session->plan, *session->inputs, input_text(patch, patch_len), file_name_or_none(file_name),
        session->input_limits);
    if (!patched.inputs)
      return fail(err, patched.malformed_json ? ROLLGATE_EJSON : ROLLGATE_EINPUT, std::move(patched.errors));
    // A full evaluation of the patched inputs, within the session's
    // options; the session's remembered evaluation is left alone.
    rollgate::engine::EvaluationMeter meter(session->options);
    try {
      meter.check_start();
      *out = new rollgate_report{std::make_shared<const rollgate::engine::Evaluation>(
          rollgate::engine::evaluate_what_if(session->plan, session->inputs,
                                             std::make_shared<const rollgate::engine::Inputs>(
                                                 std::move(*patched.inputs)),
                                             now, session->state(), &meter))};
    } catch (const rollgate::engine::EvaluationStopped& stop) {
      return rollgate::capi::stopped(err, stop);
    }
    return ROLLGATE_OK;
  });
}

ROLLGATE_API void rollgate_report_free(rollgate_report* report) { delete report; }

ROLLGATE_API rollgate_status rollgate_report_json(char** json, size_t* json_len,
                                                  const rollgate_report* report, rollgate_error** err) {
  return rollgate_report_json_with(json, json_len, report, nullptr, err);
}

namespace {

// The layout `options` asks for (NULL: the full, indented report), or
// ROLLGATE_EINVAL for a version or flag this library does not know.
rollgate_status read_json_layout(rollgate::report::JsonOptions& layout, const rollgate_json_options* options,
                                 rollgate_error** err) {
  if (!options) return ROLLGATE_OK;
  if (options->version < 1 || options->version > ROLLGATE_JSON_OPTIONS_VERSION)
    return fail(err, ROLLGATE_EINVAL,
                "rollgate_json_options version " + std::to_string(options->version) +
                    " is not known to this rollgate (it knows 1 to " + std::to_string(ROLLGATE_JSON_OPTIONS_VERSION) +
                    ")");
  const unsigned known = ROLLGATE_JSON_COMPACT | ROLLGATE_JSON_SUMMARY;
  if (options->flags & ~known)
    return fail(err, ROLLGATE_EINVAL, "unknown rollgate_json_options flags " + std::to_string(options->flags & ~known));
  layout.compact = options->flags & ROLLGATE_JSON_COMPACT;
  layout.summary = options->flags & ROLLGATE_JSON_SUMMARY;
  return ROLLGATE_OK;
}

}  // namespace

ROLLGATE_API rollgate_status rollgate_report_json_with(char** json, size_t* json_len,
                                                       const rollgate_report* report,
                                                       const rollgate_json_options* options,
                                                       rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (json) *json = nullptr;
    if (json_len) *json_len = 0;
    if (!json) return null_argument(err, "rollgate_report_json_with", "json");
    if (!report) return null_argument(err, "rollgate_report_json_with", "report");
    rollgate::report::JsonOptions layout;
    if (rollgate_status status = read_json_layout(layout, options, err); status != ROLLGATE_OK) return status;
    return copy_out(json, json_len, rollgate::report::to_json(report->evaluation(), layout));
  });
}

ROLLGATE_API rollgate_status rollgate_report_stage_json(char** json, size_t* json_len,
                                                        const rollgate_report* report, size_t stage,
                                                        const rollgate_json_options* options,
                                                        rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (json) *json = nullptr;
    if (json_len) *json_len = 0;
    if (!json) return null_argument(err, "rollgate_report_stage_json", "json");
    if (!report) return null_argument(err, "rollgate_report_stage_json", "report");
    const size_t stages = report->evaluation().stages.size();
    if (stage >= stages)
      return fail(err, ROLLGATE_EINVAL,
                  "stage index " + std::to_string(stage) + " is out of range (the report has " +
                      std::to_string(stages) + " stages)");
    rollgate::report::JsonOptions layout;
    if (rollgate_status status = read_json_layout(layout, options, err); status != ROLLGATE_OK) return status;
    return copy_out(json, json_len, rollgate::report::stage_json(report->evaluation(), stage, layout));
  });
}

ROLLGATE_API rollgate_status rollgate_report_text(char** text, size_t* text_len,
                                                  const rollgate_report* report, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (text) *text = nullptr;
    if (text_len) *text_len = 0;
    if (!text) return null_argument(err, "rollgate_report_text", "text");
    if (!report) return null_argument(err, "rollgate_report_text", "report");
    return copy_out(text, text_len, rollgate::report::to_text(report->evaluation()));
  });
}

ROLLGATE_API int32_t rollgate_report_target_met(const rollgate_report* report) {
  return report && report->evaluation().target.met ? 1 : 0;
}

// GCC 12 at -O3: a false -Wrestrict in "literal" + std::string&& (GCC bug 105329).
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
ROLLGATE_API rollgate_status rollgate_report_holds_back(char** json, size_t* json_len,
                                                        const rollgate_report* report, const char* blocker_id,
                                                        size_t id_len, rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (json) *json = nullptr;
    if (json_len) *json_len = 0;
    if (!json) return null_argument(err, "rollgate_report_holds_back", "json");
    if (!report) return null_argument(err, "rollgate_report_holds_back", "report");
    if (!blocker_id) return null_argument(err, "rollgate_report_holds_back", "blocker_id");
    std::string_view id = input_text(blocker_id, id_len);
    if (std::optional<std::string> out = rollgate::report::held_back_json(report->evaluation(), id))
      return copy_out(json, json_len, *out);
    return fail(err, ROLLGATE_EINPUT, "'" + std::string(id) + "' is not a blocker of this report");
  });
}
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END

ROLLGATE_API size_t rollgate_report_drift_count(const rollgate_report* report) {
  if (!report) return 0;
  size_t count = 0;
  for (const rollgate::engine::StageResult& r : report->evaluation().stages)
    for (const rollgate::engine::GateResult& g : r.gates) count += g.drift_since ? 1 : 0;
  return count;
}

}  // extern "C"
