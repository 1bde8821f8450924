// The plan diff (DESIGN rule 20; docs/DIFF.md): every change between two
// plans as written, each classed as tightened, loosened or changed.
#pragma once

#include <string>

#include "diff/change.hpp"
#include "plan/model.hpp"

namespace rollgate::diff {

// Compares two compiled plans (both must carry their source document, as
// every plan from plan::load_plan does).  O(n log n) in plan size, plus a
// bounded search per removed `after` entry (diff/upstream.hpp).
PlanDiff diff_plans(const plan::Plan& old_plan, const plan::Plan& new_plan);

// {"old": digest, "new": digest, "changes": [...], "loosened": bool}, with
// the stable layout of the reports.
std::string to_json(const PlanDiff& diff);

// For people: a header with both digests, loosened changes first, then
// tightened, then changed, one per line, and a summary line.
std::string to_text(const PlanDiff& diff);

}  // namespace rollgate::diff
