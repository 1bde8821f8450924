// rollgate/session.hpp — inputs for one plan, and their evaluation.
#ifndef ROLLGATE_SESSION_HPP
#define ROLLGATE_SESSION_HPP

#include <rollgate/error.hpp>
#include <rollgate/plan.hpp>
#include <rollgate/report.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace rollgate {

namespace detail {

struct SessionFree {
  void operator()(rollgate_session* s) const noexcept { rollgate_session_free(s); }
};

inline const char* data_or_empty(std::string_view s) noexcept {
  return s.data() ? s.data() : "";
}

}  // namespace detail

/// The inputs (facts, progress, approvals) for one plan, and their
/// evaluation.  A new session has no facts, no progress and no approvals.
///
/// Move-only; owns its native session, which holds its own reference to the
/// plan (the Plan object may be destroyed first).  One thread at a time.
/// Every member of a moved-from Session throws Error (ROLLGATE_EINVAL).
class Session {
 public:
  /// Creates a session for `plan`.
  /// @throws Error (ROLLGATE_EINVAL for an empty Plan, ROLLGATE_ENOMEM).
  explicit Session(const Plan& plan) {
    rollgate_session* out = nullptr;
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_new(&out, plan.native_handle(), &err);
    check(status, err);
    session_.reset(out);
  }

  /// Replaces all inputs with the facts document
  /// `{"facts": {...}, "progress": {...}, "approvals": [...]}` (docs/FACTS.md).
  /// All or nothing: on failure the session keeps the inputs it had.
  /// @param file_name  names the input in error locations
  /// @throws Error with ROLLGATE_EJSON (malformed JSON) or ROLLGATE_EINPUT
  ///         (a value that does not convert, an unknown progress state, ...).
  void set_inputs(std::string_view json, std::string_view file_name = "facts.json") {
    const std::string file(file_name);
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_set_inputs(
        session_.get(), detail::data_or_empty(json), json.size(), file.c_str(), &err);
    check(status, err);
  }

  /// Sets one fact, leaving every other input as it is.  `value_json` is a
  /// bare JSON value or a {"value": ..., "observed_at": ...} wrapper; JSON
  /// `null` makes the fact missing.
  /// @throws Error with ROLLGATE_EJSON, or ROLLGATE_EINPUT (undeclared fact,
  ///         or a value that does not convert to the declared type).
  void set_fact(std::string_view name, std::string_view value_json) {
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_set_fact(
        session_.get(), detail::data_or_empty(name), name.size(),
        detail::data_or_empty(value_json), value_json.size(), &err);
    check(status, err);
  }

  /// Evaluates the inputs at the instant `unix_seconds` + `nanos`
  /// (nanos in 0..999999999).
  /// @throws Error (ROLLGATE_EINVAL for nanos out of range, ROLLGATE_ENOMEM).
  Report evaluate(std::int64_t unix_seconds, std::int32_t nanos = 0) {
    rollgate_report* out = nullptr;
    rollgate_error* err = nullptr;
    const rollgate_status status =
        rollgate_session_evaluate(&out, session_.get(), unix_seconds, nanos, &err);
    check(status, err);
    return Report(out);
  }

  /// Evaluates the inputs at `now` (e.g. std::chrono::system_clock::now()).
  /// @throws Error as evaluate(int64_t, int32_t).
  Report evaluate(std::chrono::system_clock::time_point now) {
    using namespace std::chrono;
    const auto since_epoch = now.time_since_epoch();
    const auto secs = floor<seconds>(since_epoch);
    const auto nanos = duration_cast<nanoseconds>(since_epoch - secs);
    return evaluate(static_cast<std::int64_t>(secs.count()),
                    static_cast<std::int32_t>(nanos.count()));
  }

  /// Restores state saved by state() (docs/STATE.md): the next evaluation
  /// continues from it.  All or nothing.
  /// @param file_name  names the input in error locations
  /// @throws Error with ROLLGATE_EINPUT (malformed, unknown version, another
  ///         plan's state), located by file, line, column and JSON pointer.
  void set_state(std::string_view json, std::string_view file_name = "state.json") {
    const std::string file(file_name);
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_set_state(
        session_.get(), detail::data_or_empty(json), json.size(), file.c_str(), &err);
    check(status, err);
  }

  /// The state of the last evaluation (or the state restored since) as
  /// JSON; empty when the session has none yet.
  /// @throws Error (ROLLGATE_EINVAL for a moved-from Session, ROLLGATE_ENOMEM).
  std::string state() const {
    char* raw = nullptr;
    std::size_t len = 0;
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_state(&raw, &len, session_.get(), &err);
    std::unique_ptr<char, detail::BufferFree> buffer(raw);
    check(status, err);
    return buffer ? std::string(buffer.get(), len) : std::string();
  }

  /// Forgets the state: the next evaluation is a first one.
  /// @throws Error (ROLLGATE_EINVAL for a moved-from Session).
  void clear_state() { check(rollgate_session_clear_state(session_.get()), nullptr); }

  /// Evaluates with `patch` (a facts document) applied, at `unix_seconds` +
  /// `nanos` and from the session's state, changing neither the session's
  /// inputs nor its state.  The report lists what the patch changed.
  /// @throws Error with ROLLGATE_EJSON or ROLLGATE_EINPUT for a bad patch.
  Report what_if(std::string_view patch, std::int64_t unix_seconds, std::int32_t nanos = 0,
                 std::string_view file_name = "patch.json") {
    const std::string file(file_name);
    rollgate_report* out = nullptr;
    rollgate_error* err = nullptr;
    const rollgate_status status =
        rollgate_session_what_if(&out, session_.get(), detail::data_or_empty(patch), patch.size(),
                                 file.c_str(), unix_seconds, nanos, &err);
    check(status, err);
    return Report(out);
  }

  /// The native handle, borrowed: valid while this Session lives.
  rollgate_session* native_handle() const noexcept { return session_.get(); }

 private:
  std::unique_ptr<rollgate_session, detail::SessionFree> session_;
};

}  // namespace rollgate

#endif  // ROLLGATE_SESSION_HPP
