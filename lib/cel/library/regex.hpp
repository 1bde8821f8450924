// Regular expressions for matches(), in RE2 syntax (as CEL specifies),
// matched by RE2 itself: time linear in the input, no recursion on the
// input, so any input size is safe.  A malformed or oversized pattern is an
// error value.  RE2 stays private to regex.cpp (it is not in any header).
#pragma once

#include <cstddef>
#include <string_view>

#include "cel/common/value.hpp"

namespace rollgate::cel::detail {

// Patterns longer than this are refused before RE2 sees them: compiling is
// linear in the pattern, and a gate's pattern is a few dozen bytes.
inline constexpr size_t kMaxPatternBytes = 64 * 1024;

// Whether `pattern` matches a substring of `text` (RE2::PartialMatch over
// UTF-8, a bool Value), or an error for a malformed or oversized pattern.
Value regex_search(std::string_view text, std::string_view pattern);

}  // namespace rollgate::cel::detail
