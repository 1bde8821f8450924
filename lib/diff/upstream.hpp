// Whether a stage still waits, transitively, for some other stages in a
// plan: an `after` entry removed whose stage stays upstream through the
// remaining entries changes nothing a rollout must wait for (rule 20).
#pragma once

#include <cstdint>
#include <vector>

#include "plan/model.hpp"

namespace rollgate::diff {

class UpstreamCheck {
 public:
  // O(stages + edges): one topological order of the compiled plan.
  explicit UpstreamCheck(const plan::Plan& plan);

  // True when every stage of `targets` is reached from `stage`'s `after`
  // entries by following `after` (and sequential matrix order) upstream.
  //
  // Cost: a stage's ancestors all come before it in topological order, so
  // the search never enters a stage placed before the earliest target, and
  // it stops as soon as every target is found.  It therefore touches only
  // the stages between the targets and `stage` (the "window"), never the
  // whole plan for a nearby target.  The diff runs it once per removed
  // `after` entry per expansion, so its total cost is bounded by
  // (removed entries) x (window), independent of plan size for a local
  // change; the marks are reset by an epoch counter, not by clearing.
  bool stays_upstream(int stage, const std::vector<int>& targets);

 private:
  // Queues `stage` unless seen or placed before `earliest`; returns true
  // when it was a target.
  bool reach(int stage, int earliest);
  std::vector<std::vector<int>> after_;      // the stages of each stage's `after`
  std::vector<std::vector<int>> upstreams_;  // after stages + previous expansion
  std::vector<int> position_;                // topological position of each stage
  std::vector<uint32_t> seen_;               // == epoch_: visited in this search
  std::vector<uint32_t> wanted_;             // == epoch_: a target of this search
  uint32_t epoch_ = 0;
  std::vector<int> queue_;
};

}  // namespace rollgate::diff
