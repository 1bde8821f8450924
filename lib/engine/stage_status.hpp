// A stage's status from its gate verdicts, approvals, upstream progress and
// freeze windows (DESIGN "Stage status", precise rules 2, 7, 8, 10).
#pragma once

#include "engine/evaluation.hpp"

namespace rollgate::engine {

// What a gate verdict means for its stage once on_unknown is applied:
// unknown with `block` fails, with `ignore` passes, with `hold` holds.
enum class GateEffect { Pass, Fail, Hold, Soak };
GateEffect gate_effect(const GateResult& gate);

// Fills result.status, score, approvals and reasons; result.gates must hold
// the stage's gate verdicts already.
void decide_stage_status(StageResult& result, int stage_index, const plan::Plan& plan,
                         const Inputs& inputs, cel::Timestamp now);

}  // namespace rollgate::engine
