// Regular expressions for matches().  CEL specifies RE2 syntax; this uses
// the standard library's ECMAScript engine over code points, which agrees
// with RE2 on the common syntax (classes, groups, alternation, repetition,
// anchors) and accepts a leading "(?i)".  Patterns RE2 would reject may be
// accepted here and vice versa; a malformed pattern is an error value.
#pragma once

#include <string_view>

#include "cel/value.hpp"

namespace rollgate::cel::detail {

// Whether `pattern` matches a substring of `text` (a bool Value), or an
// error for a malformed pattern or an input too large to match safely.
Value regex_search(std::string_view text, std::string_view pattern);

}  // namespace rollgate::cel::detail
