// The static cost estimate (Program::cost_estimate) and the run-time cost
// budget (Program::evaluate with max_steps).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cel/checking/environment.hpp"
#include "cel/program.hpp"

using namespace rollgate::cel;

namespace {

struct Fixture {
  Environment env;
  std::vector<Value> slots;
  Fixture() {
    env.add_variable("n", Type::int64());
    env.add_variable("items", Type::list(Type::int64()));
    slots.push_back(Value::int64(9));
    ValueList items;
    for (int i = 0; i < 1000; ++i) items.push_back(Value::int64(i));
    slots.push_back(Value::list(std::move(items)));
  }
  std::shared_ptr<const Program> program(const char* source) const {
    CompileResult r = compile(source, env);
    REQUIRE(r.ok());
    return r.program;
  }
};

}  // namespace

TEST_CASE("the cost estimate counts nodes and bounds comprehensions") {
  Fixture f;
  // n >= 8 && n <= 10: && + two comparisons of a slot and a constant.
  const CostEstimate range = f.program("n >= 8 && n <= 10")->cost_estimate();
  CHECK(range.bounded);
  CHECK(range.max_steps == 7);
  CHECK(range.fixed_steps == 7);
  CHECK_FALSE(range.has_loops);
  // Constants are folded first: 1 + 2 + 3 is one step.
  CHECK(f.program("n > 1 + 2 + 3")->cost_estimate().max_steps == 3);
  // A comprehension over a fact runs kAssumedListSize times in the bound ...
  const CostEstimate loop = f.program("items.exists(v, v > 3)")->cost_estimate();
  CHECK(loop.has_loops);
  CHECK(loop.bounded);
  CHECK(loop.max_steps > kAssumedListSize * loop.steps_per_iteration);
  CHECK(loop.max_steps ==
        loop.fixed_steps + kAssumedListSize * loop.steps_per_iteration);
  // ... and over a constant list, its actual size.
  const CostEstimate constant = f.program("[1, 2, 3].exists(v, v > n)")->cost_estimate();
  CHECK(constant.max_steps == constant.fixed_steps + 3 * constant.steps_per_iteration);
  // Nested comprehensions multiply.
  const CostEstimate nested =
      f.program("items.exists(v, items.exists(w, w > v))")->cost_estimate();
  CHECK(nested.max_steps > kAssumedListSize * kAssumedListSize);
}

TEST_CASE("a cost budget stops an evaluation with an error, never a hang") {
  Fixture f;
  auto range = f.program("n >= 8 && n <= 10");
  CHECK(range->evaluate(f.slots, 7).debug_string() == "true");
  CHECK(range->evaluate(f.slots, 6).debug_string() ==
        "error(max_cost limit exceeded: more than 6 steps)");

  auto loop = f.program("items.exists(v, v > 998)");
  CHECK(loop->evaluate(f.slots).debug_string() == "true");
  const CostEstimate cost = loop->cost_estimate();
  const uint64_t enough = cost.fixed_steps + 1000 * cost.steps_per_iteration;
  CHECK(loop->evaluate(f.slots, enough).debug_string() == "true");
  CHECK(loop->evaluate(f.slots, enough - cost.steps_per_iteration).debug_string() ==
        "error(max_cost limit exceeded: more than " +
            std::to_string(enough - cost.steps_per_iteration) + " steps)");
  CHECK(loop->evaluate(f.slots, 3).debug_string() ==
        "error(max_cost limit exceeded: more than 3 steps)");

  // An error that || would absorb still fails the budgeted evaluation.
  auto absorbed = f.program("items.all(v, v >= 0) || true");
  CHECK(absorbed->evaluate(f.slots).debug_string() == "true");
  CHECK(absorbed->evaluate(f.slots, 100).debug_string() ==
        "error(max_cost limit exceeded: more than 100 steps)");

  // A quadratic expression over 1000 elements (a million iterations) stops
  // at the budget.
  auto quadratic = f.program("items.all(v, items.all(w, w >= 0 || v < 0))");
  CHECK(quadratic->evaluate(f.slots, 10'000).debug_string() ==
        "error(max_cost limit exceeded: more than 10000 steps)");
  // The comprehension iteration limit of every evaluation still applies.
  auto huge = f.program("items.all(v, items.all(w, items.all(z, z >= 0)))");
  CHECK(huge->evaluate(f.slots).debug_string() ==
        "error(max_iterations limit exceeded: more than 1000000 comprehension iterations)");
}

TEST_CASE("constant folding keeps errors where they were") {
  Fixture f;
  // Not folded: the error is reported when evaluated, as before.
  CHECK(f.program("n > 1 / 0")->evaluate(f.slots).debug_string() ==
        "error(division by zero)");
  CHECK(f.program("n > 3 || [1, 2][5] == 1")->evaluate(f.slots).debug_string() == "true");
  CHECK(f.program("n < 3 || [1, 2][5] == 1")->evaluate(f.slots).debug_string() ==
        "error(index out of range: 5 (list size 2))");
  // Folded: a constant timestamp, a constant list.
  CHECK(f.program("n in [1, 2, 3 + 6]")->evaluate(f.slots).debug_string() == "true");
  CHECK(f.program("timestamp('2026-01-01T00:00:00Z') + duration('1h') > "
                  "timestamp('2026-01-01T00:30:00Z') && n == 9")
            ->evaluate(f.slots)
            .debug_string() == "true");
}
