#include "json/problem_limit.hpp"

#include <string>

namespace rollgate::json {

Diagnostic omitted_problems(size_t omitted, std::string_view file) {
  Diagnostic d;
  d.kind = to_string(DiagnosticKind::Limit);
  d.file = std::string(file);
  d.message = "and " + std::to_string(omitted) + (omitted == 1 ? " more problem" : " more problems") +
              " (only the first " +
              std::to_string(kMaxReportedProblems) + " are reported)";
  return d;
}

void keep_first_problems(std::vector<Diagnostic>& problems, std::string_view file) {
  if (problems.size() <= kMaxReportedProblems) return;
  const size_t omitted = problems.size() - kMaxReportedProblems;
  problems.resize(kMaxReportedProblems);
  problems.push_back(omitted_problems(omitted, file));
}

}  // namespace rollgate::json
