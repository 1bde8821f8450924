// Regular expressions for matches(), in RE2 syntax (as CEL specifies),
// matched by rollgate's own engine (regex/: parse, compile, search): time
// linear in the input, no recursion on the input, so any input size is
// safe, and a failed allocation anywhere unwinds cleanly.  A malformed or
// oversized pattern is an error value.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "cel/common/value.hpp"

namespace rollgate::cel::detail {

// Patterns longer than this are refused before they are parsed.  A gate's
// pattern is a few dozen bytes; 4 KiB is a page of them, and keeps what is
// built from one pattern (parse tree, program, within kMaxInstructions in
// regex/program.hpp) small.
inline constexpr size_t kMaxPatternBytes = 4096;

// Patterns whose groups nest deeper than this are refused before they are
// parsed: the compiler's walk over the parse tree follows the nesting, and
// a real pattern nests groups two or three deep.
inline constexpr size_t kMaxPatternNesting = 64;

// Whether `pattern` matches a substring of `text` (RE2's PartialMatch over
// UTF-8, a bool Value), or an error for a malformed pattern or one past
// kMaxPatternBytes or kMaxPatternNesting.
Value regex_search(std::string_view text, std::string_view pattern);

// Why `pattern` is refused before it is parsed ("" when it is within both
// limits): its length, or where its groups nest too deep.  Linear.
std::string pattern_limit_problem(std::string_view pattern);

}  // namespace rollgate::cel::detail
