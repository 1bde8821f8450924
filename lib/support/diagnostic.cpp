#include "support/diagnostic.hpp"

namespace rollgate {

const char* to_string(DiagnosticKind kind) {
  switch (kind) {
    case DiagnosticKind::JsonSyntax: return "json-syntax";
    case DiagnosticKind::DuplicateKey: return "duplicate-key";
    case DiagnosticKind::Limit: return "limit";
    case DiagnosticKind::UnknownField: return "unknown-field";
    case DiagnosticKind::MissingField: return "missing-field";
    case DiagnosticKind::WrongType: return "wrong-type";
    case DiagnosticKind::BadValue: return "bad-value";
    case DiagnosticKind::OutOfRange: return "out-of-range";
    case DiagnosticKind::DuplicateId: return "duplicate-id";
    case DiagnosticKind::UnknownId: return "unknown-id";
    case DiagnosticKind::Cycle: return "cycle";
    case DiagnosticKind::CelSyntax: return "cel-syntax";
    case DiagnosticKind::CelType: return "cel-type";
    case DiagnosticKind::UnsupportedVersion: return "unsupported-version";
    case DiagnosticKind::UndeclaredFact: return "undeclared-fact";
    case DiagnosticKind::NotAState: return "not-a-state";
    case DiagnosticKind::StatePlan: return "state-plan";
    case DiagnosticKind::StateAfterNow: return "state-after-now";
  }
  return "bad-value";
}

std::string Diagnostic::to_string() const {
  std::string out;
  // "file:line:column: ", leaving out what is not known: an input given
  // without a file name gives "line:column: ".
  std::string location = file;
  if (line > 0) {
    if (!location.empty()) location += ':';
    location += std::to_string(line) + ':' + std::to_string(column);
  }
  if (!location.empty()) out += location + ": ";
  if (!pointer.empty()) out += pointer + ": ";
  if (!subject.empty()) {
    if (!subject_kind.empty()) out += subject_kind + ' ';
    out += subject + ": ";
  }
  out += message;
  return out;
}

std::string to_string(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += d.to_string();
  }
  return out;
}

}  // namespace rollgate
