// The per-stage indexes of approvals and freezes (engine/approval_index.hpp,
// Plan::index_freezes) only make deciding a stage cheaper: an evaluation
// through them equals one that scans every approval and freeze.
#include <doctest/doctest.h>

#include <string>

#include "engine/evaluation.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "report/reports.hpp"

namespace {

using namespace rollgate;

// 40 stages, every fourth after the one before, each needing two approvals by "ops"; freezes over
// single stages, over a range, over every stage, overlapping, some over.
std::string plan_text() {
  std::string stages, freezes;
  for (int s = 0; s < 40; ++s) {
    if (s) stages += ",\n";
    stages += R"({"id": "s)" + std::to_string(s) + R"(", "approvals": [{"role": "ops", "min": 2}])";
    if (s % 4 == 3) stages += R"(, "after": ["s)" + std::to_string(s - 1) + R"("])";
    stages += "}";
  }
  for (int f = 0; f < 12; ++f) {
    if (f) freezes += ",\n";
    bool over = f % 3 == 0;  // ended before the evaluation
    freezes += std::string(R"({"from": "2026-11-2)") + (over ? "0" : "2") + R"(T00:00:00Z", "to": "2026-11-2)" +
               (over ? "1" : "4") + R"(T00:00:00Z", "reason": "window )" + std::to_string(f) + "\"";
    if (f != 5) {  // freeze 5 covers every stage
      freezes += R"(, "stages": [)";
      for (int s = f * 3; s < f * 3 + 4 && s < 40; ++s) freezes += (s == f * 3 ? "\"s" : ", \"s") + std::to_string(s) + "\"";
      freezes += R"(, "s)" + std::to_string(f * 3) + "\"]";  // one stage named twice
    }
    freezes += "}";
  }
  return R"({"rollgate": 1, "name": "indexes", "stages": [)" + stages + R"(], "freezes": [)" + freezes + "]}";
}

std::string facts_text() {
  std::string approvals;
  for (int a = 0; a < 120; ++a) {
    if (a) approvals += ",\n";
    approvals += R"({"stage": "s)" + std::to_string((a * 7) % 40) + R"(", "role": ")" + (a % 7 ? "ops" : "qa") +
                 R"(", "by": "p)" + std::to_string(a % 9) + R"(", "at": "2026-11-22T0)" + std::to_string(a % 10) +
                 ":00:00Z\"}";
  }
  return R"({"approvals": [)" + approvals + "]}";
}

}  // namespace

TEST_CASE("approvals and freezes decided through their per-stage indexes equal a scan of all of them") {
  auto loaded = plan::load_plan(plan_text(), "plan.json");
  std::string first_error = loaded.errors.empty() ? std::string() : loaded.errors.front().message;
  INFO(first_error);
  REQUIRE(loaded.plan);
  auto inputs = engine::load_inputs(*loaded.plan, facts_text(), "facts.json");
  REQUIRE(inputs.inputs);
  REQUIRE(inputs.inputs->approvals_by_stage);
  CHECK(inputs.inputs->approvals_by_stage->indexes(inputs.inputs->approvals, loaded.plan->stages.size()));
  REQUIRE(loaded.plan->freezes_by_stage.covers(loaded.plan->stages.size()));
  const cel::Timestamp now{1795392000, 0};  // 2026-11-23T00:00:00Z

  std::string indexed = report::to_json(
      engine::evaluate(loaded.plan, std::make_shared<const engine::Inputs>(*inputs.inputs), now));

  auto unindexed_plan = std::make_shared<plan::Plan>(*loaded.plan);
  unindexed_plan->freezes_by_stage = Grouping{};
  engine::Inputs unindexed_inputs = *inputs.inputs;
  unindexed_inputs.approvals_by_stage.reset();
  std::string scanned = report::to_json(engine::evaluate(
      unindexed_plan, std::make_shared<const engine::Inputs>(std::move(unindexed_inputs)), now));
  CHECK(indexed == scanned);
  CHECK(indexed.find("\"status\": \"frozen\"") != std::string::npos);
  CHECK(indexed.find("\"approvers\": [\n") != std::string::npos);
}
