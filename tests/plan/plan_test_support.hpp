// Helpers shared by the plan tests.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "plan/loader.hpp"

namespace rollgate::testing {

// Loads `text` as plan.json and expects it to be valid.
inline std::shared_ptr<const plan::Plan> valid_plan(const std::string& text) {
  plan::LoadResult r = plan::load_plan(text, "plan.json");
  INFO(to_string(r.errors));
  REQUIRE(r.plan);
  return r.plan;
}

// Loads `text` and expects errors; returns them.
inline std::vector<Diagnostic> plan_errors(const std::string& text) {
  plan::LoadResult r = plan::load_plan(text, "plan.json");
  REQUIRE_FALSE(r.plan);
  REQUIRE_FALSE(r.errors.empty());
  return r.errors;
}

}  // namespace rollgate::testing
