// compile() with the knobs the conformance suite needs (no type check, no
// macros); the public cel::compile() uses the defaults.
#pragma once

#include <string_view>

#include "cel/program.hpp"
#include "text/suggestion_budget.hpp"

namespace rollgate::cel::detail {

struct CompileOptions {
  bool check_types = true;
  bool macros = true;
  // Evaluate constant subexpressions at compile time (fold.hpp).
  bool fold_constants = true;
  // Recognise the common gate shapes and evaluate them without the general
  // evaluator (fast_gate.hpp); off to compare both in tests.
  bool fast_paths = true;
  // CheckOptions::suggestions.
  text::SuggestionBudget* suggestions = nullptr;
};

CompileResult compile_with(std::string_view source, const Environment& env,
                           const CompileOptions& options);

}  // namespace rollgate::cel::detail
