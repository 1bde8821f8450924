// Shared helpers for the CEL tests: compile and evaluate in one step.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "cel/checking/environment.hpp"
#include "cel/program.hpp"
#include "cel/common/value.hpp"

namespace rollgate::cel::testing {

// An environment plus values for its slots.
struct Facts {
  Environment env;
  std::vector<Value> slots;

  Facts& add(std::string name, Type type, Value value) {
    env.add_variable(std::move(name), std::move(type));
    slots.push_back(std::move(value));
    return *this;
  }
};

// The first compile issue's message, or "" when the source compiles.
inline std::string compile_error(std::string_view source,
                                 const Environment& env = {}) {
  const CompileResult result = compile(source, env);
  return result.issues.empty() ? "" : result.issues.front().message;
}

// Evaluates `source`; a compile error fails the test and yields an error.
inline Value eval(std::string_view source, const Facts& facts = {}) {
  const CompileResult result = compile(source, facts.env);
  if (!result.ok()) {
    FAIL_CHECK("compile failed for `" << source
                                      << "`: " << result.issues.front().message);
    return Value::error("compile failed");
  }
  return result.program->evaluate(facts.slots);
}

// debug_string() of the result: compact expectations such as "true",
// "error(division by zero)", "unknown(0, 2)".
inline std::string eval_text(std::string_view source, const Facts& facts = {}) {
  return eval(source, facts).debug_string();
}

}  // namespace rollgate::cel::testing
