// Compiling CEL source against an Environment (parse, resolve, type-check,
// plan) and evaluating the result against an activation.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cel/checking/environment.hpp"
#include "cel/common/type.hpp"
#include "cel/common/value.hpp"
#include "cel/limits.hpp"

namespace rollgate::cel {

// A syntax or type error, located in the expression text.
struct CompileIssue {
  std::string message;  // e.g. "undeclared reference to 'pilot.departmnts'
                        //  (did you mean 'pilot.departments'?)"
  size_t offset = 0;    // byte offset into the source
  int line = 1;         // 1-based, within the source
  int column = 1;       // 1-based, in code points
};

// Comprehensions over a list or map whose size is not known at compile time
// (a fact, a computed list) are assumed to run this many times in
// CostEstimate::max_steps.
inline constexpr uint64_t kAssumedListSize = 100;

// What evaluating a Program may cost, in abstract steps (one step: one node
// of the expression evaluated; a function call is one step whatever the
// size of its arguments).
struct CostEstimate {
  // An upper bound on the steps of one evaluation, with every comprehension
  // over a constant running over its actual elements and every other one
  // over kAssumedListSize elements.  Meaningful when `bounded`.
  uint64_t max_steps = 0;
  // False when the bound does not fit in 64 bits ("unbounded").
  bool bounded = true;
  // The steps outside comprehension loops (each comprehension running zero
  // times): an evaluation takes at most fixed_steps + steps_per_iteration x
  // (comprehension iterations), whatever the facts.
  uint64_t fixed_steps = 0;
  uint64_t steps_per_iteration = 1;
  bool has_loops = false;  // whether the expression has a comprehension
};

// A compiled expression.  Immutable: one Program may be evaluated by many
// threads at once.
class Program {
 public:
  virtual ~Program() = default;

  // The type the checker inferred (dyn where it cannot tell).
  virtual const Type& result_type() const = 0;

  // The slots the expression may read, sorted and unique: the evidence a
  // verdict rests on.
  virtual const std::vector<int>& referenced_slots() const = 0;

  // Evaluates with `slots` indexed by slot number (slots.size() must be the
  // environment's slot_count()), within the default limits but without a
  // cost budget.  A slot holding an Unknown value is a fact
  // that is missing or stale.  CEL errors come back as Error values,
  // unknowns as Unknown values; this never throws except std::bad_alloc.
  virtual Value evaluate(std::span<const Value> slots) const = 0;

  // The same, within a budget of `max_steps` (see CostEstimate): an
  // evaluation that could exceed it is refused, or stopped, with the Error
  // value "max_cost limit exceeded: ...".  Refused at once when the steps
  // outside comprehension loops (fixed_steps) exceed the budget; otherwise
  // the comprehensions may run (max_steps - fixed_steps) /
  // steps_per_iteration iterations in total.  The other default limits
  // (kDefaultLimits) still apply.
  virtual Value evaluate(std::span<const Value> slots, uint64_t max_steps) const = 0;

  // The same within `limits` (limits.hpp): max_cost as max_steps above;
  // past max_iterations, max_string_bytes or max_list_size the result is
  // an Error value naming the limit and its value (even where || or &&
  // would have absorbed it).  The cancellation flag and the deadline are
  // looked at every kPollIterations comprehension iterations; when either
  // stops the evaluation the result is an Error value and
  // usage.interrupted says why.  Adds the evaluation's cost to usage.cost
  // (fixed_steps + steps_per_iteration x iterations run) and sets
  // usage.cost_exceeded when max_cost refused or stopped it.
  // evaluate(slots) is this with kDefaultLimits but no cost budget.
  virtual Value evaluate(std::span<const Value> slots, const Limits& limits, Usage& usage) const = 0;

  // The static cost estimate, computed once at compile time.
  virtual const CostEstimate& cost_estimate() const = 0;

  // Whether the expression matched one of the specialised gate shapes
  // (a fact compared with a constant, ranges, conjunctions ...) evaluated
  // without the general evaluator.  For tests and benchmarks.
  virtual bool uses_fast_path() const = 0;

  // A hint, no effect on results: asks the CPU to fetch what evaluate()
  // reads first (the fast path's nodes), so that a caller evaluating many
  // programs in a known order can overlap those cache misses.  The program
  // object itself should be in cache (prefetched) when this is called.
  virtual void prefetch() const {}
};

struct CompileResult {
  std::shared_ptr<const Program> program;  // null when issues is not empty
  std::vector<CompileIssue> issues;
  // False when the issues are the parser's (the text does not parse), true
  // when it parsed and the issues are the checker's.
  bool parsed = true;
  bool ok() const { return program != nullptr; }
};

CompileResult compile(std::string_view source, const Environment& env);

}  // namespace rollgate::cel
