// rollgate_incremental_bench: one fact change followed by an evaluation on a
// generated plan, incremental (the session's IncrementalEvaluator) against a
// full evaluation (issue 7, item 3).
//
// The plan: `stages` stages in 20 layers, each after 1-3 stages of the layer
// before, 10 must-gates each (`fN > c`, `fN >= a && fN <= b`, `size(lN)`
// checks, 97 % true), 1,000 facts.  Facts f998 and f999 are read by one gate
// each: changing them touches one gate.  Every other fact is read by about
// gates/1000 gates.
//
//   rollgate_incremental_bench [stages]   default 10000 (100k gates)
//   rollgate_incremental_bench --smoke    200 stages, checks incremental == full
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "engine/evaluation.hpp"
#include "engine/incremental.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "report/reports.hpp"
#include "rollgate.h"
#include "state/state_json.hpp"

namespace {

using namespace rollgate;
using Clock = std::chrono::steady_clock;

double since_ns(Clock::time_point start) {
  return std::chrono::duration<double, std::nano>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

constexpr int kFacts = 1000;
constexpr int kLayers = 20;
constexpr int kGatesPerStage = 10;

std::string generate_plan(int stages) {
  std::mt19937 rng(7);
  auto below = [&](int n) { return int(rng() % uint32_t(n)); };
  std::string t = "{\"rollgate\": 1, \"name\": \"generated\", \"facts\": {";
  for (int f = 0; f < kFacts; ++f) t += (f ? "," : "") + std::string("\"f") + std::to_string(f) + "\": {\"type\": \"int\"}";
  t += ", \"l0\": {\"type\": \"list(string)\"}}, \"stages\": [";
  int per_layer = std::max(1, stages / kLayers);
  for (int s = 0; s < stages; ++s) {
    int layer = s / per_layer;
    t += (s ? "," : "") + std::string("{\"id\": \"s") + std::to_string(s) + "\"";
    if (layer > 0) {
      int first = (layer - 1) * per_layer;
      int deps = 1 + below(3);
      t += ", \"after\": [";
      for (int d = 0; d < deps; ++d) t += (d ? ",\"s" : "\"s") + std::to_string(first + below(per_layer)) + "\"";
      t += "]";
    }
    t += ", \"gates\": [";
    for (int g = 0; g < kGatesPerStage; ++g) {
      int flat = s * kGatesPerStage + g;
      int fact = flat % 998;
      if (s == stages / 2 && g == 0) fact = 998;      // the only gate reading f998
      if (s == stages / 3 && g == 1) fact = 999;      // the only gate reading f999
      bool fails = below(100) < 3;
      std::string f = "f" + std::to_string(fact);
      std::string expr;
      switch (flat % 3) {
        case 0: expr = f + (fails ? " > 100" : " > 1"); break;
        case 1: expr = f + " >= 0 && " + f + (fails ? " <= -1" : " <= 50"); break;
        default: expr = fails ? "size(l0) > 5" : "size(l0) >= 1 || " + f + " > 0"; break;
      }
      t += (g ? "," : "") + std::string("{\"id\": \"g") + std::to_string(g) + "\", \"expr\": \"" + expr + "\"}";
    }
    t += "]}";
  }
  return t + "]}";
}

std::string facts_document() {
  std::string t = "{\"facts\": {";
  for (int f = 0; f < kFacts; ++f) t += (f ? "," : "") + std::string("\"f") + std::to_string(f) + "\": 10";
  return t + ", \"l0\": [\"a\", \"b\"]}}";
}

}  // namespace

int main(int argc, char** argv) {
  bool smoke = argc > 1 && std::strcmp(argv[1], "--smoke") == 0;
  int stages = smoke ? 200 : argc > 1 ? std::atoi(argv[1]) : 10000;
  int iterations = smoke ? 20 : 2000;
  int full_runs = smoke ? 2 : 5;

  std::string plan_text = generate_plan(stages);
  auto start = Clock::now();
  plan::LoadResult loaded = plan::load_plan(plan_text, "plan.json");
  if (!loaded.plan) {
    std::fprintf(stderr, "the generated plan does not load\n");
    return 1;
  }
  double compile_ms = since_ns(start) / 1e6;
  std::shared_ptr<const plan::Plan> plan = loaded.plan;
  size_t gates = 0;
  for (const plan::Stage& s : plan->stages) gates += s.gates.size();
  std::string facts_text = facts_document();
  auto inputs = std::make_shared<engine::Inputs>(*engine::load_inputs(*plan, facts_text, "facts.json").inputs);
  const plan::FactDecl* f998 = plan->find_fact("f998");
  const plan::FactDecl* f999 = plan->find_fact("f999");
  const plan::FactDecl* f5 = plan->find_fact("f5");
  std::printf("plan: %zu stages, %zu gates, %zu facts; compiled in %.0f ms\n", plan->stages.size(), gates,
              plan->facts.size(), compile_ms);

  cel::Timestamp now{1795424400, 0};
  engine::IncrementalEvaluator evaluator(plan);
  evaluator.evaluate_next(inputs, now);  // the first evaluation is a full one

  // Full evaluations from the same state, for comparison.
  std::vector<double> full;
  for (int i = 0; i < full_runs; ++i) {
    std::shared_ptr<const state::State> previous = evaluator.state();
    start = Clock::now();
    engine::Evaluation e = engine::evaluate(plan, inputs, now, previous);
    full.push_back(since_ns(start));
  }

  // One fact change (as rollgate_session_set_fact: copy the Inputs while
  // shared, set one entry) followed by an incremental evaluation; the
  // report is dropped before the next change, as a portal would.
  struct Case {
    const char* name;
    const plan::FactDecl* fact;
    const char* a;
    const char* b;
    int64_t advance;  // seconds the instant moves per iteration
  };
  const Case cases[] = {
      {"1 gate touched, stays passing, same instant", f998, "10", "11", 0},
      {"1 gate touched, stays passing, instant +1s", f998, "10", "11", 1},
      {"1 gate touched, flips pass<->fail (summary rebuilt)", f999, "10", "-5", 0},
      {"~100 gates touched, stay passing", f5, "10", "12", 0},
  };
  int status = 0;
  for (const Case& c : cases) {
    engine::FactInput a = *engine::load_fact(*c.fact, c.a).fact;
    engine::FactInput b = *engine::load_fact(*c.fact, c.b).fact;
    size_t index = size_t(c.fact - plan->facts.data());
    std::vector<double> set_ns, eval_ns;
    size_t touched = 0;
    bool summarized = false, copied = false;
    for (int i = 0; i < iterations; ++i) {
      now.seconds += c.advance;
      start = Clock::now();
      if (inputs.use_count() > 1) inputs = std::make_shared<engine::Inputs>(*inputs);
      inputs->facts.set(index, i % 2 ? a : b);
      set_ns.push_back(since_ns(start));
      start = Clock::now();
      std::shared_ptr<const engine::Evaluation> e = evaluator.evaluate_next(inputs, now);
      eval_ns.push_back(since_ns(start));
      touched = std::max(touched, evaluator.stats().gates_evaluated);
      summarized = summarized || evaluator.stats().summarized;
      copied = copied || evaluator.stats().copied;
      if (evaluator.stats().full) status = 1;
    }
    std::printf("%-52s set_fact %7.0f ns  evaluate %10.0f ns  (gates evaluated %zu%s%s)\n", c.name,
                median(set_ns), median(eval_ns), touched, summarized ? ", summary rebuilt" : "",
                copied ? ", copied" : "");
  }
  std::printf("%-52s %10.0f ns  (%.1f ns per gate)\n", "full evaluation", median(full), median(full) / double(gates));

  // Through the C ABI: set_fact, evaluate, free the report.
  {
    rollgate_plan* cplan = nullptr;
    rollgate_session* session = nullptr;
    if (rollgate_plan_compile(&cplan, plan_text.data(), plan_text.size(), "plan.json", nullptr) != ROLLGATE_OK ||
        rollgate_session_new(&session, cplan, nullptr) != ROLLGATE_OK ||
        rollgate_session_set_inputs(session, facts_text.data(), facts_text.size(), "facts.json", nullptr) !=
            ROLLGATE_OK) {
      std::fprintf(stderr, "the C ABI session does not start\n");
      return 1;
    }
    rollgate_report* report = nullptr;
    if (rollgate_session_evaluate(&report, session, now.seconds, 0, nullptr) != ROLLGATE_OK) return 1;
    rollgate_report_free(report);
    std::vector<double> c_ns;
    for (int i = 0; i < iterations; ++i) {
      start = Clock::now();
      if (rollgate_session_set_fact(session, "f998", ROLLGATE_NUL_TERMINATED, i % 2 ? "10" : "11", 2, nullptr) !=
          ROLLGATE_OK)
        return 1;
      if (rollgate_session_evaluate(&report, session, now.seconds, 0, nullptr) != ROLLGATE_OK) return 1;
      rollgate_report_free(report);
      c_ns.push_back(since_ns(start));
    }
    std::printf("%-52s %10.0f ns\n", "C ABI: set_fact + evaluate + report_free (1 gate)", median(c_ns));
    rollgate_session_free(session);
    rollgate_plan_free(cplan);
  }

  if (smoke) {
    // The incremental result equals a full evaluation's.
    std::shared_ptr<const state::State> previous = evaluator.state();
    inputs = std::make_shared<engine::Inputs>(*inputs);
    inputs->facts.set(size_t(f999 - plan->facts.data()), *engine::load_fact(*f999, "-7").fact);
    now.seconds += 60;
    engine::Evaluation expected = engine::evaluate(plan, inputs, now, previous);
    previous.reset();
    std::shared_ptr<const engine::Evaluation> got = evaluator.evaluate_next(inputs, now);
    if (report::to_json(*got) != report::to_json(expected)) {
      std::fprintf(stderr, "incremental and full reports differ\n");
      return 1;
    }
  }
  return status;
}
