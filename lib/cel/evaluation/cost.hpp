// The static cost model of a compiled expression (see Program::cost_estimate).
#pragma once

#include "cel/syntax/ast.hpp"
#include "cel/checking/checker.hpp"
#include "cel/program.hpp"

namespace rollgate::cel::detail {

// Walks the (folded) AST: a step is one node evaluated.  A comprehension
// costs its range, initial value and result once, plus per element its loop
// condition and step; its element count is exact when the range is a
// constant or a literal, else kAssumedListSize.
CostEstimate estimate_cost(const Expr& root, const CheckResult& checked);

}  // namespace rollgate::cel::detail
