// Plan JSON -> compiled Plan, or every problem the plan has, located.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "plan/model.hpp"
#include "plan/plan_limits.hpp"
#include "support/diagnostic.hpp"

namespace rollgate::plan {

struct LoadResult {
  std::shared_ptr<const Plan> plan;  // null when errors is not empty
  std::vector<Diagnostic> errors;
  bool malformed_json = false;       // errors are JSON syntax errors
};

// Parses, validates and compiles a plan (format version 1) within
// `limits`.  `file` names the input in diagnostics.  Never throws except
// std::bad_alloc.
LoadResult load_plan(std::string_view text, std::string_view file, const PlanLimits& limits = {});

}  // namespace rollgate::plan
