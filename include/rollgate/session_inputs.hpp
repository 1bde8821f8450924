// rollgate/session_inputs.hpp — the value types for setting a session's
// inputs one at a time (Session::set_fact, set_progress, add_approval).
//
// Part of the header-only C++ wrapper over the C ABI (rollgate.h).  Each
// type mirrors a C struct of rollgate.h and converts to it with to_c(),
// whose strings are borrowed from the C++ object (keep it alive while the C
// struct is used).  Strings are UTF-8; an embedded NUL ends them.
#ifndef ROLLGATE_SESSION_INPUTS_HPP
#define ROLLGATE_SESSION_INPUTS_HPP

#include <rollgate.h>
#include <rollgate/time.hpp>

#include <optional>
#include <string>

namespace rollgate {

namespace detail {

// A C string for an optional text: NULL when empty.
inline const char* c_str_or_null(const std::string& s) noexcept { return s.empty() ? nullptr : s.c_str(); }

}  // namespace detail

/// Where a fact's value came from: the members of the facts document's
/// {"value", "observed_at", "source", "evidence"} wrapper besides the value.
/// All optional: a default FactMeta gives a fact with no observation time
/// (never stale), no source and no evidence link.
struct FactMeta {
  /// When the value was observed; a fact older than its max_age is stale.
  std::optional<Timestamp> observed_at;
  /// Where the value came from, e.g. "monitoring"; empty for none.
  std::string source;
  /// A link to where the value can be checked; empty for none.
  std::string evidence;

  /// The C form, borrowing this object's strings.
  rollgate_fact_meta to_c() const noexcept {
    rollgate_fact_meta c = ROLLGATE_FACT_META_INIT;
    if (observed_at) {
      c.has_observed_at = 1;
      c.observed_at_seconds = observed_at->seconds;
      c.observed_at_nanos = observed_at->nanos;
    }
    c.source = detail::c_str_or_null(source);
    c.evidence = detail::c_str_or_null(evidence);
    return c;
  }
};

/// A stage's progress state (docs/FACTS.md, "Progress").
enum class ProgressState {
  NotStarted = ROLLGATE_PROGRESS_NOT_STARTED,
  InProgress = ROLLGATE_PROGRESS_IN_PROGRESS,
  Done = ROLLGATE_PROGRESS_DONE,
  Held = ROLLGATE_PROGRESS_HELD,              ///< paused by a decision
  Cancelled = ROLLGATE_PROGRESS_CANCELLED,
  RolledBack = ROLLGATE_PROGRESS_ROLLED_BACK  ///< back to not started
};

/// One stage's progress: the fields of a "progress" entry of the facts
/// document.
struct Progress {
  ProgressState state = ProgressState::NotStarted;
  std::optional<Timestamp> started_at;
  std::optional<Timestamp> done_at;
  /// Who asked for the stage: their own approvals do not count.
  std::string requested_by;
  /// Why the stage is held, cancelled or rolled back.
  std::string reason;

  /// The C form, borrowing this object's strings.
  rollgate_progress to_c() const noexcept {
    rollgate_progress c = ROLLGATE_PROGRESS_INIT;
    c.state = static_cast<rollgate_progress_state>(state);
    if (started_at) {
      c.has_started_at = 1;
      c.started_at_seconds = started_at->seconds;
      c.started_at_nanos = started_at->nanos;
    }
    if (done_at) {
      c.has_done_at = 1;
      c.done_at_seconds = done_at->seconds;
      c.done_at_nanos = done_at->nanos;
    }
    c.requested_by = detail::c_str_or_null(requested_by);
    c.reason = detail::c_str_or_null(reason);
    return c;
  }
};

/// One approval: the fields of an "approvals" entry of the facts document.
struct Approval {
  std::string stage;  ///< the stage id, or a matrix id (all its expansions)
  std::string role;   ///< the approval requirement's role, e.g. "security"
  std::string by;     ///< the person approving
  /// When; needed where the role's requirement has a max_age.
  std::optional<Timestamp> at;
  std::string note;   ///< empty for none

  /// The C form, borrowing this object's strings.
  rollgate_approval to_c() const noexcept {
    rollgate_approval c = ROLLGATE_APPROVAL_INIT;
    c.stage = stage.c_str();
    c.role = role.c_str();
    c.by = by.c_str();
    if (at) {
      c.has_at = 1;
      c.at_seconds = at->seconds;
      c.at_nanos = at->nanos;
    }
    c.note = detail::c_str_or_null(note);
    return c;
  }
};

}  // namespace rollgate

#endif  // ROLLGATE_SESSION_INPUTS_HPP
