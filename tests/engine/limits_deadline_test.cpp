// Whole-evaluation bounds (engine/evaluation_limits.hpp): max_total_cost,
// the deadline and the cancellation flag stop an evaluation with
// EvaluationStopped, naming the gate; the incremental evaluator's state is
// then exactly as before, and the next evaluation gives byte for byte what
// an evaluator never stopped gives.  Stopping at every gate in turn (a
// total cost budget one gate larger each time) reaches every point where an
// incremental evaluation has rewritten some records and not others.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "engine/evaluation.hpp"
#include "engine/evaluation_limits.hpp"
#include "engine/incremental.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "report/reports.hpp"
#include "state/state_json.hpp"

namespace {

using namespace rollgate;

constexpr int64_t kT0 = 1767225600;  // 2026-01-01T00:00:00Z

// Eight stages in a chain, each with a gate on n, a soaking gate and a
// comprehension: every gate reads n, so changing n makes every gate dirty.
std::string plan_text() {
  std::string stages;
  for (int s = 0; s < 8; ++s) {
    const std::string id = "s" + std::to_string(s);
    if (s) stages += ",\n";
    stages += "{\"id\": \"" + id + "\"";
    if (s) stages += ", \"after\": [\"s" + std::to_string(s - 1) + "\"]";
    stages += ", \"gates\": [{\"id\": \"n\", \"expr\": \"n > " + std::to_string(s) + "\"}, " +
              R"json({"id": "held", "expr": "n > 1", "hold_for": "1h"}, )json" +
              R"json({"id": "loop", "expr": "items.all(x, x > n - 100)"}]})json";
  }
  return R"json({"rollgate": 1, "name": "bounds", "facts": {"n": {"type": "int"}, "items": {"type": "list(int)"}},
    "stages": [)json" + stages + "]}";
}

struct Fixture {
  std::shared_ptr<const plan::Plan> plan;
  Fixture() {
    plan::LoadResult loaded = plan::load_plan(plan_text(), "plan.json");
    REQUIRE(loaded.plan);
    plan = loaded.plan;
  }
  std::shared_ptr<const engine::Inputs> inputs(int n) const {
    engine::InputsResult r = engine::load_inputs(
        *plan, R"({"facts": {"n": )" + std::to_string(n) + R"(, "items": [1, 2, 3, 4, 5]}})", "facts.json");
    REQUIRE(r.inputs);
    return std::make_shared<const engine::Inputs>(std::move(*r.inputs));
  }
  std::string state_json(const engine::IncrementalEvaluator& e) const {
    return e.state() ? state::to_json(*e.state(), *plan) : std::string();
  }
};

engine::EvaluationOptions total_cost(uint64_t steps) {
  engine::EvaluationOptions options;
  options.max_total_cost = steps;
  return options;
}

// What the two evaluations from kT0 (n = 5) to kT0 + 30 min (n = `n`) give
// without limits: the report and the state.
struct Expected {
  std::string report, state;
};

Expected never_stopped(const Fixture& f, int n) {
  engine::IncrementalEvaluator e(f.plan);
  e.evaluate_next(f.inputs(5), cel::Timestamp{kT0, 0});
  auto second = e.evaluate_next(f.inputs(n), cel::Timestamp{kT0 + 1800, 0});
  return {report::to_json(*second), f.state_json(e)};
}

}  // namespace

TEST_CASE("a total cost budget stops an evaluation at a gate, which the error names") {
  Fixture f;
  engine::EvaluationMeter meter(total_cost(3));
  try {
    engine::evaluate(f.plan, f.inputs(5), cel::Timestamp{kT0, 0}, nullptr, &meter);
    FAIL("not stopped");
  } catch (const engine::EvaluationStopped& stop) {
    CHECK(stop.reason() == engine::StopReason::TotalCost);
    // s0/n (n > 0) takes 3 steps; s0/held is the first that does not fit.
    CHECK(stop.gate() == "s0/held");
    CHECK(std::string(stop.what()) ==
          "evaluation stopped: max_total_cost limit exceeded: more than 3 steps while evaluating gate 's0/held'");
  }
  engine::EvaluationMeter enough;
  engine::Evaluation e = engine::evaluate(f.plan, f.inputs(5), cel::Timestamp{kT0, 0}, nullptr, &enough);
  CHECK(enough.total_cost() > 8 * 6);
  engine::EvaluationMeter exact(total_cost(enough.total_cost()));
  CHECK(report::to_json(engine::evaluate(f.plan, f.inputs(5), cel::Timestamp{kT0, 0}, nullptr, &exact)) ==
        report::to_json(e));
}

TEST_CASE("an incremental evaluation stopped at any gate leaves the state as it was") {
  Fixture f;
  for (int n : {0, 3}) {
    const Expected expected = never_stopped(f, n);
    uint64_t stops = 0;
    for (bool keep_first : {false, true}) {
      for (uint64_t budget = 0;; ++budget) {
        CAPTURE(n);
        CAPTURE(keep_first);
        CAPTURE(budget);
        engine::IncrementalEvaluator e(f.plan);
        std::shared_ptr<const engine::Evaluation> first = e.evaluate_next(f.inputs(5), cel::Timestamp{kT0, 0});
        const std::string first_json = report::to_json(*first);
        if (!keep_first) first.reset();
        const std::string before = f.state_json(e);
        engine::EvaluationMeter meter(total_cost(budget));
        bool stopped = false;
        try {
          e.evaluate_next(f.inputs(n), cel::Timestamp{kT0 + 1800, 0}, &meter);
        } catch (const engine::EvaluationStopped& stop) {
          stopped = true;
          CHECK(stop.reason() == engine::StopReason::TotalCost);
          CHECK(f.state_json(e) == before);
          if (first) CHECK(report::to_json(*first) == first_json);
          // Carried on without limits: as if never stopped.
          auto again = e.evaluate_next(f.inputs(n), cel::Timestamp{kT0 + 1800, 0});
          CHECK(report::to_json(*again) == expected.report);
          CHECK(f.state_json(e) == expected.state);
          ++stops;
        }
        if (!stopped) {
          CHECK(f.state_json(e) == expected.state);
          break;
        }
      }
    }
    // 24 gates, each a place to stop (twice: in place and copied).
    CHECK(stops >= 2 * 24);
  }
}

TEST_CASE("a full evaluation stopped by its deadline or flag leaves no state, or the restored one") {
  Fixture f;
  engine::EvaluationOptions past;
  past.gate.deadline = cel::Timestamp{kT0, 0};
  volatile int32_t flag = 1;
  engine::EvaluationOptions cancelled;
  cancelled.gate.cancel = &flag;
  for (const engine::EvaluationOptions* options : {&past, &cancelled}) {
    engine::IncrementalEvaluator e(f.plan);
    engine::EvaluationMeter meter(*options);
    CHECK_THROWS_AS(meter.check_start(), engine::EvaluationStopped);
    CHECK_THROWS_AS(e.evaluate_next(f.inputs(5), cel::Timestamp{kT0, 0}, &meter), engine::EvaluationStopped);
    CHECK_FALSE(e.state());
    // From a restored state: the evaluator keeps none of its own.
    engine::IncrementalEvaluator source(f.plan);
    source.evaluate_next(f.inputs(5), cel::Timestamp{kT0, 0});
    std::shared_ptr<const state::State> restored = source.state();
    engine::EvaluationMeter again(*options);
    CHECK_THROWS_AS(e.evaluate(f.inputs(3), cel::Timestamp{kT0 + 1800, 0}, restored, &again),
                    engine::EvaluationStopped);
    CHECK_FALSE(e.state());
    auto next = e.evaluate(f.inputs(3), cel::Timestamp{kT0 + 1800, 0}, restored);
    CHECK(report::to_json(*next) == never_stopped(f, 3).report);
  }
}

TEST_CASE("a stop message says which gate and which what-if evaluation") {
  Fixture f;
  volatile int32_t flag = 0;
  engine::EvaluationOptions options;
  options.gate.cancel = &flag;
  options.max_total_cost = 3;
  engine::EvaluationMeter meter(options);
  try {
    engine::evaluate_what_if(f.plan, f.inputs(5), f.inputs(3), cel::Timestamp{kT0, 0}, nullptr, &meter);
    FAIL("not stopped");
  } catch (const engine::EvaluationStopped& stop) {
    CHECK(std::string(stop.what()) ==
          "evaluation stopped: max_total_cost limit exceeded: more than 3 steps (what-if, the session's "
          "inputs) while evaluating gate 's0/held'");
    CHECK(stop.detail() ==
          "evaluation stopped: max_total_cost limit exceeded: more than 3 steps (what-if, the session's inputs)");
  }
  flag = 1;
  engine::EvaluationMeter cancelled(options);
  try {
    cancelled.check_start();
    FAIL("not stopped");
  } catch (const engine::EvaluationStopped& stop) {
    CHECK(stop.reason() == engine::StopReason::Cancelled);
    CHECK(std::string(stop.what()) == "evaluation cancelled before it started");
    CHECK(stop.gate().empty());
  }
}

TEST_CASE("the default meter changes nothing: evaluations with and without it agree") {
  Fixture f;
  engine::EvaluationMeter meter;
  const std::string with =
      report::to_json(engine::evaluate(f.plan, f.inputs(4), cel::Timestamp{kT0, 0}, nullptr, &meter));
  CHECK(with == report::to_json(engine::evaluate(f.plan, f.inputs(4), cel::Timestamp{kT0, 0})));
  CHECK(meter.total_cost() > 0);
}
