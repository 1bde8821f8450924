#include "cel/evaluation/cost.hpp"

#include <algorithm>
#include <limits>

namespace rollgate::cel::detail {

namespace {

constexpr uint64_t kSaturated = std::numeric_limits<uint64_t>::max();

uint64_t add(uint64_t a, uint64_t b) { return a > kSaturated - b ? kSaturated : a + b; }
uint64_t mul(uint64_t a, uint64_t b) {
  if (a == 0 || b == 0) return 0;
  return a > kSaturated / b ? kSaturated : a * b;
}

struct Walker {
  const CheckResult& checked;
  uint64_t per_iteration = 0;  // max loop condition + step, loops at zero
  bool loops = false;

  // The cost of `e` where every comprehension runs `zero_loops ? 0 : n` times.
  uint64_t cost(const Expr& e, bool zero_loops) {
    if (checked.references.contains(e.id)) return 1;  // a slot, local or type
    uint64_t c = 1;
    if (e.target && !checked.namespaced_calls.contains(e.id))
      c = add(c, cost(*e.target, zero_loops));
    for (const ExprPtr& arg : e.args) c = add(c, cost(*arg, zero_loops));
    for (const EntryExpr& entry : e.entries) {
      if (entry.key) c = add(c, cost(*entry.key, zero_loops));
      if (entry.value) c = add(c, cost(*entry.value, zero_loops));
    }
    if (const ComprehensionExpr* comp = e.comprehension.get()) {
      c = add(c, cost(*comp->iter_range, zero_loops));
      c = add(c, cost(*comp->accu_init, zero_loops));
      c = add(c, cost(*comp->result, zero_loops));
      const uint64_t body =
          add(cost(*comp->loop_condition, zero_loops), cost(*comp->loop_step, zero_loops));
      if (zero_loops) {
        loops = true;
        per_iteration = std::max(per_iteration, body);
      } else {
        c = add(c, mul(elements(*comp->iter_range), body));
      }
    }
    return c;
  }

  static uint64_t elements(const Expr& range) {
    if (range.kind == ExprKind::Const) {
      if (range.constant.kind() == Value::Kind::List) return range.constant.as_list().size();
      if (range.constant.kind() == Value::Kind::Map) return range.constant.as_map().size();
    }
    if (range.kind == ExprKind::List) return range.args.size();
    if (range.kind == ExprKind::Map) return range.entries.size();
    return kAssumedListSize;
  }
};

}  // namespace

CostEstimate estimate_cost(const Expr& root, const CheckResult& checked) {
  Walker w{checked};
  CostEstimate estimate;
  estimate.fixed_steps = w.cost(root, true);
  estimate.has_loops = w.loops;
  estimate.steps_per_iteration = std::max<uint64_t>(w.per_iteration, 1);
  estimate.max_steps = w.cost(root, false);
  estimate.bounded = estimate.max_steps != kSaturated;
  return estimate;
}

}  // namespace rollgate::cel::detail
