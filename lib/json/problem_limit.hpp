// How many problems one document reports.  A hostile document can hold
// hundreds of thousands (200,000 duplicate keys on one line): listing them
// all makes an error message of many megabytes that nobody reads, so the
// first ones are kept and the rest counted.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "support/diagnostic.hpp"

namespace rollgate::json {

// Enough to fix a document in one pass; a person reads no more.
constexpr size_t kMaxReportedProblems = 100;

// The problem that stands for `omitted` problems left out of a document's
// report: kind limit, named after `file`, not located:
// "and 199900 more problems (only the first 100 are reported)".
Diagnostic omitted_problems(size_t omitted, std::string_view file);

// Keeps the first kMaxReportedProblems of `problems` and, when there were
// more, adds omitted_problems() for the rest.
void keep_first_problems(std::vector<Diagnostic>& problems, std::string_view file);

}  // namespace rollgate::json
