// rollgate_diff_bench: how the plan diff scales.  Generates a plan of N
// stages with 10 gates each (a chain with skip edges, so `after` removals
// exercise the upstream search), a copy with a few hundred changes of every
// kind, and times compiling both and diffing them.
//
//   build/release/bench/rollgate_diff_bench            100000 stages, ~1M gates
//   build/release/bench/rollgate_diff_bench --stages N
//   build/release/bench/rollgate_diff_bench --smoke    2000 stages, for ctest
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>

#include "diff/diff.hpp"
#include "plan/loader.hpp"

namespace {

constexpr int kGatesPerStage = 10;
constexpr int kFacts = 100;

// Which edits the changed copy makes, by stage number.
bool tightened_gate(int s) { return s % 1000 == 1; }
bool loosened_gate(int s) { return s % 1000 == 2; }
bool dropped_skip_edge(int s) { return s % 1000 == 3; }  // still upstream through s-1
bool removed_stage(int s) { return s % 10000 == 5000; }

std::string threshold(int s, int g, bool changed) {
  double base = 0.5 + 0.001 * ((s + g) % 100);
  if (changed && g == 0) base += tightened_gate(s) ? 0.01 : -0.01;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3f", base);
  return buffer;
}

std::string stage_json(int s, bool changed) {
  std::string out = "{\"id\":\"s" + std::to_string(s) + "\"";
  std::string after;
  auto add_after = [&](int upstream) {
    if (upstream < 0 || (changed && removed_stage(upstream))) return;
    after += (after.empty() ? "\"s" : ",\"s") + std::to_string(upstream) + "\"";
  };
  add_after(s - 1);
  if (!(changed && dropped_skip_edge(s))) add_after(s - 2);
  if (!after.empty()) out += ",\"after\":[" + after + "]";
  out += ",\"gates\":[";
  for (int g = 0; g < kGatesPerStage; ++g) {
    bool edit = changed && (tightened_gate(s) || loosened_gate(s));
    out += std::string(g ? "," : "") + "{\"id\":\"g" + std::to_string(g) + "\",\"expr\":\"f" +
           std::to_string((s + g) % kFacts) + " >= " + threshold(s, g, edit) + "\"}";
  }
  return out + "]}";
}

std::string plan_json(int stages, bool changed) {
  std::string out = "{\"rollgate\":1,\"name\":\"bench\",\"facts\":{";
  for (int f = 0; f < kFacts; ++f)
    out += (f ? ",\"f" : "\"f") + std::to_string(f) + "\":{\"type\":\"double\"}";
  out += "},\"stages\":[";
  bool first = true;
  for (int s = 0; s < stages; ++s) {
    if (changed && removed_stage(s)) continue;
    out += (first ? "" : ",") + stage_json(s, changed);
    first = false;
  }
  return out + "]}";
}

double seconds_of(const std::function<void()>& body) {
  auto start = std::chrono::steady_clock::now();
  body();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  int stages = 100000;
  if (argc > 1 && std::strcmp(argv[1], "--smoke") == 0) stages = 2000;
  if (argc > 2 && std::strcmp(argv[1], "--stages") == 0) stages = std::atoi(argv[2]);

  std::string old_text, new_text;
  double generate = seconds_of([&] {
    old_text = plan_json(stages, false);
    new_text = plan_json(stages, true);
  });
  std::shared_ptr<const rollgate::plan::Plan> old_plan, new_plan;
  double compile = seconds_of([&] {
    old_plan = rollgate::plan::load_plan(old_text, "old.json").plan;
    new_plan = rollgate::plan::load_plan(new_text, "new.json").plan;
  });
  if (!old_plan || !new_plan) {
    std::fprintf(stderr, "the generated plans do not compile\n");
    return 1;
  }
  rollgate::diff::PlanDiff diff;
  double compare = seconds_of([&] { diff = rollgate::diff::diff_plans(*old_plan, *new_plan); });
  std::string json, text;
  double render = seconds_of([&] {
    json = rollgate::diff::to_json(diff);
    text = rollgate::diff::to_text(diff);
  });

  size_t gates = 0;
  for (const auto& stage : old_plan->stages) gates += stage.gates.size();
  std::printf("plan: %d stages, %zu gates, %zu bytes of JSON\n", stages, gates, old_text.size());
  std::printf("changes: %zu (loosened: %s)\n", diff.changes.size(), diff.loosened ? "yes" : "no");
  std::printf("generate both plans  %8.3f s\n", generate);
  std::printf("compile both plans   %8.3f s\n", compile);
  std::printf("diff                 %8.3f s\n", compare);
  std::printf("render json + text   %8.3f s\n", render);
  return 0;
}
