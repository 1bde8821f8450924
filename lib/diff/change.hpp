// One difference between two plans (DESIGN rule 20) and the whole diff.
#pragma once

#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rollgate::diff {

// What happened to the thing `id` (and `field`) names.
enum class ChangeKind { Added, Removed, Modified };

// What the change does to the definition of good: demands more (tightened),
// demands less (loosened), or cannot be said (changed).
enum class ChangeClass { Tightened, Loosened, Changed };

// What a change is about; `id` alone cannot always tell (a stage may be
// named like "facts.x").
enum class Subject { Plan, Fact, Stage, Gate };

const char* to_string(ChangeKind kind);
const char* to_string(ChangeClass cls);

struct Change {
  // A stage id, a full gate id "<stage-or-matrix-id>/<gate>",
  // "facts.<name>" or "plan".
  std::string id;
  // Null for a whole stage, gate or fact; else e.g. "expr", "after",
  // "approvals.security.min".
  std::optional<std::string> field;
  boost::json::value from;  // null when absent
  boost::json::value to;    // null when absent
  ChangeKind change = ChangeKind::Modified;
  ChangeClass cls = ChangeClass::Changed;
  Subject subject = Subject::Plan;  // not rendered: the id says it
};

struct PlanDiff {
  std::string old_digest;
  std::string new_digest;
  std::vector<Change> changes;  // in the order docs/DIFF.md describes
  bool loosened = false;        // some change loosens
};

}  // namespace rollgate::diff
