// DESIGN rule 22: the target's path, critical path and blocked_by.  The
// report forms are pinned by tests/data/scenarios/target_path.json; these
// pin the engine's objects, the text report, the tie rules against a naive
// reference on random plans, and (skipped by default) the time on a plan of
// 100k stages and 1M gates.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "engine/evaluation.hpp"
#include "engine/inputs_loader.hpp"
#include "engine/target_path.hpp"
#include "plan/loader.hpp"
#include "report/reports.hpp"

namespace {

using rollgate::engine::Evaluation;
using rollgate::engine::GateStatus;
using rollgate::engine::StageStatus;
using rollgate::engine::TargetBlocker;
namespace plan = rollgate::plan;

const rollgate::cel::Timestamp kNow{1795428000, 0};  // 2026-11-23T10:00:00Z

Evaluation evaluate_text(const char* plan_text, const char* facts_text) {
  auto loaded = plan::load_plan(plan_text, "plan.json");
  INFO(rollgate::to_string(loaded.errors));
  REQUIRE(loaded.plan);
  auto inputs = rollgate::engine::load_inputs(*loaded.plan, facts_text, "facts.json");
  INFO(rollgate::to_string(inputs.errors));
  REQUIRE(inputs.inputs);
  return rollgate::engine::evaluate(loaded.plan,
                                    std::make_shared<const rollgate::engine::Inputs>(*inputs.inputs), kNow);
}

std::vector<std::string> ids(const Evaluation& e, const std::vector<int>& stages) {
  std::vector<std::string> out;
  for (int s : stages) out.push_back(e.plan->stages[size_t(s)].id);
  return out;
}

const char* kFrozenPlan = R"J({"rollgate": 1, "target": "t", "facts": {"no": {"type": "bool"}},
  "freezes": [{"from": "2026-11-20T00:00:00Z", "to": "2026-11-30T00:00:00Z", "reason": "holidays",
               "stages": ["b"]}],
  "stages": [
    {"id": "a", "gates": [{"id": "ok", "expr": "!no"}, {"id": "g", "expr": "no"}],
     "approvals": [{"role": "cab"}]},
    {"id": "b", "after": ["a"]},
    {"id": "t", "after": ["b"]}]})J";
const char* kFrozenFacts = R"J({"facts": {"no": false}})J";

// ---------------------------------------------------------------------------
// In-memory plans: stages and edges only, statuses set by hand.  The target
// path reads nothing else.

struct Built {
  std::shared_ptr<plan::Plan> plan = std::make_shared<plan::Plan>();
  Evaluation e;

  int add(std::vector<int> after, plan::Join join = plan::Join::All) {
    plan::Stage s;
    s.id = "s" + std::to_string(plan->stages.size());
    s.group_id = s.id;
    s.join = join;
    for (int u : after) s.after.push_back({plan->stages[size_t(u)].id, {u}});
    plan->stages.push_back(std::move(s));
    return int(plan->stages.size()) - 1;
  }

  // Call once every stage is added.
  void finish(std::vector<StageStatus> statuses) {
    plan->successors.assign(plan->stages.size(), {});
    for (size_t s = 0; s < plan->stages.size(); ++s) {
      for (const plan::Upstream& up : plan->stages[s].after)
        for (int u : up.stages) plan->successors[size_t(u)].push_back(int(s));
      if (plan->stages[s].previous_expansion)
        plan->successors[size_t(*plan->stages[s].previous_expansion)].push_back(int(s));
    }
    e.plan = plan;
    e.evaluated_at = kNow;
    e.stages.resize(plan->stages.size());
    for (size_t s = 0; s < plan->stages.size(); ++s) {
      e.stages[s].stage = &plan->stages[s];
      e.stages[s].status = statuses.empty() ? StageStatus::Waiting : statuses[s];
    }
  }
};

// The stages a target depends on, naively: join all, no matrix.
std::vector<bool> naive_reach(const plan::Plan& p, const Evaluation& e, int target) {
  std::vector<bool> on(p.stages.size(), false);
  std::vector<int> todo;
  if (e.stages[size_t(target)].status != StageStatus::Done) todo.push_back(target), on[size_t(target)] = true;
  while (!todo.empty()) {
    int s = todo.back();
    todo.pop_back();
    for (const plan::Upstream& up : p.stages[size_t(s)].after)
      for (int u : up.stages)
        if (!on[size_t(u)] && e.stages[size_t(u)].status != StageStatus::Done) on[size_t(u)] = true, todo.push_back(u);
  }
  return on;
}

}  // namespace

TEST_CASE("target path: blocked_by objects point at the gate, approval, stage and freeze") {
  Evaluation e = evaluate_text(kFrozenPlan, kFrozenFacts);
  CHECK(ids(e, e.target.path) == std::vector<std::string>{"a", "b", "t"});
  CHECK(ids(e, e.target.critical_path) == std::vector<std::string>{"a", "b", "t"});
  const std::vector<TargetBlocker>& b = e.target.blocked_by;
  REQUIRE(b.size() == 5);
  CHECK(b[0].kind == TargetBlocker::Kind::Gate);
  CHECK(b[0].stage == 0);
  CHECK(b[0].gate == 1);  // a/g; a/ok passes
  CHECK(e.stages[0].gates[size_t(b[0].gate)].status == GateStatus::Fail);
  CHECK(b[1].kind == TargetBlocker::Kind::Approval);
  CHECK(b[1].approval == 0);
  CHECK(b[2].kind == TargetBlocker::Kind::Stage);
  CHECK(b[2].stage == 0);
  CHECK(b[3].kind == TargetBlocker::Kind::Stage);
  CHECK(b[3].stage == 1);
  CHECK(b[4].kind == TargetBlocker::Kind::Freeze);
  CHECK(b[4].freeze == &e.plan->freezes[0]);
  CHECK(b[4].freeze_stages == std::vector<int>{1});
  CHECK(std::string(to_string(TargetBlocker::Kind::Gate)) == "gate");
  CHECK(std::string(to_string(TargetBlocker::Kind::Approval)) == "approval");
  CHECK(std::string(to_string(TargetBlocker::Kind::Freeze)) == "freeze");
  CHECK(std::string(to_string(TargetBlocker::Kind::Stage)) == "stage");
}

TEST_CASE("target path: the text report shows the path, the critical path and what blocks the target") {
  std::string text = rollgate::report::to_text(evaluate_text(kFrozenPlan, kFrozenFacts));
  INFO(text);
  CHECK(text.find("TARGET t: waiting (not met)\n"
                  "  path: a, b, t\n"
                  "  critical path: a -> b -> t\n"
                  "  blocked by:\n"
                  "    gate a/g: fail\n"
                  "    approval a by cab: 0 of 1\n"
                  "    stage a: blocked\n"
                  "    stage b: waiting\n"
                  "    freeze 2026-11-20T00:00:00Z to 2026-11-30T00:00:00Z (holidays): b\n\n") !=
        std::string::npos);
}

TEST_CASE("target path: ties on the critical path are broken at each step back, not over whole chains") {
  // Two chains of three: p1 -> q2 -> t and q1 -> p2 -> t.  Stepping back
  // from t, p2 comes before q2 in plan order, so the chain is q1 p2 t even
  // though p1 is the earliest stage of all.
  Built b;
  int p1 = b.add({}), q1 = b.add({}), p2 = b.add({q1}), q2 = b.add({p1});
  int t = b.add({p2, q2});
  b.plan->target_id = "s4";
  b.plan->target = {t};
  b.finish({});
  rollgate::engine::trace_target_path(b.e);
  CHECK(b.e.target.path == std::vector<int>{p1, q1, p2, q2, t});
  CHECK(b.e.target.critical_path == std::vector<int>{q1, p2, t});
}

TEST_CASE("target path: path and critical path agree with a naive reference on random plans") {
  std::mt19937 random(20261123);
  for (int round = 0; round < 40; ++round) {
    Built b;
    const int n = 60 + round * 5;
    // A random DAG whose edges follow a random ranking, not plan order, so
    // that the path's order must put dependencies before plan order.
    std::vector<int> by_rank(static_cast<size_t>(n));
    for (int s = 0; s < n; ++s) by_rank[size_t(s)] = s;
    std::shuffle(by_rank.begin(), by_rank.end(), random);
    std::vector<StageStatus> statuses;
    for (int s = 0; s < n; ++s) {
      b.add({});
      statuses.push_back(random() % 5 == 0 ? StageStatus::Done : StageStatus::Waiting);
    }
    for (int rank = 1; rank < n; ++rank) {
      plan::Stage& stage = b.plan->stages[size_t(by_rank[size_t(rank)])];
      int deps = int(random() % 4);
      for (int d = 0; d < deps; ++d) {
        int u = by_rank[random() % unsigned(rank)];
        bool seen = false;
        for (const plan::Upstream& up : stage.after) seen = seen || up.stages[0] == u;
        if (!seen) stage.after.push_back({b.plan->stages[size_t(u)].id, {u}});
      }
    }
    const int target = by_rank[size_t(n - 1 - int(random() % 5))];
    statuses[size_t(target)] = StageStatus::Waiting;
    b.plan->target_id = b.plan->stages[size_t(target)].id;
    b.plan->target = {target};
    b.finish(statuses);
    rollgate::engine::trace_target_path(b.e);
    const plan::Plan& p = *b.plan;
    INFO("round " << round);

    std::vector<bool> on = naive_reach(p, b.e, target);
    std::vector<int> expected_path;
    // Smallest topological order: repeatedly the earliest stage whose path
    // upstreams are all placed.
    std::vector<bool> placed(size_t(n), false);
    for (size_t k = 0; k < size_t(std::count(on.begin(), on.end(), true)); ++k) {
      for (int s = 0; s < n; ++s) {
        if (!on[size_t(s)] || placed[size_t(s)]) continue;
        bool free = true;
        for (const plan::Upstream& up : p.stages[size_t(s)].after)
          for (int u : up.stages) free = free && (!on[size_t(u)] || placed[size_t(u)]);
        if (free) {
          placed[size_t(s)] = true;
          expected_path.push_back(s);
          break;
        }
      }
    }
    CHECK(b.e.target.path == expected_path);

    // Longest chain ending at each stage, then the walk back.
    std::vector<int> chain(size_t(n), 0);
    for (int s : expected_path) {
      chain[size_t(s)] = 1;
      for (const plan::Upstream& up : p.stages[size_t(s)].after)
        for (int u : up.stages)
          if (on[size_t(u)]) chain[size_t(s)] = std::max(chain[size_t(s)], chain[size_t(u)] + 1);
    }
    std::vector<int> expected_chain{target};
    while (true) {
      int best = -1;
      for (const plan::Upstream& up : p.stages[size_t(expected_chain.back())].after)
        for (int u : up.stages)
          if (on[size_t(u)] && (best < 0 || chain[size_t(u)] > chain[size_t(best)] ||
                                (chain[size_t(u)] == chain[size_t(best)] && u < best)))
            best = u;
      if (best < 0) break;
      expected_chain.push_back(best);
    }
    std::reverse(expected_chain.begin(), expected_chain.end());
    CHECK(b.e.target.critical_path == expected_chain);
    CHECK(int(expected_chain.size()) == chain[size_t(target)]);
  }
}

// ---------------------------------------------------------------------------
// Scale: 100k stages in 20 layers, 1-3 upstreams each, 10 gates each (1M
// gates), built in memory (compiling 1M CEL gates through the loader would
// time the compiler, not the path).  Skipped by default; run with
//   build/release/tests/rollgate_engine_tests -tc="target path: scale*" --no-skip

namespace {

void time_scale(int kWidth) {
  constexpr int kLayers = 20, kGates = 10;
  std::printf("%d stages in %d layers, %d gates:\n", kLayers * kWidth, kLayers, kLayers * kWidth * kGates);
  std::mt19937 random(42);
  Built b;
  b.plan->stages.reserve(size_t(kLayers * kWidth));
  for (int layer = 0; layer < kLayers; ++layer) {
    for (int i = 0; i < kWidth; ++i) {
      std::vector<int> after;
      if (layer > 0) {
        int deps = 1 + int(random() % 3);
        for (int d = 0; d < deps; ++d) {
          int u = (layer - 1) * kWidth + int(random() % unsigned(kWidth));
          if (std::find(after.begin(), after.end(), u) == after.end()) after.push_back(u);
        }
      }
      int s = b.add(after);
      plan::Stage& stage = b.plan->stages[size_t(s)];
      stage.min_score = 0.5;
      for (int g = 0; g < kGates; ++g) {
        plan::Gate gate;
        gate.id = "g" + std::to_string(g);
        gate.full_id = stage.id + "/" + gate.id;
        gate.kind = g < 7 ? plan::GateKind::Must : plan::GateKind::Should;
        stage.gates.push_back(std::move(gate));
      }
    }
  }
  // Two freezes in force: one over every stage, one over a fifth of a layer's worth.
  b.plan->freezes.push_back({{kNow.seconds - 3600, 0}, {kNow.seconds + 3600, 0}, "all", {}});
  plan::Freeze some{{kNow.seconds - 3600, 0}, {kNow.seconds + 3600, 0}, "some", {}};
  for (int i = 0; i < kWidth / 5; ++i) some.stages.push_back(int(random() % unsigned(kLayers * kWidth)));
  b.plan->freezes.push_back(std::move(some));

  std::vector<StageStatus> statuses;
  for (int s = 0; s < kLayers * kWidth; ++s) {
    unsigned r = random() % 100;
    statuses.push_back(s < 2 * kWidth && r < 30 ? StageStatus::Done
                       : r < 3                  ? StageStatus::InProgress
                       : r < 50                 ? StageStatus::Blocked
                                                : StageStatus::Waiting);
  }
  b.finish(statuses);
  size_t gate_count = 0;
  for (size_t s = 0; s < b.e.stages.size(); ++s) {
    rollgate::engine::StageResult& r = b.e.stages[s];
    r.score = 0.0;
    for (const plan::Gate& g : b.plan->stages[s].gates) {
      rollgate::engine::GateResult gr;
      gr.gate = &g;
      unsigned x = random() % 10;
      gr.status = x < 7 ? GateStatus::Pass : x < 9 ? GateStatus::Fail : GateStatus::Unknown;
      r.gates.push_back(std::move(gr));
      ++gate_count;
    }
  }
  CHECK(gate_count == size_t(kLayers * kWidth * kGates));

  auto time_ms = [&](const char* label) {
    std::vector<double> ms;
    for (int round = 0; round < 5; ++round) {
      auto start = std::chrono::steady_clock::now();
      rollgate::engine::trace_target_path(b.e);
      auto end = std::chrono::steady_clock::now();
      ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-40s path %7zu  critical %3zu  blocked_by %8zu  median %8.2f ms  (min %.2f, max %.2f)\n",
                label, b.e.target.path.size(), b.e.target.critical_path.size(),
                b.e.target.blocked_by.size(), ms[ms.size() / 2], ms.front(), ms.back());
  };
  time_ms("no target (every stage)");
  b.plan->target_id = b.plan->stages.back().id;
  b.plan->target = {int(b.plan->stages.size()) - 1};
  b.e.stages.back().status = StageStatus::Waiting;
  time_ms("one stage of the last layer");
  b.plan->target_id = "last-layer";
  b.plan->target.clear();
  for (int i = 0; i < kWidth; ++i) b.plan->target.push_back((kLayers - 1) * kWidth + i);
  time_ms("every stage of the last layer");
  CHECK(b.e.target.critical_path.size() == size_t(kLayers));
}

}  // namespace

TEST_CASE("target path: scale, 100k stages and 1M gates" * doctest::skip()) {
  for (int width : {1250, 2500, 5000}) time_scale(width);
}
