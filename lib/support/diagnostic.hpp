// A located problem with an input: a plan, a facts document or a state file.
// Every error rollgate reports to a person is one or more of these.
#pragma once

#include <string>
#include <vector>

namespace rollgate {

// What kind of problem a Diagnostic is: the stable lower-case codes of
// docs/ERRORS.md ("unknown-field", "cycle", ...), which programs may match
// on.  New kinds are only ever added.
enum class DiagnosticKind {
  JsonSyntax,          // "json-syntax": not well-formed JSON
  DuplicateKey,        // "duplicate-key": a JSON object names a member twice
  Limit,               // "limit": past a size limit (nesting depth, matrix size)
  UnknownField,        // "unknown-field": a member the format does not have
  MissingField,        // "missing-field": a required member is absent
  WrongType,           // "wrong-type": a value of the wrong JSON or declared type
  BadValue,            // "bad-value": the right type, but not a value allowed there
  OutOfRange,          // "out-of-range": a number outside the range allowed there
  DuplicateId,         // "duplicate-id": a stage or gate id used twice
  UnknownId,           // "unknown-id": a reference to a stage that does not exist
  Cycle,               // "cycle": stages that wait for each other
  CelSyntax,           // "cel-syntax": a gate expression that does not parse
  CelType,             // "cel-type": a gate expression that does not type-check
  UnsupportedVersion,  // "unsupported-version": a plan or state format this library does not read
  UndeclaredFact,      // "undeclared-fact": a fact the plan does not declare
  NotAState,           // "not-a-state": a state file that is empty or not a rollgate state
  StatePlan,           // "state-plan": a state saved under a plan of another name
  StateAfterNow,       // "state-after-now": a state saved after the evaluation instant
};

// The code of a kind: "unknown-field".
const char* to_string(DiagnosticKind kind);

struct Diagnostic {
  std::string kind;          // stable code: "unknown-field", "cycle", ... (docs/ERRORS.md)
  std::string message;       // plain text, no location
  std::string suggestion;    // what the input probably meant ("did you mean"), or ""
  std::string file;          // as named by the caller: "plan.json"; "" when not named
  std::string pointer;       // JSON pointer of the offending value
  std::string subject_kind;  // "stage", "gate", "fact" or "" (none)
  std::string subject;       // stage id as written, full gate id "stage/gate", fact name
  int line = 0;              // 1-based; 0 when not known
  int column = 0;            // 1-based, in code points; 0 when not known

  // "plan.json:14:20: /stages/1/gates/0/expr: gate pilot/departments: msg"
  // (parts that are not known are left out: with no file, "14:20: ...").
  std::string to_string() const;
};

// One line per diagnostic, in order.
std::string to_string(const std::vector<Diagnostic>& diagnostics);

}  // namespace rollgate
