// The parse tree of a regular expression in RE2's syntax, and the parser
// that builds it.  Only what decides WHETHER a pattern matches is kept:
// matches() never reports where or what was captured, so groups, names and
// greediness are checked and then dropped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cel/library/regex/char_class.hpp"

namespace rollgate::cel::detail::regex {

// The empty-width assertions.  Word boundaries are ASCII, as in RE2.
enum class Assertion : uint8_t {
  kBeginText,        // \A, and ^ outside (?m)
  kEndText,          // \z, and $ outside (?m)
  kBeginLine,        // ^ in (?m): at the start or after a newline
  kEndLine,          // $ in (?m): at the end or before a newline
  kWordBoundary,     // \b
  kNotWordBoundary,  // \B
};

enum class NodeKind : uint8_t {
  kEmpty,      // matches the empty string: (), a| and the like
  kClass,      // one code point from classes[class_index]
  kAssertion,  // an empty-width assertion
  kConcat,     // children in sequence
  kAlternate,  // any one of the children
  kRepeat,     // the only child, min..max times (max -1: no limit)
};

struct Node {
  NodeKind kind = NodeKind::kEmpty;
  Assertion assertion = Assertion::kBeginText;
  uint32_t class_index = 0;
  int min = 0;
  int max = 0;
  bool counted = false;  // written x{n,m}, which RE2's nesting limit counts
  std::vector<Node> children;
};

struct ParsedPattern {
  Node root;
  std::vector<CharClass> classes;  // normalized
};

// The most a counted repetition may repeat, alone or nested, as in RE2:
// x{1001} and (x{100}){100} are refused.
inline constexpr int kMaxRepeat = 1000;

// Parses `pattern`; on failure returns false and sets `error` to RE2's
// wording ("missing ): (ab").  The caller has checked the pattern's length
// and group nesting (regex.hpp), which bound this parser's output and the
// depth of the tree; the parser itself keeps its open groups on a heap
// stack and never recurses.
bool parse_pattern(std::string_view pattern, ParsedPattern& out, std::string& error);

}  // namespace rollgate::cel::detail::regex
