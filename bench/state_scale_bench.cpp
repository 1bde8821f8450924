// rollgate_state_bench: session state at organisation scale.  Generates a
// plan of STAGES stages in 20 layers (each stage after 1-3 stages of the
// layer before) with GATES_PER_STAGE gates each, every stage done, and
// times the steps that state adds to an evaluation (DESIGN rules 15-19):
// a first evaluation, one carrying state with nothing changed, one in which
// every gate flips (every gate a transition and a drift), saving the state
// as JSON and loading it back.  All stages are done so that blockers and
// the target path, which other benchmarks measure, cost nothing here.
//
//   build/release/bench/rollgate_state_bench [STAGES [GATES_PER_STAGE]]
//   (default 100000 stages x 10 gates = 1M gates; ctest runs 200 x 5)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "engine/evaluation.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "state/state_json.hpp"

namespace {

constexpr int kFacts = 1000;
constexpr int kLayers = 20;

std::string generate_plan(int stages, int gates_per_stage) {
  std::string out = R"({"rollgate": 1, "name": "scale", "facts": {)";
  for (int f = 0; f < kFacts; ++f) out += (f ? "," : "") + std::string("\"f") + std::to_string(f) + R"(": {"type": "int"})";
  out += R"(}, "stages": [)";
  int per_layer = stages / kLayers;
  for (int s = 0; s < stages; ++s) {
    out += s ? "," : "";
    out += R"({"id": "s)" + std::to_string(s) + "\"";
    int layer = s / per_layer;
    if (layer > 0) {
      out += R"(, "after": [)";
      int deps = 1 + s % 3;
      for (int d = 0; d < deps; ++d)
        out += (d ? "," : "") + std::string("\"s") + std::to_string((layer - 1) * per_layer + (s + d * 7) % per_layer) + "\"";
      out += "]";
    }
    out += R"(, "gates": [)";
    for (int g = 0; g < gates_per_stage; ++g)
      out += (g ? "," : "") + std::string(R"({"id": "g)") + std::to_string(g) + R"(", "expr": "f)" +
             std::to_string((s * gates_per_stage + g) % kFacts) + " > 5\"}";
    out += "]}";
  }
  return out + "]}";
}

// A facts document: every fact `value`, every stage done.
std::string generate_facts(int stages, int value) {
  std::string out = R"({"facts": {)";
  for (int f = 0; f < kFacts; ++f) out += (f ? "," : "") + std::string("\"f") + std::to_string(f) + "\": " + std::to_string(value);
  out += R"(}, "progress": {)";
  for (int s = 0; s < stages; ++s) out += (s ? "," : "") + std::string("\"s") + std::to_string(s) + R"(": {"state": "done"})";
  return out + "}}";
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

template <class F>
auto timed(const char* what, double per, F&& body) {
  auto start = std::chrono::steady_clock::now();
  auto result = body();
  double s = seconds_since(start);
  std::printf("%-48s %9.3f s  %8.1f ns/gate\n", what, s, s * 1e9 / per);
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace rollgate;
  const int stages = argc > 1 ? std::atoi(argv[1]) : 100000;
  const int gates_per_stage = argc > 2 ? std::atoi(argv[2]) : 10;
  const double gates = double(stages) * gates_per_stage;
  std::printf("%d stages, %.0f gates\n", stages, gates);
  auto plan = timed("compile the plan", gates, [&] {
    auto loaded = plan::load_plan(generate_plan(stages, gates_per_stage), "plan.json");
    if (!loaded.plan) std::fprintf(stderr, "%s\n", to_string(loaded.errors).c_str());
    return loaded.plan;
  });
  if (!plan) return 1;
  auto load = [&](int value) {
    return std::make_shared<const engine::Inputs>(*engine::load_inputs(*plan, generate_facts(stages, value), "facts.json").inputs);
  };
  auto good = load(9), bad = load(1);
  const cel::Timestamp t0{1795424400, 0}, t1{1795428000, 0}, t2{1795431600, 0};
  auto first = timed("evaluate, no state", gates, [&] { return engine::evaluate(plan, good, t0); });
  auto second = timed("evaluate with state, nothing changed", gates,
                      [&] { return engine::evaluate(plan, good, t1, first.state); });
  auto third = timed("evaluate with state, every gate drifts", gates,
                     [&] { return engine::evaluate(plan, bad, t2, second.state); });
  size_t drift = 0;
  for (const auto& r : third.stages)
    for (const auto& g : r.gates) drift += g.drift_since ? 1 : 0;
  std::printf("  transitions: %zu (second: %zu), drifting gates: %zu\n", third.transitions.size(),
              second.transitions.size(), drift);
  std::string saved = timed("save the state as JSON", gates, [&] { return state::to_json(*third.state, *plan); });
  std::printf("  state JSON: %.1f MB, %.0f bytes/gate\n", saved.size() / 1e6, saved.size() / gates);
  auto reloaded = timed("load the state back", gates, [&] { return state::load_state(*plan, saved, "state.json"); });
  if (!reloaded.state || reloaded.state->gates.size() != size_t(gates)) return 1;
  bool ok = drift == size_t(gates) && second.transitions.empty() &&
            third.transitions.size() == size_t(gates);
  std::printf("%s\n", ok ? "ok" : "UNEXPECTED RESULT");
  return ok ? 0 : 1;
}
