// What holds the rollout back, who owns it, and how much it holds back;
// the stages ready to start; the target's status.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/evaluation.hpp"

namespace rollgate::engine {

// Fills e.blockers (ranked by how many stages each holds back, ties in plan
// order), e.next and e.target from e.stages.  Linear in the plan apart from
// counting the held-back stages of every blocker together, which takes
// O((stages + dependencies) * min(blocker stages, stages not yet started) / 64).
void summarize(Evaluation& e);

// Every stage not yet started that `b` keeps from starting, in plan order
// (the whole set; b.holds_back lists only the first kHoldsBackListed).
// O(stages + dependencies).
std::vector<int> blocker_held_back(const Evaluation& e, const Blocker& b);

// The blocker's message for people: its gate's message, the approvals it
// misses, or why its stage is not done.
std::string blocker_message(const Evaluation& e, const Blocker& b);

// For each of `sources`, how many stages t with is_target[t] are the source
// itself or downstream of it in the DAG `successors`.  Exact, for every
// source together: bitsets over the smaller of the two sets, propagated in
// topological order in chunks (bounded memory).  `method` forces the
// direction for tests: 0 = the cheaper, 1 = bitsets over sources, 2 =
// bitsets over targets.
std::vector<size_t> count_reachable(const std::vector<std::vector<int>>& successors,
                                    const std::vector<int>& sources, const std::vector<char>& is_target,
                                    int method = 0);

}  // namespace rollgate::engine
