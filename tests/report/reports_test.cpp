#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "engine/evaluation.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "report/reports.hpp"

namespace {

const char* kPlan = R"J({"rollgate": 1, "name": "r", "title": "Report test", "owners": ["pmo"],
  "facts": {"up": {"type": "double", "owner": "ops", "max_age": "24h"}, "n": {"type": "int"}},
  "stages": [
    {"id": "a", "gates": [{"id": "up", "expr": "up >= 99.5", "owner": "ops"},
                          {"id": "n", "expr": "n > 2", "kind": "should"}]},
    {"id": "b", "after": ["a"]}]})J";

const char* kFacts = R"J({"facts": {
  "up": {"value": 99.9, "observed_at": "2026-11-23T08:00:00Z", "source": "monitoring",
         "evidence": "https://example.org/up"},
  "n": 1, "extra": true}})J";

rollgate::engine::Evaluation evaluate_example() {
  auto plan = rollgate::plan::load_plan(kPlan, "plan.json").plan;
  REQUIRE(plan);
  auto inputs = rollgate::engine::load_inputs(*plan, kFacts, "facts.json").inputs;
  REQUIRE(inputs);
  return rollgate::engine::evaluate(plan, std::make_shared<const rollgate::engine::Inputs>(*inputs),
                                    rollgate::cel::Timestamp{1795428000, 0});
}

}  // namespace

TEST_CASE("the same inputs give byte-identical reports") {
  CHECK(rollgate::report::to_json(evaluate_example()) == rollgate::report::to_json(evaluate_example()));
  CHECK(rollgate::report::to_text(evaluate_example()) == rollgate::report::to_text(evaluate_example()));
}

TEST_CASE("the JSON report carries evidence with value, time, source, link and stale flag") {
  auto report = boost::json::parse(rollgate::report::to_json(evaluate_example())).as_object();
  CHECK(report.at("evaluated_at") == "2026-11-23T10:00:00Z");
  CHECK(report.at("plan").at("name") == "r");
  const auto& gate = report.at("stages").at(0).at("gates").at(0).as_object();
  CHECK(gate.at("id") == "up");
  CHECK(gate.at("status") == "pass");
  CHECK(gate.at("since") == "2026-11-23T10:00:00Z");
  CHECK(gate.at("value") == true);
  const auto& evidence = gate.at("evidence").at(0).as_object();
  CHECK(evidence.at("fact") == "up");
  CHECK(evidence.at("value") == 99.9);
  CHECK(evidence.at("observed_at") == "2026-11-23T08:00:00Z");
  CHECK(evidence.at("source") == "monitoring");
  CHECK(evidence.at("evidence") == "https://example.org/up");
  CHECK(evidence.at("stale") == false);
  CHECK(evidence.at("owner") == "ops");
  const auto& should = report.at("stages").at(0).at("gates").at(1).as_object();
  CHECK(should.at("kind") == "should");
  CHECK(should.at("status") == "fail");
  CHECK(report.at("stages").at(0).at("score").to_number<double>() == 0.0);
  CHECK(report.at("warnings").as_array().size() == 1);
  CHECK(report.at("drift").as_array().empty());
  CHECK(report.at("transitions").as_array().empty());
}

TEST_CASE("the text report names the target, stages, next and blockers") {
  std::string text = rollgate::report::to_text(evaluate_example());
  CHECK(text.find("Report test (r)\n") == 0);
  CHECK(text.find("TARGET every stage: not_ready (not met)") != std::string::npos);
  CHECK(text.find("  ready       a  ") != std::string::npos);
  CHECK(text.find("[fail   ] should") != std::string::npos);
  CHECK(text.find("NEXT\n  a\n") != std::string::npos);
  CHECK(text.find("1. a  ready  owner: pmo  holds back 1: b") != std::string::npos);
  CHECK(text.find("WARNINGS\n  fact 'extra' is not declared by the plan; ignored") != std::string::npos);
}

TEST_CASE("a compact JSON report is the same document without whitespace") {
  rollgate::engine::Evaluation e = evaluate_example();
  rollgate::report::JsonOptions compact;
  compact.compact = true;
  std::string text = rollgate::report::to_json(e, compact);
  CHECK(text.find('\n') == text.size() - 1);  // only the final newline
  CHECK(text.find(": ") == std::string::npos);
  CHECK(boost::json::parse(text) == boost::json::parse(rollgate::report::to_json(e)));
}

TEST_CASE("a summary JSON report lists only the gates that do not pass and counts the others") {
  rollgate::engine::Evaluation e = evaluate_example();
  rollgate::report::JsonOptions summary;
  summary.summary = true;
  auto full = boost::json::parse(rollgate::report::to_json(e)).as_object();
  auto brief = boost::json::parse(rollgate::report::to_json(e, summary)).as_object();
  CHECK(brief.at("detail") == "summary");
  CHECK(!full.contains("detail"));
  const auto& stages = brief.at("stages").as_array();
  REQUIRE(stages.size() == full.at("stages").as_array().size());
  // Stage a: gate up passes (counted), gate n fails (listed in full).
  const auto& a = stages.at(0).as_object();
  REQUIRE(a.at("gates").as_array().size() == 1);
  CHECK(a.at("gates").at(0) == full.at("stages").at(0).at("gates").at(1));
  CHECK(a.at("passing_gates") == 1);
  CHECK(stages.at(1).at("passing_gates") == 0);
  // Everything but the gate lists is the full report's.
  for (const char* key : {"target", "next", "blockers", "drift", "transitions", "warnings"})
    CHECK(brief.at(key) == full.at(key));
  CHECK(a.at("reasons") == full.at("stages").at(0).at("reasons"));
}
