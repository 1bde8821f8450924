// Blockers: how many stages each holds back, counted for every blocker
// together, against a naive walk per blocker; the bounded list of them; the
// whole set on request.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "engine/blockers.hpp"
#include "engine/evaluation.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "report/reports.hpp"

namespace {

using rollgate::engine::count_reachable;

// A random DAG whose edges go from lower to higher rank, with ranks
// shuffled so that the stage order is not a topological order.
std::vector<std::vector<int>> random_dag(std::mt19937& rng, size_t n, double edge_chance, size_t max_out) {
  std::vector<int> label(n);
  for (size_t i = 0; i < n; ++i) label[i] = int(i);
  std::shuffle(label.begin(), label.end(), rng);
  std::vector<std::vector<int>> successors(n);
  std::uniform_real_distribution<double> chance(0, 1);
  for (size_t a = 0; a < n; ++a)
    for (size_t b = a + 1; b < n && successors[size_t(label[a])].size() < max_out; ++b)
      if (chance(rng) < edge_chance) successors[size_t(label[a])].push_back(label[b]);
  return successors;
}

std::vector<size_t> naive_counts(const std::vector<std::vector<int>>& successors, const std::vector<int>& sources,
                                 const std::vector<char>& is_target) {
  std::vector<size_t> out;
  for (int source : sources) {
    std::vector<char> seen(successors.size(), 0);
    std::vector<int> todo{source};
    seen[size_t(source)] = 1;
    size_t count = 0;
    while (!todo.empty()) {
      int v = todo.back();
      todo.pop_back();
      count += is_target[size_t(v)] ? 1 : 0;
      for (int u : successors[size_t(v)])
        if (!seen[size_t(u)]) {
          seen[size_t(u)] = 1;
          todo.push_back(u);
        }
    }
    out.push_back(count);
  }
  return out;
}

void check_random_dags(std::mt19937& rng, size_t max_n, int rounds) {
  std::uniform_real_distribution<double> chance(0, 1);
  for (int round = 0; round < rounds; ++round) {
    size_t n = 1 + rng() % max_n;
    auto successors = random_dag(rng, n, chance(rng) * 8.0 / double(n), 1 + rng() % 6);
    double source_share = chance(rng), target_share = chance(rng);
    std::vector<int> sources;
    std::vector<char> is_target(n, 0);
    for (size_t s = 0; s < n; ++s) {
      if (chance(rng) < source_share) sources.push_back(int(s));
      is_target[s] = chance(rng) < target_share ? 1 : 0;
    }
    std::shuffle(sources.begin(), sources.end(), rng);
    if (!sources.empty() && chance(rng) < 0.3) sources.push_back(sources.front());  // a repeat
    std::vector<size_t> expected = naive_counts(successors, sources, is_target);
    INFO("round " << round << ", " << n << " stages, " << sources.size() << " sources");
    CHECK(count_reachable(successors, sources, is_target, 0) == expected);
    CHECK(count_reachable(successors, sources, is_target, 1) == expected);
    CHECK(count_reachable(successors, sources, is_target, 2) == expected);
  }
}

}  // namespace

TEST_CASE("held-back counts of every blocker together equal a walk from each, on random DAGs") {
  std::mt19937 rng(20261122);
  check_random_dags(rng, 200, 300);
}

TEST_CASE("held-back counts stay exact over several chunks of bitsets") {
  // More than 4096 sources and targets: several chunks in either direction.
  std::mt19937 rng(7);
  size_t n = 9000;
  auto successors = random_dag(rng, n, 3.0 / double(n), 3);
  std::vector<int> sources;
  std::vector<char> is_target(n, 0);
  for (size_t s = 0; s < n; ++s) {
    if (s % 2 == 0) sources.push_back(int(s));
    is_target[s] = s % 3 != 0 ? 1 : 0;
  }
  std::vector<size_t> expected = naive_counts(successors, sources, is_target);
  CHECK(count_reachable(successors, sources, is_target, 1) == expected);
  CHECK(count_reachable(successors, sources, is_target, 2) == expected);
}

TEST_CASE("layered plans: counts and bounded lists of the report agree with the whole held-back set") {
  // Random layered plans with random failing gates and progress, through
  // the loader and the evaluation.
  std::mt19937 rng(42);
  for (int round = 0; round < 30; ++round) {
    size_t layers = 2 + rng() % 6, width = 1 + rng() % 12;
    std::string plan = R"({"rollgate": 1, "name": "random", "facts": {"x": {"type": "int"}}, "stages": [)";
    std::string progress;
    static const char* const kStates[] = {"not_started", "in_progress", "done", "held", "cancelled"};
    for (size_t l = 0; l < layers; ++l)
      for (size_t i = 0; i < width; ++i) {
        std::string id = "s" + std::to_string(l) + "_" + std::to_string(i);
        if (l || i) plan += ",";
        plan += R"({"id": ")" + id + R"(")";
        if (l > 0) {
          plan += R"(, "after": [)";
          size_t deps = 1 + rng() % 3;
          std::vector<size_t> picked;
          for (size_t d = 0; d < deps; ++d) picked.push_back(rng() % width);
          std::sort(picked.begin(), picked.end());
          picked.erase(std::unique(picked.begin(), picked.end()), picked.end());
          for (size_t d = 0; d < picked.size(); ++d)
            plan += (d ? ", \"s" : "\"s") + std::to_string(l - 1) + "_" + std::to_string(picked[d]) + "\"";
          plan += "]";
        }
        if (rng() % 4 == 0) plan += R"(, "gates": [{"id": "g", "expr": "x > )" + std::to_string(rng() % 3) + "\"}]";
        plan += "}";
        if (rng() % 5 == 0) {
          if (!progress.empty()) progress += ",";
          progress += "\"" + id + R"(": {"state": ")" + kStates[rng() % 5] + "\"}";
        }
      }
    plan += "]}";
    auto loaded = rollgate::plan::load_plan(plan, "plan.json");
    REQUIRE(loaded.plan);
    auto inputs = rollgate::engine::load_inputs(*loaded.plan, R"({"facts": {"x": 1}, "progress": {)" + progress + "}}",
                                                "facts.json");
    REQUIRE(inputs.inputs);
    auto e = rollgate::engine::evaluate(loaded.plan, std::make_shared<const rollgate::engine::Inputs>(*inputs.inputs),
                                        rollgate::cel::Timestamp{1795428000, 0});
    size_t previous = SIZE_MAX;
    for (const rollgate::engine::Blocker& b : e.blockers) {
      std::vector<int> all = rollgate::engine::blocker_held_back(e, b);
      INFO(b.id);
      CHECK(b.holds_back_count == all.size());
      all.resize(std::min(all.size(), rollgate::engine::kHoldsBackListed));
      CHECK(b.holds_back == all);
      CHECK(b.holds_back_count <= previous);  // ranked
      previous = b.holds_back_count;
      CHECK(rollgate::report::held_back_json(e, b.id));
    }
    CHECK_FALSE(rollgate::report::held_back_json(e, "nope"));
  }
}

TEST_CASE("a report lists ten held-back stages, counts them all, and gives the rest on request") {
  std::string plan = R"({"rollgate": 1, "name": "chain", "facts": {"ok": {"type": "bool"}},
    "stages": [{"id": "g", "gates": [{"id": "ok", "expr": "ok"}]})";
  for (int i = 1; i <= 12; ++i)
    plan += R"(, {"id": "s)" + std::to_string(i) + R"(", "after": [")" + (i == 1 ? std::string("g") : "s" + std::to_string(i - 1)) + "\"]}";
  plan += "]}";
  auto loaded = rollgate::plan::load_plan(plan, "plan.json");
  REQUIRE(loaded.plan);
  auto inputs = rollgate::engine::load_inputs(*loaded.plan, R"({"facts": {"ok": false}})", "facts.json");
  REQUIRE(inputs.inputs);
  auto e = rollgate::engine::evaluate(loaded.plan, std::make_shared<const rollgate::engine::Inputs>(*inputs.inputs),
                                      rollgate::cel::Timestamp{1795428000, 0});
  REQUIRE(e.blockers.size() == 1);
  CHECK(e.blockers[0].holds_back_count == 13);
  CHECK(e.blockers[0].holds_back.size() == 10);
  std::string text = rollgate::report::to_text(e);
  CHECK(text.find("1. g/ok  fail  owner: (none)  holds back 13: g, s1, s2, s3, s4, s5, s6, s7, s8, s9, and 3 more\n") !=
        std::string::npos);
  std::string json = rollgate::report::to_json(e);
  CHECK(json.find("\"s9\"\n      ],\n      \"holds_back_count\": 13\n") != std::string::npos);
  auto all = rollgate::report::held_back_json(e, "g/ok");
  REQUIRE(all);
  CHECK(all->find("\"s12\"") != std::string::npos);
  CHECK(all->find("\"g\"") != std::string::npos);
}
