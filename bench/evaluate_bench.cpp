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

#include "cel/compiler.hpp"
#include "cel/checking/environment.hpp"
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
  // fast path (the shape recognised at compile time), through the general
  // evaluator (fast paths off), and written by hand over the same value;
  // interleaved round by round so that the three see the same machine.
  rollgate::cel::Environment env;
  env.add_variable("pilot.advisors", rollgate::cel::Type::int64());
  env.add_variable("pilot.region", rollgate::cel::Type::string());
  env.add_variable("pilot.departments", rollgate::cel::Type::list(rollgate::cel::Type::string()));
  rollgate::cel::detail::CompileOptions general_options;
  general_options.fast_paths = false;
  std::vector<rollgate::cel::Value> slots{
      rollgate::cel::Value::int64(9), rollgate::cel::Value::string("eu-west-1"),
      rollgate::cel::Value::list({rollgate::cel::Value::string("sales"),
                                  rollgate::cel::Value::string("support"),
                                  rollgate::cel::Value::string("billing")})};
  using K = rollgate::cel::Value::Kind;
  // The hand-written check is a template argument, inlined into its loop.
  auto compare = [&](const char* label, const char* source, auto by_hand) {
    auto fast = rollgate::cel::compile(source, env).program;
    auto general = rollgate::cel::detail::compile_with(source, env, general_options).program;
    if (!fast || !general || !fast->uses_fast_path()) {
      std::fprintf(stderr, "%s: not compiled to the fast path\n", source);
      return false;
    }
    std::vector<double> fast_ns, general_ns, hand_ns;
    const int calls = scaled(1'000'000);
    for (int r = 0; r < rounds; ++r) {
      fast_ns.push_back(time_ns(1, calls, [&] { g_sink = g_sink + fast->evaluate(slots).as_bool(); }));
      general_ns.push_back(time_ns(1, calls, [&] { g_sink = g_sink + general->evaluate(slots).as_bool(); }));
      hand_ns.push_back(time_ns(1, calls, [&] { g_sink = g_sink + by_hand(slots); }));
    }
    auto median = [](std::vector<double> v) {
      std::sort(v.begin(), v.end());
      return v[v.size() / 2];
    };
    const double f = median(fast_ns), g = median(general_ns), h = median(hand_ns);
    std::printf("\ngate (%s): %s\n", label, source);
    row("  CEL, fast path", f);
    row("  CEL, general evaluator", g);
    row("  written in C++", h);
    std::printf("  fast / hand-written: %.1fx, general / hand-written: %.1fx\n", f / h, g / h);
    return true;
  };
  bool ok = compare("range", "pilot.advisors >= 8 && pilot.advisors <= 10", [](const auto& s) {
    const auto& v = s[0];
    return v.kind() == K::Int && v.as_int() >= 8 && v.as_int() <= 10;
  });
  ok = ok && compare("in list", "pilot.region in ['us-east-1', 'eu-central-1', 'eu-west-1']",
                     [](const auto& s) {
                       const auto& v = s[1];
                       if (v.kind() != K::String) return false;
                       const std::string& r = v.as_string();
                       return r == "us-east-1" || r == "eu-central-1" || r == "eu-west-1";
                     });
  ok = ok && compare("startsWith", "pilot.region.startsWith('eu-')", [](const auto& s) {
    return s[1].kind() == K::String && s[1].as_string().starts_with("eu-");
  });
  ok = ok && compare("exists", "pilot.departments.exists(d, d == 'support')", [](const auto& s) {
    if (s[2].kind() != K::List) return false;
    for (const auto& d : s[2].as_list())
      if (d.kind() == K::String && d.as_string() == "support") return true;
    return false;
  });
  if (!ok) return 1;
  return 0;
}
