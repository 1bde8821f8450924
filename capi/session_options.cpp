// The C ABI of evaluation options: limits, a deadline and a cancellation
// flag for a session's evaluations (engine/evaluation_limits.hpp), and the
// errors of an evaluation they stop.
#include <cstddef>
#include <cstring>

#include "capi_internal.hpp"

using rollgate::capi::check_version;
using rollgate::capi::fail;
using rollgate::capi::guarded;
using rollgate::capi::null_argument;

namespace {

constexpr unsigned int kKnownVersion = ROLLGATE_SESSION_OPTIONS_VERSION;

// A limit of 0 means its default.
uint64_t or_default(uint64_t value, uint64_t fallback) { return value ? value : fallback; }

// Whether gates evaluate differently under `a` and `b` (the deadline and
// the flag change no result: they stop the evaluation or not).
bool same_gate_limits(const rollgate::cel::Limits& a, const rollgate::cel::Limits& b) {
  return a.max_cost == b.max_cost && a.max_iterations == b.max_iterations &&
         a.max_string_bytes == b.max_string_bytes && a.max_list_size == b.max_list_size &&
         a.max_bytes == b.max_bytes;
}

// New options for the session; its remembered evaluation was made under
// the old per-gate limits, so when they change every gate is evaluated
// again next time (the state, soaks and since included, is kept).
void set(rollgate_session& session, rollgate::engine::EvaluationOptions options) {
  if (!same_gate_limits(session.options.gate, options.gate)) session.evaluator.reevaluate_all_next();
  session.options = options;
}

rollgate::engine::EvaluationOptions to_engine(const rollgate_session_options& o) {
  rollgate::engine::EvaluationOptions out;
  out.gate.max_cost = or_default(o.max_cost, rollgate::cel::kDefaultMaxCost);
  out.gate.max_iterations = or_default(o.max_iterations, rollgate::cel::kDefaultMaxIterations);
  out.gate.max_string_bytes = or_default(o.max_string_bytes, rollgate::cel::kDefaultMaxStringBytes);
  out.gate.max_list_size = or_default(o.max_list_size, rollgate::cel::kDefaultMaxListSize);
  out.max_total_cost = or_default(o.max_total_cost, rollgate::engine::kDefaultMaxTotalCost);
  // The fields of version 2 exist only in a caller's struct of version 2.
  if (o.version >= 2) {
    out.gate.max_bytes = or_default(o.max_bytes, rollgate::cel::kDefaultMaxBytes);
    out.max_total_bytes = or_default(o.max_total_bytes, rollgate::engine::kDefaultMaxTotalBytes);
  }
  out.gate.cancel = o.cancel;
  if (o.has_deadline) out.gate.deadline = rollgate::cel::Timestamp{o.deadline_seconds, o.deadline_nanos};
  return out;
}

}  // namespace

namespace rollgate::capi {

rollgate_status stopped(rollgate_error** err, const engine::EvaluationStopped& stop) {
  rollgate_status code = ROLLGATE_ELIMIT;
  if (stop.reason() == engine::StopReason::Deadline) code = ROLLGATE_ETIMEOUT;
  if (stop.reason() == engine::StopReason::Cancelled) code = ROLLGATE_ECANCELLED;
  Diagnostic d;
  d.message = stop.detail();
  if (!stop.gate().empty()) {
    d.message += " while this gate was being evaluated";
    d.subject_kind = "gate";
    d.subject = stop.gate();
  }
  return fail(err, code, std::vector<Diagnostic>{std::move(d)});
}

}  // namespace rollgate::capi

extern "C" {

ROLLGATE_API rollgate_status rollgate_session_options_init(rollgate_session_options* options,
                                                           unsigned int version) {
  return guarded(nullptr, [&]() -> rollgate_status {
    if (!options) return ROLLGATE_EINVAL;
    if (version < 1 || version > kKnownVersion) return ROLLGATE_EINVAL;
    // Every field of `version`, the limits as their default numbers, so a
    // caller can read and scale them.  A caller of version 1 has a shorter
    // struct: nothing past its fields is written.
    rollgate_session_options defaults{};
    defaults.version = version;
    defaults.max_cost = rollgate::cel::kDefaultMaxCost;
    defaults.max_iterations = rollgate::cel::kDefaultMaxIterations;
    defaults.max_string_bytes = rollgate::cel::kDefaultMaxStringBytes;
    defaults.max_list_size = rollgate::cel::kDefaultMaxListSize;
    defaults.max_total_cost = rollgate::engine::kDefaultMaxTotalCost;
    defaults.max_bytes = rollgate::cel::kDefaultMaxBytes;
    defaults.max_total_bytes = rollgate::engine::kDefaultMaxTotalBytes;
    std::memcpy(options, &defaults, version >= 2 ? sizeof defaults : offsetof(rollgate_session_options, max_bytes));
    return ROLLGATE_OK;
  });
}

ROLLGATE_API rollgate_status rollgate_session_set_options(rollgate_session* session,
                                                          const rollgate_session_options* options,
                                                          rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (!session) return null_argument(err, "rollgate_session_set_options", "session");
    if (!options) {
      set(*session, rollgate::engine::EvaluationOptions{});
      return ROLLGATE_OK;
    }
    if (rollgate_status bad = check_version(err, "rollgate_session_set_options", "rollgate_session_options",
                                            options->version, kKnownVersion))
      return bad;
    if (options->has_deadline && (options->deadline_nanos < 0 || options->deadline_nanos > 999'999'999))
      return fail(err, ROLLGATE_EINVAL,
                  "rollgate_session_set_options: deadline_nanos " + std::to_string(options->deadline_nanos) +
                      " is not in 0..999999999");
    set(*session, to_engine(*options));
    return ROLLGATE_OK;
  });
}

}  // extern "C"
