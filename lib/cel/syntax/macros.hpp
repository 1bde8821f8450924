// CEL's macros, expanded by the parser: has(a.b) becomes a presence test and
// all / exists / exists_one / map / filter become comprehensions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cel/syntax/ast.hpp"

namespace rollgate::cel::detail {

// The accumulator variable of expanded comprehensions (the name cel-go
// uses, so an iteration variable of that name is rejected the same way).
inline constexpr std::string_view kAccumulatorName = "__result__";

struct MacroError {
  std::string message;
  size_t offset = 0;
};

struct MacroCall {
  std::string_view function;
  size_t offset = 0;         // of the call
  ExprPtr* target = nullptr; // receiver, or null for a global call
  std::vector<ExprPtr>* args = nullptr;
};

// The expansion of `call` when it is a macro (consuming the target and
// arguments), or null when it is an ordinary call (leaving them alone).
// A malformed macro call sets `error` and returns null.
ExprPtr expand_macro(ExprFactory& factory, const MacroCall& call,
                     std::optional<MacroError>& error);

}  // namespace rollgate::cel::detail
