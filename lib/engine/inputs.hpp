// What the host tells a session: fact values with their metadata, the
// progress of each stage, and approvals.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cel/common/time.hpp"
#include "cel/common/value.hpp"
#include "engine/approval_index.hpp"
#include "engine/fact_table.hpp"
#include "engine/persistent_vector.hpp"

namespace rollgate::engine {

struct FactInput {
  cel::Value value;
  std::optional<cel::Timestamp> observed_at;
  std::string source;
  std::string evidence;  // a link to where the value can be checked
};

enum class ProgressState { NotStarted, InProgress, Done, Held, Cancelled, RolledBack };
const char* to_string(ProgressState state);

struct StageProgress {
  ProgressState state = ProgressState::NotStarted;
  std::optional<cel::Timestamp> started_at;
  std::optional<cel::Timestamp> done_at;
  std::string requested_by;
  std::string reason;  // why held, cancelled or rolled back
};

struct Approval {
  std::vector<int> stages;  // the stage, or all expansions of a matrix id
  std::string stage_ref;    // as written
  std::string role;
  std::string by;
  std::optional<cel::Timestamp> at;
  std::string note;
};

using FactTable = PersistentTable<FactInput>;

// Copying Inputs is cheap (O(warnings)): facts, progress and approvals are
// persistent and copied piecewise on write (fact_table.hpp,
// persistent_vector.hpp), so a report keeps the inputs it was made from
// while the session changes one fact, one stage's progress or adds one
// approval (capi/session_inputs.cpp) in O(log n).
struct Inputs {
  // Indexed like Plan::facts; a null entry = missing.
  FactTable facts;
  // Indexed like Plan::stages; a stage without an entry has not started.
  PersistentVector<StageProgress> progress;
  PersistentVector<Approval> approvals;
  // `approvals` by stage, when built (the loaders do); used only while it
  // indexes exactly `approvals`, else the approvals are scanned.
  std::shared_ptr<const ApprovalIndex> approvals_by_stage;
  // Problems that do not stop evaluation (undeclared facts), for the report.
  std::vector<std::string> warnings;
};

}  // namespace rollgate::engine
