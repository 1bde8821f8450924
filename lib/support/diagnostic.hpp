// A located problem with an input: a plan, a facts document or a state file.
// Every error rollgate reports to a person is one or more of these.
#pragma once

#include <string>
#include <vector>

namespace rollgate {

struct Diagnostic {
  std::string message;       // plain text, no location
  std::string file;          // as named by the caller: "plan.json"
  std::string pointer;       // JSON pointer of the offending value
  std::string subject_kind;  // "stage", "gate", "fact" or "" (none)
  std::string subject;       // stage id, full gate id "stage/gate", fact name
  int line = 0;              // 1-based; 0 when not known
  int column = 0;            // 1-based, in code points; 0 when not known

  // "plan.json:14:20: /stages/1/gates/0/expr: gate pilot/departments: msg"
  // (parts that are not known are left out).
  std::string to_string() const;
};

// One line per diagnostic, in order.
std::string to_string(const std::vector<Diagnostic>& diagnostics);

}  // namespace rollgate
