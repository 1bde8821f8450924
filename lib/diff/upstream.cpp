#include "diff/upstream.hpp"

#include <algorithm>

#include "plan/stage_graph.hpp"

namespace rollgate::diff {

UpstreamCheck::UpstreamCheck(const plan::Plan& plan) {
  size_t n = plan.stages.size();
  after_.resize(n);
  for (size_t s = 0; s < n; ++s)
    for (const plan::Upstream& u : plan.stages[s].after)
      after_[s].insert(after_[s].end(), u.stages.begin(), u.stages.end());
  upstreams_ = after_;
  for (size_t s = 0; s < n; ++s)
    if (plan.stages[s].previous_expansion) upstreams_[s].push_back(*plan.stages[s].previous_expansion);
  position_.resize(n);
  std::vector<int> order = plan::topological_order(upstreams_);
  for (size_t i = 0; i < order.size(); ++i) position_[size_t(order[i])] = int(i);
  seen_.assign(n, 0);
  wanted_.assign(n, 0);
}

bool UpstreamCheck::reach(int stage, int earliest) {
  size_t s = size_t(stage);
  if (seen_[s] == epoch_ || position_[s] < earliest) return false;
  seen_[s] = epoch_;
  queue_.push_back(stage);
  return wanted_[s] == epoch_;
}

bool UpstreamCheck::stays_upstream(int stage, const std::vector<int>& targets) {
  if (targets.empty()) return false;
  ++epoch_;
  int earliest = position_[size_t(stage)];
  size_t missing = 0;
  for (int t : targets) {
    if (position_[size_t(t)] >= position_[size_t(stage)]) return false;  // not an ancestor
    if (wanted_[size_t(t)] != epoch_) ++missing;
    wanted_[size_t(t)] = epoch_;
    earliest = std::min(earliest, position_[size_t(t)]);
  }
  // Start from the stage's `after` entries only, not from its previous
  // expansion: what must stay upstream is reached through those entries.
  queue_.clear();
  for (int u : after_[size_t(stage)])
    if (reach(u, earliest) && --missing == 0) return true;
  for (size_t head = 0; head < queue_.size(); ++head)
    for (int u : upstreams_[size_t(queue_[head])])
      if (reach(u, earliest) && --missing == 0) return true;
  return false;
}

}  // namespace rollgate::diff
