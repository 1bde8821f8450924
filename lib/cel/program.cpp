#include "cel/program.hpp"

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

class CompiledProgram final : public Program {
 public:
  CompiledProgram(Type result_type, Plan plan, size_t slot_count,
                  std::optional<FastGate> fast, CostEstimate cost)
      : result_type_(std::move(result_type)), plan_(std::move(plan)),
        slot_count_(slot_count), fast_(std::move(fast)), cost_(cost) {}

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
    if (slots.size() < slot_count_) return wrong_activation(slots);
    if (fast_) {
      // True or False only when the evaluator would say exactly that;
      // otherwise the evaluator builds the error or unknown.
      const Tri t = fast_->eval(slots);
      if (t != Tri::Other) return Value::boolean(t == Tri::True);
    }
    return run(slots, kIterationBudget);
  }

  Value evaluate(std::span<const Value> slots, uint64_t max_steps) const override {
    if (slots.size() < slot_count_) return wrong_activation(slots);
    if (cost_.fixed_steps > max_steps) return budget_exceeded();
    // Without comprehensions an evaluation takes at most fixed_steps.
    if (!cost_.has_loops) return evaluate(slots);
    const uint64_t iterations = (max_steps - cost_.fixed_steps) / cost_.steps_per_iteration;
    if (iterations >= kIterationBudget) return evaluate(slots);
    return run(slots, iterations);
  }

 private:
  // Out of line, so that evaluate() stays small for the fast path.
  [[gnu::noinline]] Value wrong_activation(std::span<const Value> slots) const {
    return Value::error("activation has " + std::to_string(slots.size()) +
                        " slots, the environment declares " +
                        std::to_string(slot_count_));
  }

  [[gnu::noinline]] static Value budget_exceeded() { return Value::error("cost budget exceeded"); }

  // The general evaluator, allowing `iterations` comprehension iterations
  // (at most kIterationBudget, whose own error is kept when it is the limit
  // that was hit).
  [[gnu::noinline]] Value run(std::span<const Value> slots, uint64_t iterations) const {
    Frame frame{slots, std::vector<Value>(plan_.local_count), kIterationBudget - iterations};
    Value v = plan_.root->eval(frame);
    // A comprehension stopped by the budget: the whole evaluation fails,
    // even where || or && would have absorbed the error.
    if (iterations < kIterationBudget && frame.iterations > kIterationBudget)
      return budget_exceeded();
    return v;
  }

  Type result_type_;
  Plan plan_;
  size_t slot_count_;
  std::optional<FastGate> fast_;
  CostEstimate cost_;
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
    result.issues.push_back(
        make_issue(source, parsed.error->message, parsed.error->offset));
    return result;
  }
  CheckOptions check_options;
  check_options.check_types = options.check_types;
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
