#include "support/diagnostic.hpp"

namespace rollgate {

std::string Diagnostic::to_string() const {
  std::string out;
  if (!file.empty()) {
    out += file;
    if (line > 0) out += ':' + std::to_string(line) + ':' + std::to_string(column);
    out += ": ";
  }
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
