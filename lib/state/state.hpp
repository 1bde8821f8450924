// Session state (DESIGN rule 15): the last status of every gate and stage,
// with since when, so that soak, drift and transitions carry from one
// evaluation to the next — within one long-lived session, or across
// processes through the JSON form (state_json.hpp).
//
// The records are vectors in plan order, not maps by id: an evaluation
// makes one record per gate and stage, and the next evaluation under the
// same plan reads record i for gate i without hashing a single id.  Ids
// matter only for a state read from a file (record_map.hpp matches them to
// a plan's once).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cel/common/time.hpp"
#include "engine/evaluation.hpp"

namespace rollgate::state {

struct GateRecord {
  engine::GateStatus status = engine::GateStatus::Unknown;
  cel::Timestamp since;
  std::optional<cel::Timestamp> true_since;  // pass and soaking records
  std::optional<cel::Timestamp> drift_since; // while the gate drifts
};

struct StageRecord {
  engine::StageStatus status = engine::StageStatus::Waiting;
  cel::Timestamp since;
};

// The ids of a state read from a file, with its gates' definition digests
// (rule 19) and hashed look-ups.  Immutable once built and shared between
// copies of the state, so the look-ups' string_view keys stay valid.
struct RecordIds {
  std::vector<std::string> stages;
  std::vector<std::string> gates;
  std::vector<std::string> gate_definitions;  // parallel to gates
  std::unordered_map<std::string_view, int> stage_index;
  std::unordered_map<std::string_view, int> gate_index;

  // Builds the look-ups; call once the vectors are complete.
  void build_index();
};

struct State {
  std::string plan_digest;  // of the plan the state was saved under
  std::string plan_name;
  cel::Timestamp evaluated_at;
  std::vector<StageRecord> stages;
  std::vector<GateRecord> gates;  // each stage's gates in turn
  // Whose records these are: either the plan an evaluation made them under
  // (record i is that plan's stage or flattened gate i), or, for a state
  // read from a file, its own ids.  Exactly one is set.
  std::shared_ptr<const plan::Plan> plan;
  std::shared_ptr<const RecordIds> ids;
  // Where the state came from, for errors found after loading ("" when the
  // session made it itself), and where its evaluated_at stands in that file.
  std::string file;
  int evaluated_at_line = 0;
  int evaluated_at_column = 0;
};

// The state an evaluation leaves behind (rule 15): every gate and stage of
// the plan with its status, since, and soak and drift times.
State state_after(const engine::Evaluation& e);
// The same into `s`, reusing the memory of its record vectors.
void state_after_into(State& s, const engine::Evaluation& e);

// The index of each stage's first gate in a plan's flattened gate list,
// plus one past the last: stage s's gates are [offsets[s], offsets[s+1]).
std::vector<int> gate_offsets(const plan::Plan& plan);

}  // namespace rollgate::state
