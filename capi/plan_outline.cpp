#include "plan_outline.hpp"

#include <algorithm>

namespace rollgate::capi {

PlanOutline::PlanOutline(const plan::Plan& plan) {
  const size_t stages = plan.stages.size();
  after_begin_.reserve(stages + 1);
  after_begin_.push_back(0);
  // last_added[t] == s + 1 once stage t is among the upstream stages of s:
  // repeats (a stage named twice, or through a matrix id and by itself) are
  // dropped in constant time each.
  std::vector<size_t> last_added(stages, 0);
  for (size_t s = 0; s < stages; ++s) {
    const plan::Stage& stage = plan.stages[s];
    const size_t first = after_.size();
    auto add = [&](int t) {
      if (last_added[size_t(t)] == s + 1) return;
      last_added[size_t(t)] = s + 1;
      after_.push_back(size_t(t));
    };
    for (const plan::Upstream& upstream : stage.after)
      for (int t : upstream.stages) add(t);
    if (stage.previous_expansion) add(*stage.previous_expansion);
    std::sort(after_.begin() + std::ptrdiff_t(first), after_.end());
    after_begin_.push_back(after_.size());
  }
  fact_types_.reserve(plan.facts.size());
  for (const plan::FactDecl& fact : plan.facts) fact_types_.push_back(fact.type.to_string());
}

}  // namespace rollgate::capi
