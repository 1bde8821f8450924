// rollgate/session.hpp — inputs for one plan, and their evaluation.
#ifndef ROLLGATE_SESSION_HPP
#define ROLLGATE_SESSION_HPP

#include <rollgate/error.hpp>
#include <rollgate/plan.hpp>
#include <rollgate/report.hpp>
#include <rollgate/session_inputs.hpp>
#include <rollgate/session_options.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

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
  void set_inputs(std::string_view json, std::string_view file_name = "") {
    const std::string file(file_name);
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_set_inputs(
        session_.get(), detail::data_or_empty(json), json.size(), file.c_str(), &err);
    check(status, err);
  }

  /// Merges a document shaped like the facts document over the inputs, as a
  /// what-if patch but kept (rollgate_session_update_inputs()): facts of the
  /// same name replaced, progress entries replaced stage by stage, approvals
  /// added.  All or nothing.
  /// @throws Error as set_inputs().
  void update_inputs(std::string_view json, std::string_view file_name = "") {
    const std::string file(file_name);
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_update_inputs(
        session_.get(), detail::data_or_empty(json), json.size(), file.c_str(), &err);
    check(status, err);
  }

  /// Sets one fact from its facts document entry, leaving every other input
  /// as it is: `entry_json` is a bare JSON value or a {"value": ...,
  /// "observed_at": ..., "source": ..., "evidence": ...} wrapper; JSON
  /// `null` makes the fact missing.
  /// @throws Error with ROLLGATE_EJSON (located in `entry_json`), or
  ///         ROLLGATE_EINPUT (undeclared fact, with the closest declared name
  ///         as suggestion; a value that does not convert to the declared
  ///         type).  Problems name the fact as subject.
  void set_fact_entry(std::string_view name, std::string_view entry_json) {
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_set_fact(
        session_.get(), detail::data_or_empty(name), name.size(),
        detail::data_or_empty(entry_json), entry_json.size(), &err);
    check(status, err);
  }

  /// Sets one fact from a C++ value, leaving every other input as it is.
  /// The value converts to the declared type as the facts document converts
  /// the JSON it would be written as (rollgate_session_set_fact_bool and the
  /// others in rollgate.h list what suits which type); every overload suits
  /// a fact declared `dyn`.  All or nothing.
  /// @param meta  the observation time, source and evidence link
  /// @throws Error with ROLLGATE_EINPUT (undeclared fact; a value that does
  ///         not suit the declared type, naming both), ROLLGATE_EINVAL (a
  ///         timestamp or duration out of range).
  void set_fact(std::string_view name, bool value, const FactMeta& meta = {}) {
    set_typed(name, meta, [value](rollgate_session* s, const char* n, std::size_t len, const rollgate_fact_meta* m, rollgate_error** e) {
      return rollgate_session_set_fact_bool(s, n, len, value ? 1 : 0, m, e);
    });
  }
  /// An integer: signed types as int, unsigned ones as uint.
  template <class Integer,
            std::enable_if_t<std::is_integral_v<Integer> && !std::is_same_v<Integer, bool>, int> = 0>
  void set_fact(std::string_view name, Integer value, const FactMeta& meta = {}) {
    if constexpr (std::is_signed_v<Integer>) {
      set_typed(name, meta, [value](rollgate_session* s, const char* n, std::size_t len, const rollgate_fact_meta* m, rollgate_error** e) {
        return rollgate_session_set_fact_int(s, n, len, static_cast<std::int64_t>(value), m, e);
      });
    } else {
      set_typed(name, meta, [value](rollgate_session* s, const char* n, std::size_t len, const rollgate_fact_meta* m, rollgate_error** e) {
        return rollgate_session_set_fact_uint(s, n, len, static_cast<std::uint64_t>(value), m, e);
      });
    }
  }
  void set_fact(std::string_view name, double value, const FactMeta& meta = {}) {
    set_typed(name, meta, [value](rollgate_session* s, const char* n, std::size_t len, const rollgate_fact_meta* m, rollgate_error** e) {
      return rollgate_session_set_fact_double(s, n, len, value, m, e);
    });
  }
  /// A string (also a timestamp's RFC 3339 text, a duration's CEL text or
  /// bytes in base64, for facts of those types).  Not JSON: see
  /// set_fact_json().
  void set_fact(std::string_view name, std::string_view value, const FactMeta& meta = {}) {
    set_typed(name, meta, [value](rollgate_session* s, const char* n, std::size_t len, const rollgate_fact_meta* m, rollgate_error** e) {
      return rollgate_session_set_fact_string(s, n, len, detail::data_or_empty(value), value.size(), m, e);
    });
  }
  /// A string literal is a string (not a bool).
  void set_fact(std::string_view name, const char* value, const FactMeta& meta = {}) {
    set_fact(name, std::string_view(value ? value : ""), meta);
  }
  void set_fact(std::string_view name, Timestamp value, const FactMeta& meta = {}) {
    set_typed(name, meta, [value](rollgate_session* s, const char* n, std::size_t len, const rollgate_fact_meta* m, rollgate_error** e) {
      return rollgate_session_set_fact_timestamp(s, n, len, value.seconds, value.nanos, m, e);
    });
  }
  void set_fact(std::string_view name, Duration value, const FactMeta& meta = {}) {
    set_typed(name, meta, [value](rollgate_session* s, const char* n, std::size_t len, const rollgate_fact_meta* m, rollgate_error** e) {
      return rollgate_session_set_fact_duration(s, n, len, value.seconds, value.nanos, m, e);
    });
  }

  /// Sets one fact from its value as JSON (any type, lists and maps
  /// included; not a {"value": ...} wrapper: the metadata is `meta`).  JSON
  /// `null` makes the fact missing.
  /// @throws Error with ROLLGATE_EJSON (located in `value_json`) or
  ///         ROLLGATE_EINPUT, as set_fact().
  void set_fact_json(std::string_view name, std::string_view value_json, const FactMeta& meta = {}) {
    set_typed(name, meta, [value_json](rollgate_session* s, const char* n, std::size_t len, const rollgate_fact_meta* m, rollgate_error** e) {
      return rollgate_session_set_fact_json(s, n, len, detail::data_or_empty(value_json), value_json.size(), m, e);
    });
  }

  /// Makes one fact missing.
  /// @throws Error with ROLLGATE_EINPUT for an undeclared fact.
  void clear_fact(std::string_view name) {
    rollgate_error* err = nullptr;
    const rollgate_status status =
        rollgate_session_clear_fact(session_.get(), detail::data_or_empty(name), name.size(), &err);
    check(status, err);
  }

  /// Sets the progress of one stage, or of every expansion of a matrix id.
  /// @throws Error with ROLLGATE_EINPUT (unknown stage, with a suggestion),
  ///         ROLLGATE_EINVAL (a timestamp out of range).
  void set_progress(std::string_view stage, const Progress& progress) {
    const rollgate_progress c = progress.to_c();
    set_progress_c(stage, &c);
  }

  /// Removes the progress of one stage (or a matrix id's expansions): not
  /// started.
  /// @throws Error with ROLLGATE_EINPUT for an unknown stage.
  void clear_progress(std::string_view stage) { set_progress_c(stage, nullptr); }

  /// Adds one approval, leaving every other input as it is.
  /// @throws Error with ROLLGATE_EINPUT (unknown stage, with a suggestion),
  ///         ROLLGATE_EINVAL (a timestamp out of range).
  void add_approval(const Approval& approval) {
    const rollgate_approval c = approval.to_c();
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_add_approval(session_.get(), &c, &err);
    check(status, err);
  }

  /// The current inputs as a facts document ({"facts", "progress",
  /// "approvals"}) that set_inputs() reads back to the same inputs.
  /// @throws Error (ROLLGATE_EINVAL for a moved-from Session, ROLLGATE_ENOMEM).
  std::string inputs() const {
    char* raw = nullptr;
    std::size_t len = 0;
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_inputs(&raw, &len, session_.get(), &err);
    std::unique_ptr<char, detail::BufferFree> buffer(raw);
    check(status, err);
    return buffer ? std::string(buffer.get(), len) : std::string();
  }

  /// Evaluates the inputs at the instant `unix_seconds` + `nanos`
  /// (nanos in 0..999999999).
  /// @throws Error (ROLLGATE_EINVAL for nanos out of range, ROLLGATE_ENOMEM;
  ///         ROLLGATE_ELIMIT, ROLLGATE_ETIMEOUT, ROLLGATE_ECANCELLED when
  ///         the options stop it, leaving the session as it was).
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
  void set_state(std::string_view json, std::string_view file_name = "") {
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
  void clear_state() {
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_clear_state(session_.get(), &err);
    check(status, err);
  }

  /// Evaluates with `patch` (a facts document) applied, at `unix_seconds` +
  /// `nanos` and from the session's state, changing neither the session's
  /// inputs nor its state.  The report lists what the patch changed.
  /// @throws Error with ROLLGATE_EJSON or ROLLGATE_EINPUT for a bad patch.
  Report what_if(std::string_view patch, std::int64_t unix_seconds, std::int32_t nanos = 0,
                 std::string_view file_name = "") {
    const std::string file(file_name);
    rollgate_report* out = nullptr;
    rollgate_error* err = nullptr;
    const rollgate_status status =
        rollgate_session_what_if(&out, session_.get(), detail::data_or_empty(patch), patch.size(),
                                 file.c_str(), unix_seconds, nanos, &err);
    check(status, err);
    return Report(out);
  }

  /// Sets the limits, deadline and cancellation flag of the next
  /// evaluations (SessionOptions; docs/LIMITS.md).
  /// @throws Error (ROLLGATE_EINVAL for a moved-from Session).
  void set_options(const SessionOptions& options) {
    const rollgate_session_options c = options.to_c();
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_set_options(session_.get(), &c, &err);
    check(status, err);
  }

  /// Evaluates one CEL expression against the inputs at `now`, as a gate
  /// would be, and returns rollgate_session_evaluate_expr()'s JSON document
  /// (value, CEL text, type, facts read; with `operands`, the && / ||
  /// chain broken down and the deciding operands marked).  The session
  /// does not change.
  /// @throws Error with ROLLGATE_EINPUT when it does not compile (problems
  ///         located by line and column within `expr`), ROLLGATE_ENOMEM.
  std::string evaluate_expr(std::string_view expr, Timestamp now, bool operands = false) const {
    char* raw = nullptr;
    std::size_t len = 0;
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_evaluate_expr(
        &raw, &len, session_.get(), detail::data_or_empty(expr), expr.size(),
        operands ? ROLLGATE_EXPR_OPERANDS : 0u, now.seconds, now.nanos, &err);
    std::unique_ptr<char, detail::BufferFree> buffer(raw);
    check(status, err);
    return buffer ? std::string(buffer.get(), len) : std::string();
  }

  /// The native handle, borrowed: valid while this Session lives.
  rollgate_session* native_handle() const noexcept { return session_.get(); }

 private:
  // Calls a typed setter, `call(session, name, name_len, meta, err)`, and
  // throws its error.
  template <class Call>
  void set_typed(std::string_view name, const FactMeta& meta, Call call) {
    const rollgate_fact_meta c = meta.to_c();
    rollgate_error* err = nullptr;
    const rollgate_status status = call(session_.get(), detail::data_or_empty(name), name.size(), &c, &err);
    check(status, err);
  }

  void set_progress_c(std::string_view stage, const rollgate_progress* progress) {
    rollgate_error* err = nullptr;
    const rollgate_status status = rollgate_session_set_progress(
        session_.get(), detail::data_or_empty(stage), stage.size(), progress, &err);
    check(status, err);
  }

  std::unique_ptr<rollgate_session, detail::SessionFree> session_;
};

}  // namespace rollgate

#endif  // ROLLGATE_SESSION_HPP
