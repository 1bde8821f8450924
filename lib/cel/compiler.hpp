// compile() with the knobs the conformance suite needs (no type check, no
// macros); the public cel::compile() uses the defaults.
#pragma once

#include <string_view>

#include "cel/program.hpp"

namespace rollgate::cel::detail {

struct CompileOptions {
  bool check_types = true;
  bool macros = true;
};

CompileResult compile_with(std::string_view source, const Environment& env,
                           const CompileOptions& options);

}  // namespace rollgate::cel::detail
