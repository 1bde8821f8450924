// rollgate/error.hpp — errors of the C++ API.
//
// Part of the header-only C++ wrapper over the C ABI (rollgate.h).  Every
// failing C call becomes a thrown rollgate::Error carrying the status code,
// the full located message and the list of problems.
#ifndef ROLLGATE_ERROR_HPP
#define ROLLGATE_ERROR_HPP

#include <rollgate.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace rollgate {

/// Which kind of id a Problem's subject is (rollgate_subject_kind).
enum class SubjectKind {
  None = ROLLGATE_SUBJECT_NONE,    ///< The problem concerns no one stage, gate or fact.
  Stage = ROLLGATE_SUBJECT_STAGE,  ///< A stage id as written (a matrix stage's own id).
  Gate = ROLLGATE_SUBJECT_GATE,    ///< A full gate id, "stage/gate".
  Fact = ROLLGATE_SUBJECT_FACT     ///< A fact name, "pilot.departments".
};

/// One located problem of an Error, copied out of rollgate_error_problem().
/// Strings are empty, and line/column 0, when the problem has no such part.
struct Problem {
  std::string kind;        ///< Stable code: "unknown-field", "cycle", ... (docs/ERRORS.md).
  std::string message;     ///< The plain message, without the location prefix.
  std::string suggestion;  ///< What the input probably meant ("did you mean"); "" when none.
  std::string file;        ///< The file name given with the input ("plan.json"); "" when none.
  std::string pointer;     ///< JSON pointer of the offending value ("/stages/1/after/0").
  std::string subject;     ///< Stage id, full gate id ("pilot/uptime") or fact name.
  SubjectKind subject_kind = SubjectKind::None;  ///< Which of those `subject` is.
  int line = 0;            ///< 1-based line in the input text; 0 when unknown.
  int column = 0;          ///< 1-based column in the input text; 0 when unknown.
};

/// The exception thrown by every fallible function of the C++ API.
///
/// what() is the library's whole message (rollgate_error_message): one line
/// per problem, each prefixed "<file>:<line>:<column>: <pointer>: " (the
/// parts that are not known left out).
/// Copying an Error never throws (the problem list is shared).
class Error : public std::runtime_error {
 public:
  /// Builds an error from its parts.  Bindings normally use make_error().
  Error(rollgate_status code, const std::string& message,
        std::vector<Problem> problems = {})
      : std::runtime_error(message),
        code_(code),
        problems_(std::make_shared<const std::vector<Problem>>(
            std::move(problems))) {}

  /// The status code the failing C call returned (never ROLLGATE_OK).
  rollgate_status code() const noexcept { return code_; }

  /// A static English name of code(), e.g. "invalid plan".
  const char* status_string() const noexcept {
    return rollgate_status_string(code_);
  }

  /// Every located problem; an invalid plan lists all of its problems.
  const std::vector<Problem>& problems() const noexcept { return *problems_; }

 private:
  rollgate_status code_;
  std::shared_ptr<const std::vector<Problem>> problems_;
};

namespace detail {

struct ErrorFree {
  void operator()(rollgate_error* err) const noexcept { rollgate_error_free(err); }
};

// A borrowed C string as std::string; NULL becomes "".
inline std::string to_string(const char* s) { return s ? std::string(s) : std::string(); }

}  // namespace detail

/// Converts a failed C call into an Error, taking ownership of `err` and
/// freeing it (also when building the Error throws std::bad_alloc).
/// `err` may be NULL: the message is then the status name.
inline Error make_error(rollgate_status status, rollgate_error* err) {
  std::unique_ptr<rollgate_error, detail::ErrorFree> owned(err);
  if (!owned) {
    return Error(status, rollgate_status_string(status));
  }
  auto code = static_cast<rollgate_status>(rollgate_error_code(owned.get()));
  if (code == ROLLGATE_OK) code = status;
  std::string message = detail::to_string(rollgate_error_message(owned.get()));
  if (message.empty()) message = rollgate_status_string(code);
  std::vector<Problem> problems;
  const std::size_t count = rollgate_error_count(owned.get());
  problems.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    rollgate_problem p{};  // every string NULL, subject_kind NONE
    p.version = ROLLGATE_PROBLEM_VERSION;
    if (rollgate_error_problem(&p, owned.get(), i, nullptr) != ROLLGATE_OK) continue;
    Problem problem;
    problem.kind = detail::to_string(p.kind);
    problem.message = detail::to_string(p.message);
    problem.suggestion = detail::to_string(p.suggestion);
    problem.file = detail::to_string(p.file);
    problem.pointer = detail::to_string(p.pointer);
    problem.subject = detail::to_string(p.subject);
    problem.subject_kind = static_cast<SubjectKind>(p.subject_kind);
    problem.line = static_cast<int>(p.line);
    problem.column = static_cast<int>(p.column);
    problems.push_back(std::move(problem));
  }
  return Error(code, message, std::move(problems));
}

/// Checks the result of a C call: returns when `status` is ROLLGATE_OK,
/// otherwise throws the Error built by make_error().  Frees `err` either way.
/// @throws Error when status != ROLLGATE_OK.
inline void check(rollgate_status status, rollgate_error* err) {
  if (status == ROLLGATE_OK) {
    rollgate_error_free(err);  // NULL on success; freed defensively.
    return;
  }
  throw make_error(status, err);
}

}  // namespace rollgate

#endif  // ROLLGATE_ERROR_HPP
