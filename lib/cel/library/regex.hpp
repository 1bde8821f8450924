// Regular expressions for matches(), in RE2 syntax (as CEL specifies),
// matched by RE2 itself: time linear in the input, no recursion on the
// input, so any input size is safe.  A malformed or oversized pattern is an
// error value.  RE2 stays private to regex.cpp (it is not in any header).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cel/common/value.hpp"

namespace rollgate::cel::detail {

// Patterns longer than this are refused before RE2 sees them.  A gate's
// pattern is a few dozen bytes; 4 KiB is a page of them, and keeps what RE2
// builds from one pattern (parse tree, program, within kMaxProgramMemory in
// regex.cpp) small, and the pattern cache's 1 MiB at 256 patterns.
inline constexpr size_t kMaxPatternBytes = 4096;

// Patterns whose groups nest deeper than this are refused before RE2 sees
// them: RE2's parser and the walks over its parse tree follow the nesting,
// and a real pattern nests groups two or three deep.
inline constexpr size_t kMaxPatternNesting = 64;

// Whether `pattern` matches a substring of `text` (RE2::PartialMatch over
// UTF-8, a bool Value), or an error for a malformed pattern or one past
// kMaxPatternBytes or kMaxPatternNesting.
Value regex_search(std::string_view text, std::string_view pattern);

// Why `pattern` is refused before RE2 sees it ("" when it is within both
// limits): its length, or where its groups nest too deep.  Linear.
std::string pattern_limit_problem(std::string_view pattern);

}  // namespace rollgate::cel::detail
