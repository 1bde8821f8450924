// rollgate/session_options.hpp — limits, a deadline and a cancellation
// flag for a Session's evaluations (rollgate_session_options).
#ifndef ROLLGATE_SESSION_OPTIONS_HPP
#define ROLLGATE_SESSION_OPTIONS_HPP

#include <rollgate.h>

#include <chrono>
#include <cstdint>
#include <optional>

namespace rollgate {

/// What a Session's evaluations may do (docs/LIMITS.md lists the defaults
/// and why).  A limit of 0 means its default.
///
/// Per-gate limits (max_cost, max_iterations, max_string_bytes,
/// max_list_size, max_bytes): a gate that exceeds one gets the status
/// error, with a message naming the limit and its value, and the evaluation
/// goes on.  Whole-evaluation bounds (max_total_cost, max_total_bytes,
/// deadline, cancel) stop it:
/// Session::evaluate and Session::what_if throw Error with
/// ROLLGATE_ELIMIT, ROLLGATE_ETIMEOUT or ROLLGATE_ECANCELLED, and the
/// session's inputs and state are as they were.  Document limits
/// (max_document_bytes, max_state_bytes, max_json_depth) bound what
/// set_inputs, update_inputs, what_if and set_state read next: past one
/// they throw Error with ROLLGATE_EJSON and a problem of kind "limit".
struct SessionOptions {
  std::uint64_t max_cost = 0;          ///< cost budget of one gate's expression, in steps
  std::uint64_t max_iterations = 0;    ///< comprehension iterations of one gate
  std::uint64_t max_string_bytes = 0;  ///< longest string or bytes a gate may build
  std::uint64_t max_list_size = 0;     ///< most elements of a list or map a gate may build
  std::uint64_t max_total_cost = 0;    ///< cost budget of one whole evaluation, in steps
  std::uint64_t max_bytes = 0;         ///< bytes of strings, lists and maps one gate builds, added up
  std::uint64_t max_total_bytes = 0;   ///< the same for one whole evaluation
  /// Bytes of a facts, progress or what-if document the session reads next.
  std::uint64_t max_document_bytes = 0;
  std::uint64_t max_state_bytes = 0;  ///< bytes of a state document (set_state)
  std::uint64_t max_json_depth = 0;   ///< nesting of any of them (at most 1000)
  /// Wall-clock instant at which evaluations stop; none when empty.
  std::optional<std::chrono::system_clock::time_point> deadline;
  /// When not null, evaluations stop soon after *cancel becomes non-zero.
  /// Another thread may set it at any time (e.g. through
  /// std::atomic_ref<std::int32_t> or __atomic_store_n); it must outlive
  /// the evaluations, and the caller resets it before the next one.
  const volatile std::int32_t* cancel = nullptr;

  /// The defaults, every limit as its number (rollgate_session_options_init).
  static SessionOptions defaults() {
    rollgate_session_options c{};
    SessionOptions out;
    if (rollgate_session_options_init(&c, ROLLGATE_SESSION_OPTIONS_VERSION) != ROLLGATE_OK) return out;
    out.max_cost = c.max_cost;
    out.max_iterations = c.max_iterations;
    out.max_string_bytes = c.max_string_bytes;
    out.max_list_size = c.max_list_size;
    out.max_total_cost = c.max_total_cost;
    out.max_bytes = c.max_bytes;
    out.max_total_bytes = c.max_total_bytes;
    out.max_document_bytes = c.max_document_bytes;
    out.max_state_bytes = c.max_state_bytes;
    out.max_json_depth = c.max_json_depth;
    return out;
  }

  /// The C form, for rollgate_session_set_options.
  rollgate_session_options to_c() const {
    rollgate_session_options c{};
    c.version = ROLLGATE_SESSION_OPTIONS_VERSION;
    c.max_cost = max_cost;
    c.max_iterations = max_iterations;
    c.max_string_bytes = max_string_bytes;
    c.max_list_size = max_list_size;
    c.max_total_cost = max_total_cost;
    c.max_bytes = max_bytes;
    c.max_total_bytes = max_total_bytes;
    c.max_document_bytes = max_document_bytes;
    c.max_state_bytes = max_state_bytes;
    c.max_json_depth = max_json_depth;
    if (deadline) {
      using namespace std::chrono;
      const auto since_epoch = deadline->time_since_epoch();
      const auto secs = floor<seconds>(since_epoch);
      c.has_deadline = 1;
      c.deadline_seconds = static_cast<std::int64_t>(secs.count());
      c.deadline_nanos = static_cast<std::int32_t>(duration_cast<nanoseconds>(since_epoch - secs).count());
    }
    c.cancel = cancel;
    return c;
  }
};

}  // namespace rollgate

#endif  // ROLLGATE_SESSION_OPTIONS_HPP
