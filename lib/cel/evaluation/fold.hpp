// Constant folding: subexpressions that read no fact and no comprehension
// variable are evaluated once, at compile time, and replaced by their value.
#pragma once

#include "cel/syntax/ast.hpp"
#include "cel/checking/checker.hpp"

namespace rollgate::cel::detail {

// Rewrites `root` in place (after checking, before planning): every maximal
// constant subexpression whose evaluation yields a value (not an error) becomes
// a Const node with the same id.  A subexpression whose evaluation fails is
// left as written (its constant parts are still folded), so the same error
// is reported at the same point at run time.  Comprehensions and message
// literals are never folded; neither is anything that names a fact, a
// comprehension variable or an unresolved name.  Returns how many
// subexpressions were folded.
size_t fold_constants(Expr& root, const CheckResult& checked);

}  // namespace rollgate::cel::detail
