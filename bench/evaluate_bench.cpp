// rollgate_bench: how long the steps of an evaluation take on the bundled
// bookme plan, and one gate against the same check written by hand in C++.
//
//   build/release/bench/rollgate_bench           full run (numbers for docs/BENCHMARKS.md)
//   build/release/bench/rollgate_bench --smoke   a few iterations, for ctest
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "cel/environment.hpp"
#include "cel/program.hpp"
#include "engine/evaluation.hpp"
#include "read_file.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "report/reports.hpp"

namespace {

// Median over `rounds` of the mean time per call of `body` in nanoseconds.
double time_ns(int rounds, int calls, const std::function<void()>& body) {
  std::vector<double> means;
  for (int r = 0; r < rounds; ++r) {
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < calls; ++i) body();
    auto end = std::chrono::steady_clock::now();
    means.push_back(std::chrono::duration<double, std::nano>(end - start).count() / calls);
  }
  std::sort(means.begin(), means.end());
  return means[means.size() / 2];
}

// Keeps the optimizer from deleting work whose result is unused.
volatile size_t g_sink = 0;

}  // namespace

int main(int argc, char** argv) {
  const bool smoke = argc > 1 && std::strcmp(argv[1], "--smoke") == 0;
  const int rounds = smoke ? 1 : 7;
  auto scaled = [&](int calls) { return smoke ? 2 : calls; };

  const std::string plan_text = rollgate::testing::read_file(ROLLGATE_EXAMPLES_DIR "/bookme/plan.json");
  const std::string facts_text = rollgate::testing::read_file(ROLLGATE_EXAMPLES_DIR "/bookme/facts.json");
  auto plan = rollgate::plan::load_plan(plan_text, "plan.json").plan;
  if (!plan) {
    std::fprintf(stderr, "the bookme plan does not load\n");
    return 1;
  }
  auto inputs = std::make_shared<const rollgate::engine::Inputs>(
      *rollgate::engine::load_inputs(*plan, facts_text, "facts.json").inputs);
  const rollgate::cel::Timestamp now{1795424400, 0};
  size_t gates = 0;
  for (const auto& stage : plan->stages) gates += stage.gates.size();

  std::printf("bookme: %zu stages, %zu gates, %zu facts\n", plan->stages.size(), gates, plan->facts.size());
  std::printf("%-44s %12s\n", "step", "time");
  auto row = [](const char* what, double ns) {
    if (ns >= 1e6) std::printf("%-44s %9.2f ms\n", what, ns / 1e6);
    else if (ns >= 1e3) std::printf("%-44s %9.2f us\n", what, ns / 1e3);
    else std::printf("%-44s %9.1f ns\n", what, ns);
  };

  row("compile the plan (parse, validate, CEL)", time_ns(rounds, scaled(200), [&] {
        g_sink = g_sink + rollgate::plan::load_plan(plan_text, "plan.json").plan->stages.size();
      }));
  row("load the facts document", time_ns(rounds, scaled(2000), [&] {
        g_sink = g_sink + rollgate::engine::load_inputs(*plan, facts_text, "f").inputs->facts.size();
      }));
  row("evaluate every gate and stage", time_ns(rounds, scaled(5000), [&] {
        g_sink = g_sink + rollgate::engine::evaluate(plan, inputs, now).next.size();
      }));
  auto evaluation = rollgate::engine::evaluate(plan, inputs, now);
  row("render the JSON report", time_ns(rounds, scaled(2000), [&] {
        g_sink = g_sink + rollgate::report::to_json(evaluation).size();
      }));
  row("render the text report", time_ns(rounds, scaled(2000), [&] {
        g_sink = g_sink + rollgate::report::to_text(evaluation).size();
      }));

  // One gate, "pilot.advisors >= 8 && pilot.advisors <= 10", through the CEL
  // evaluator and written by hand over the same value.
  rollgate::cel::Environment env;
  env.add_variable("pilot.advisors", rollgate::cel::Type::int64());
  auto program = rollgate::cel::compile("pilot.advisors >= 8 && pilot.advisors <= 10", env).program;
  std::vector<rollgate::cel::Value> slots{rollgate::cel::Value::int64(9)};
  const double cel_ns = time_ns(rounds, scaled(2'000'000), [&] {
    g_sink = g_sink + program->evaluate(slots).as_bool();
  });
  const double hand_ns = time_ns(rounds, scaled(2'000'000), [&] {
    const rollgate::cel::Value& v = slots[0];
    bool ok = v.kind() == rollgate::cel::Value::Kind::Int && v.as_int() >= 8 && v.as_int() <= 10;
    g_sink = g_sink + ok;
  });
  row("one gate through CEL (a range check)", cel_ns);
  row("the same check written in C++", hand_ns);
  std::printf("CEL / hand-written: %.1fx\n", cel_ns / hand_ns);
  return 0;
}
