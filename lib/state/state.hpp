// Session state (DESIGN rule 15): the last status of every gate and stage,
// with since when, so that soak, drift and transitions carry from one
// evaluation to the next — within one long-lived session, or across
// processes through the JSON form (state_json.hpp).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "cel/time.hpp"
#include "engine/evaluation.hpp"

namespace rollgate::state {

struct GateRecord {
  engine::GateStatus status = engine::GateStatus::Unknown;
  cel::Timestamp since;
  std::string definition;                    // the gate's definition digest then
  std::optional<cel::Timestamp> true_since;  // pass and soaking records
  std::optional<cel::Timestamp> drift_since; // while the gate drifts
};

struct StageRecord {
  engine::StageStatus status = engine::StageStatus::Waiting;
  cel::Timestamp since;
};

struct State {
  std::string plan_digest;  // of the plan the state was saved under
  std::string plan_name;
  cel::Timestamp evaluated_at;
  // By full gate id and by stage id; hashed, since evaluation looks up every
  // gate and stage of the plan once.
  std::unordered_map<std::string, GateRecord> gates;
  std::unordered_map<std::string, StageRecord> stages;
  // Where the state came from, for errors found after loading ("" when the
  // session made it itself), and where its evaluated_at stands in that file.
  std::string file;
  int evaluated_at_line = 0;
  int evaluated_at_column = 0;
};

// The state an evaluation leaves behind (rule 15): every gate and stage of
// the plan with its status, since, and soak and drift times.
State state_after(const engine::Evaluation& e);

}  // namespace rollgate::state
