// A stage's status from its gate verdicts, approvals, upstream progress and
// freeze windows (DESIGN "Stage status", precise rules 2, 7, 8, 10).
#pragma once

#include <string>
#include <vector>

#include "engine/evaluation.hpp"

namespace rollgate::engine {

// What a gate verdict means for its stage once on_unknown is applied:
// unknown with `block` fails, with `ignore` passes, with `hold` holds.
enum class GateEffect { Pass, Fail, Hold, Soak };
GateEffect gate_effect(const GateResult& gate);

// Fills result.status, score and approvals; result.gates must hold the
// stage's gate verdicts already.  Formats no text.
void decide_stage_status(StageResult& result, int stage_index, const plan::Plan& plan,
                         const Inputs& inputs, cel::Timestamp now);

// Why the stage has its status, one line each (the report's `reasons`),
// formatted from the decided result: for a stage not yet started what
// fails, holds, soaks, waits or freezes; for a started, held or cancelled
// stage the reason its progress gives.
std::vector<std::string> stage_reasons(const Evaluation& e, const StageResult& result);
std::vector<std::string> stage_reasons(const plan::Plan& plan, const Inputs& inputs, cel::Timestamp now,
                                       const StageResult& result);

}  // namespace rollgate::engine
