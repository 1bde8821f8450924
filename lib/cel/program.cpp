#include "cel/program.hpp"

#include <algorithm>

#include "cel/checking/checker.hpp"
#include "cel/compiler.hpp"
#include "cel/evaluation/cost.hpp"
#include "cel/evaluation/evaluator.hpp"
#include "cel/evaluation/fast_gate.hpp"
#include "cel/evaluation/fold.hpp"
#include "cel/syntax/parser.hpp"
#include "cel/syntax/source.hpp"

namespace rollgate::cel {

namespace detail {

namespace {

// Limits without a cost budget: what evaluate(slots) applies.
constexpr Limits kNoCostBudget = [] {
  Limits limits;
  limits.max_cost = UINT64_MAX;
  return limits;
}();

// fixed + per_iteration x iterations, saturating.
uint64_t steps(const CostEstimate& cost, uint64_t iterations) {
  uint64_t loops = 0;
  uint64_t total = 0;
  if (__builtin_mul_overflow(cost.steps_per_iteration, iterations, &loops) ||
      __builtin_add_overflow(cost.fixed_steps, loops, &total))
    return UINT64_MAX;
  return total;
}

class CompiledProgram final : public Program {
 public:
  CompiledProgram(Type result_type, Plan plan, size_t slot_count,
                  std::optional<FastGate> fast, CostEstimate cost)
      : slot_count_(slot_count), cost_(cost), fast_(std::move(fast)),
        plan_(std::move(plan)), result_type_(std::move(result_type)) {}

  const Type& result_type() const override { return result_type_; }
  const std::vector<int>& referenced_slots() const override {
    return plan_.referenced_slots;
  }
  const CostEstimate& cost_estimate() const override { return cost_; }
  bool uses_fast_path() const override { return fast_.has_value(); }
  void prefetch() const override {
#if defined(__GNUC__) || defined(__clang__)
    if (fast_) __builtin_prefetch(fast_->node_data());
#endif
  }

  Value evaluate(std::span<const Value> slots) const override {
    Usage usage;
    return evaluate(slots, kNoCostBudget, usage);
  }

  Value evaluate(std::span<const Value> slots, uint64_t max_steps) const override {
    Limits limits;
    limits.max_cost = max_steps;
    Usage usage;
    return evaluate(slots, limits, usage);
  }

  Value evaluate(std::span<const Value> slots, const Limits& limits, Usage& usage) const override {
    if (slots.size() < slot_count_) return wrong_activation(slots);
    // The common gate: no comprehension, within the budget, on the fast path.
    if (cost_.has_loops || cost_.fixed_steps > limits.max_cost) return evaluate_bounded(slots, limits, usage);
    if (fast_) {
      // True or False only when the evaluator would say exactly that;
      // otherwise the evaluator builds the error or unknown.
      const Tri t = fast_->eval(slots);
      if (t != Tri::Other) {
        usage.cost += cost_.fixed_steps;
        return Value::boolean(t == Tri::True);
      }
    }
    return run(slots, limits, usage, limits.max_iterations, false);
  }

 private:
  // Out of line, so that evaluate() stays small for the fast path.
  [[gnu::noinline]] Value wrong_activation(std::span<const Value> slots) const {
    return Value::error("activation has " + std::to_string(slots.size()) +
                        " slots, the environment declares " +
                        std::to_string(slot_count_));
  }

  // An expression with comprehensions, or over its cost budget: the
  // iterations the budget leaves, and the fast path only when its loops
  // fit in them.
  [[gnu::noinline]] Value evaluate_bounded(std::span<const Value> slots, const Limits& limits,
                                           Usage& usage) const {
    if (cost_.fixed_steps > limits.max_cost) {
      usage.cost_exceeded = true;
      return Value::error(limit_exceeded_message("max_cost", limits.max_cost, "steps"));
    }
    const uint64_t by_cost = (limits.max_cost - cost_.fixed_steps) / cost_.steps_per_iteration;
    const bool cost_binds = by_cost < limits.max_iterations;
    const uint64_t iterations = cost_binds ? by_cost : limits.max_iterations;
    if (fast_) {
      const uint64_t scanned = fast_->loop_range_sizes(slots);
      if (scanned <= iterations) {
        const Tri t = fast_->eval(slots);
        if (t != Tri::Other) {
          usage.cost = saturating_add(usage.cost, steps(cost_, scanned));
          return Value::boolean(t == Tri::True);
        }
      }
    }
    return run(slots, limits, usage, iterations, cost_binds);
  }

  static uint64_t saturating_add(uint64_t a, uint64_t b) {
    uint64_t sum = 0;
    return __builtin_add_overflow(a, b, &sum) ? UINT64_MAX : sum;
  }

  // The general evaluator, allowing `iterations` comprehension iterations
  // (`cost_binds`: the limit comes from max_cost, and its error says so).
  [[gnu::noinline]] Value run(std::span<const Value> slots, const Limits& limits, Usage& usage,
                              uint64_t iterations, bool cost_binds) const {
    Frame frame{slots, std::vector<Value>(plan_.local_count)};
    frame.begin(limits, iterations, cost_binds);
    Value v = plan_.root->eval(frame);
    usage.cost = saturating_add(usage.cost, steps(cost_, std::min(frame.iterations, iterations)));
    usage.bytes = saturating_add(usage.bytes, frame.bytes);
    if (frame.stop == Stop::None) return v;
    // A limit hit anywhere fails the whole evaluation, even where || or
    // && would have absorbed the error.
    if (frame.stop == Stop::Cost) usage.cost_exceeded = true;
    if (frame.stop == Stop::Cancelled) usage.interrupted = Interruption::Cancelled;
    if (frame.stop == Stop::Deadline) usage.interrupted = Interruption::Deadline;
    return frame.stopped_error();
  }

  // The fields every evaluation reads first, together at the front (the
  // caller prefetches the object's first two cache lines).
  size_t slot_count_;
  CostEstimate cost_;
  std::optional<FastGate> fast_;
  Plan plan_;
  Type result_type_;
};

CompileIssue make_issue(std::string_view source, std::string message,
                        size_t offset) {
  const LineColumn at = locate(source, offset);
  return CompileIssue{std::move(message), offset, at.line, at.column};
}

}  // namespace

CompileResult compile_with(std::string_view source, const Environment& env,
                           const CompileOptions& options) {
  ParseOptions parse_options;
  parse_options.macros = options.macros;
  ParseResult parsed = parse(source, parse_options);
  CompileResult result;
  if (parsed.error) {
    result.parsed = false;
    result.issues.push_back(
        make_issue(source, parsed.error->message, parsed.error->offset));
    return result;
  }
  CheckOptions check_options;
  check_options.check_types = options.check_types;
  check_options.suggestions = options.suggestions;
  CheckResult checked = check(*parsed.expr, env, FunctionRegistry::standard(),
                              check_options);
  for (const CheckIssue& issue : checked.issues)
    result.issues.push_back(make_issue(source, issue.message, issue.offset));
  if (!result.issues.empty()) return result;
  if (options.fold_constants) fold_constants(*parsed.expr, checked);
  std::optional<FastGate> fast;
  if (options.fast_paths) fast = FastGate::match(*parsed.expr, checked);
  const CostEstimate cost = estimate_cost(*parsed.expr, checked);
  result.program = std::make_shared<CompiledProgram>(
      checked.result_type, plan(*parsed.expr, checked), env.slot_count(),
      std::move(fast), cost);
  return result;
}

}  // namespace detail

CompileResult compile(std::string_view source, const Environment& env) {
  return detail::compile_with(source, env, detail::CompileOptions{});
}

}  // namespace rollgate::cel
