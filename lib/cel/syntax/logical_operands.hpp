// The operands of an expression's top-level && or || chain, as spans of its
// source, for explaining which conjunct decided a verdict: in
// `a && b && (c || d)` the operands are `a`, `b` and `(c || d)`, and the
// last has its own operands `c` and `d`.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace rollgate::cel::detail {

struct OperandSpan {
  size_t begin = 0;  // byte offsets into the whole source: [begin, end)
  size_t end = 0;
  // For a chain: "&&" or "||", and its operands in source order (at least
  // two).  Empty for an operand that is not a chain.
  std::string_view op;
  std::vector<OperandSpan> operands;
};

// The root of `source` as a span, with its chain operands filled in
// recursively (a parenthesised chain among the operands is split too, its
// span without the parentheses).  An expression that does not parse, or
// whose root is no && / || chain, gives a span of the whole source with no
// operands.  Linear in the length of the source; the depth is bounded by
// the parser's nesting limit.
OperandSpan split_logical_operands(std::string_view source);

}  // namespace rollgate::cel::detail
