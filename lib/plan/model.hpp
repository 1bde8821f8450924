// The compiled plan: what the loader produces from plan JSON and what the
// engine evaluates.  Immutable once built; shared by every session.
//
// Stages are stored after matrix expansion, in plan order (expansions in
// value order).  References between stages are indices into `stages`, so
// evaluation never looks an id up.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cel/checking/environment.hpp"
#include "cel/program.hpp"
#include "cel/common/time.hpp"
#include "cel/common/type.hpp"
#include "support/grouping.hpp"

namespace boost::json {
class value;
}

namespace rollgate::plan {

enum class GateKind { Must, Should, Advisory };
enum class OnUnknown { Hold, Block, Ignore };
enum class Join { All, Any };

const char* to_string(GateKind kind);
const char* to_string(OnUnknown on_unknown);

struct FactDecl {
  std::string name;  // dotted CEL name, e.g. "pilot.departments"
  cel::Type type;
  std::string owner;
  std::string unit;
  std::string description;
  std::optional<cel::Duration> max_age;  // own, else the plan default
  int slot = 0;                          // activation slot of the fact
};

struct Gate {
  std::string id;       // short id, unique within its stage
  std::string full_id;  // "stage/gate"
  std::string expr;     // CEL source after ${key} substitution
  GateKind kind = GateKind::Must;
  double weight = 1.0;
  std::optional<cel::Duration> hold_for;
  OnUnknown on_unknown = OnUnknown::Hold;
  std::string owner;
  std::string description;
  std::string category;
  std::string definition;  // definition digest (rule 15), plan/definition_digest.hpp
  std::shared_ptr<const cel::Program> program;
};

struct ApprovalRequirement {
  std::string role;
  int min = 1;
  std::optional<cel::Duration> max_age;
};

// One entry of a stage's `after`: a stage, or a matrix id standing for all
// of its expansions (done when all are done, cancelled when any is).
struct Upstream {
  std::string id;
  std::vector<int> stages;
};

struct Stage {
  std::string id;        // after expansion: "wave-north"
  std::string group_id;  // the matrix id for an expansion, else == id
  std::string title;
  std::string owner;
  std::string description;
  std::vector<Upstream> after;
  // Sequential matrix order: the expansion before this one, which must be
  // done too whatever `join` says.
  std::optional<int> previous_expansion;
  Join join = Join::All;
  std::vector<Gate> gates;
  std::vector<ApprovalRequirement> approvals;
  double min_score = 0.0;
};

// The `stages` built-in for one stage id or matrix id (DESIGN rule 11):
// the activation slots of stages.<id>.state, .started_at and .done_at.
struct StageVariables {
  std::string id;
  std::vector<int> stages;  // the stage, or every expansion of a matrix id
  int state_slot = 0;
  int started_at_slot = 0;
  int done_at_slot = 0;
};

struct Freeze {
  cel::Timestamp from;
  cel::Timestamp to;  // exclusive
  std::string reason;
  std::vector<int> stages;  // empty: every stage
};

// Hashes std::string and std::string_view alike, so that an unordered_map
// keyed by std::string is searched by a string_view without a copy.
struct NameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using NameIndex = std::unordered_map<std::string, int, NameHash, std::equal_to<>>;

struct Plan {
  std::string name;
  std::string title;
  std::string description;
  std::vector<std::string> owners;
  std::string target_id;       // "" when the plan names no target
  std::vector<int> target;     // the target's stages (a matrix id: all)
  std::optional<cel::Duration> default_max_age;
  std::string digest;          // "sha256:<hex>" of the canonical plan JSON
  // The plan document as written (before matrix expansion), for comparing
  // plans as their authors see them (the plan diff, DESIGN rule 20).
  std::shared_ptr<const boost::json::value> source;

  std::vector<FactDecl> facts;  // declaration order
  cel::Environment environment; // facts, then the built-ins
  int now_slot = 0;
  std::vector<StageVariables> stage_variables;  // by id

  std::vector<Stage> stages;   // expanded, plan order
  std::vector<Freeze> freezes;
  // Stage ids and matrix ids to the stages they stand for.
  std::map<std::string, std::vector<int>, std::less<>> stage_groups;
  // Direct successors of each stage (the reverse of after/previous).
  std::vector<std::vector<int>> successors;

  // O(1) once build_indexes() has run (the loader calls it last); before
  // that, while the plan is being built, a linear / tree search.
  const FactDecl* find_fact(std::string_view name) const;
  // The stages a stage id or matrix id stands for, or nullptr.
  const std::vector<int>* find_stage_group(std::string_view id) const;
  // The stage with this id after expansion (not a matrix id), or -1.
  int find_stage(std::string_view id) const;
  // The index in stage_variables of the variable whose started_at or
  // done_at slot is `slot`, or -1.
  int stage_variable_of_slot(int slot) const;

  // Builds the hashed name look-ups above and the freeze index below; call
  // once the plan is complete.
  void build_indexes();
  void index_freezes();

  // Name look-ups, built once by build_indexes().
  NameIndex fact_index;          // fact name -> index in facts
  NameIndex stage_index;         // expanded stage id -> index in stages
  std::unordered_map<std::string, std::vector<int>, NameHash, std::equal_to<>> stage_group_index;
  std::vector<int> slot_stage_variable;  // activation slot -> stage_variables index, or -1
  // The freezes that name each stage, and those that cover every stage;
  // freeze indices in plan order.
  Grouping freezes_by_stage;
  std::vector<uint32_t> global_freezes;
  bool names_indexed = false;
  // Every stage id and matrix id, for did-you-mean suggestions.
  std::vector<std::string> stage_group_names() const;
};

}  // namespace rollgate::plan
