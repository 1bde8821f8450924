// CEL's grammar (google/cel-spec langdef) by recursive descent, producing
// the AST with macros expanded.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cel/syntax/ast.hpp"

namespace rollgate::cel::detail {

// The limits keep parsing, checking and evaluation within about 384 KiB of
// stack (measured at the limits, debug build), far above CEL's required 32
// levels and far above what a readable gate needs.
struct ParseOptions {
  bool macros = true;
  // Nesting of parenthesised / bracketed / argument expressions; deeper
  // input is a syntax error (never a stack overflow).
  int max_nesting = 128;
  // Height of the tree, which long operator chains grow without nesting.
  int max_height = 256;
  // Nodes of the tree, macros expanded: a bound on the work of checking
  // and planning that does not trust any macro's expansion to stay small.
  // (Macros grow the tree by a constant per call; optMap() and optFlatMap()
  // once copied their receiver, 2^n nodes for a chain of n, found by
  // tests/fuzz/expression_fuzz.cpp.)  100,000 nodes is a list literal of a
  // 64 KiB expression twice over.
  int64_t max_nodes = 100000;
};

struct ParseError {
  std::string message;
  size_t offset = 0;
};

struct ParseResult {
  ExprPtr expr;                     // null when error is set
  std::optional<ParseError> error;  // the first error found
};

ParseResult parse(std::string_view source, const ParseOptions& options = {});

}  // namespace rollgate::cel::detail
