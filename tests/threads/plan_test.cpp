// DESIGN: "A compiled plan is immutable and may be shared by threads."
// Several threads evaluate one shared plan with their own inputs at once;
// every report must equal the one computed alone.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "engine/evaluation.hpp"
#include "read_file.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "report/reports.hpp"

TEST_CASE("one compiled plan evaluates correctly in several threads at once") {
  auto plan = rollgate::plan::load_plan(rollgate::testing::read_file(ROLLGATE_EXAMPLES_DIR "/bookme/plan.json"), "plan.json").plan;
  REQUIRE(plan);
  auto inputs = rollgate::engine::load_inputs(*plan, rollgate::testing::read_file(ROLLGATE_EXAMPLES_DIR "/bookme/facts.json"), "f");
  REQUIRE(inputs.inputs);
  const rollgate::cel::Timestamp now{1795424400, 0};
  const std::string expected = rollgate::report::to_json(
      rollgate::engine::evaluate(plan, std::make_shared<const rollgate::engine::Inputs>(*inputs.inputs), now));

  constexpr int kThreads = 4;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Each thread has its own inputs, as each session does.
      auto own = std::make_shared<const rollgate::engine::Inputs>(*inputs.inputs);
      for (int i = 0; i < 100; ++i)
        if (rollgate::report::to_json(rollgate::engine::evaluate(plan, own, now)) != expected)
          ++mismatches[size_t(t)];
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < kThreads; ++t) CHECK(mismatches[size_t(t)] == 0);
}
