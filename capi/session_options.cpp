// The C ABI of evaluation options: limits, a deadline and a cancellation
// flag for a session's evaluations (engine/evaluation_limits.hpp), the
// limits of the documents it reads, and the errors of an evaluation they
// stop.
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

// The limits of the documents a session reads (version 3), each 0 for its
// default; a count past what size_t holds means no limit.
struct DocumentOptions {
  uint64_t max_document_bytes = 0;
  uint64_t max_state_bytes = 0;
  uint64_t max_json_depth = 0;
};

size_t or_default_size(uint64_t value, size_t fallback) {
  if (value == 0) return fallback;
  return value > SIZE_MAX ? SIZE_MAX : size_t(value);
}

// New options for the session; its remembered evaluation was made under
// the old per-gate limits, so when they change every gate is evaluated
// again next time (the state, soaks and since included, is kept).
void set(rollgate_session& session, rollgate::engine::EvaluationOptions options, const DocumentOptions& documents) {
  if (!same_gate_limits(session.options.gate, options.gate)) session.evaluator.reevaluate_all_next();
  session.options = options;
  const rollgate::json::DocumentLimits input_defaults;
  const rollgate::json::DocumentLimits state_defaults = rollgate::state::kDefaultStateLimits;
  const auto depth = unsigned(or_default_size(documents.max_json_depth, input_defaults.max_depth));
  session.input_limits.max_bytes = or_default_size(documents.max_document_bytes, input_defaults.max_bytes);
  session.input_limits.max_depth = depth;
  session.state_limits.max_bytes = or_default_size(documents.max_state_bytes, state_defaults.max_bytes);
  session.state_limits.max_depth = depth;
}

DocumentOptions document_options(const rollgate_session_options& o) {
  DocumentOptions out;
  // The fields of version 3 exist only in a caller's struct of version 3.
  if (o.version >= 3) {
    out.max_document_bytes = o.max_document_bytes;
    out.max_state_bytes = o.max_state_bytes;
    out.max_json_depth = o.max_json_depth;
  }
  return out;
}

// The bytes of a caller's struct of `version`: a caller of version 1 or 2
// has a shorter one, and nothing past its fields may be written.
size_t struct_size(unsigned int version) {
  if (version == 1) return offsetof(rollgate_session_options, max_bytes);
  if (version == 2) return offsetof(rollgate_session_options, max_document_bytes);
  return sizeof(rollgate_session_options);
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
    // caller can read and scale them.
    rollgate_session_options defaults{};
    defaults.version = version;
    defaults.max_cost = rollgate::cel::kDefaultMaxCost;
    defaults.max_iterations = rollgate::cel::kDefaultMaxIterations;
    defaults.max_string_bytes = rollgate::cel::kDefaultMaxStringBytes;
    defaults.max_list_size = rollgate::cel::kDefaultMaxListSize;
    defaults.max_total_cost = rollgate::engine::kDefaultMaxTotalCost;
    defaults.max_bytes = rollgate::cel::kDefaultMaxBytes;
    defaults.max_total_bytes = rollgate::engine::kDefaultMaxTotalBytes;
    defaults.max_document_bytes = rollgate::json::kDefaultMaxDocumentBytes;
    defaults.max_state_bytes = rollgate::state::kDefaultMaxStateBytes;
    defaults.max_json_depth = rollgate::json::kDefaultMaxJsonDepth;
    std::memcpy(options, &defaults, struct_size(version));
    return ROLLGATE_OK;
  });
}

ROLLGATE_API rollgate_status rollgate_session_set_options(rollgate_session* session,
                                                          const rollgate_session_options* options,
                                                          rollgate_error** err) {
  return guarded(err, [&]() -> rollgate_status {
    if (!session) return null_argument(err, "rollgate_session_set_options", "session");
    if (!options) {
      set(*session, rollgate::engine::EvaluationOptions{}, DocumentOptions{});
      return ROLLGATE_OK;
    }
    if (rollgate_status bad = check_version(err, "rollgate_session_set_options", "rollgate_session_options",
                                            options->version, kKnownVersion))
      return bad;
    if (options->has_deadline && (options->deadline_nanos < 0 || options->deadline_nanos > 999'999'999))
      return fail(err, ROLLGATE_EINVAL,
                  "rollgate_session_set_options: deadline_nanos " + std::to_string(options->deadline_nanos) +
                      " is not in 0..999999999");
    const DocumentOptions documents = document_options(*options);
    if (rollgate_status bad =
            rollgate::capi::check_json_depth(err, "rollgate_session_set_options", documents.max_json_depth))
      return bad;
    set(*session, to_engine(*options), documents);
    return ROLLGATE_OK;
  });
}

}  // extern "C"
