// What the host tells a session: fact values with their metadata, the
// progress of each stage, and approvals.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cel/time.hpp"
#include "cel/value.hpp"

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

struct Inputs {
  // Indexed like Plan::facts; nullopt = missing.
  std::vector<std::optional<FactInput>> facts;
  // Indexed like Plan::stages.
  std::vector<StageProgress> progress;
  std::vector<Approval> approvals;
  // Problems that do not stop evaluation (undeclared facts), for the report.
  std::vector<std::string> warnings;
};

}  // namespace rollgate::engine
