// What holds the rollout back, who owns it, and how much it holds back;
// the stages ready to start; the target's status.
#pragma once

#include "engine/evaluation.hpp"

namespace rollgate::engine {

// Fills e.blockers (ranked by how many stages each holds back, ties in plan
// order), e.next and e.target from e.stages.
void summarize(Evaluation& e);

}  // namespace rollgate::engine
