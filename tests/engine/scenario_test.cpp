// Data-driven scenarios: tests/data/scenarios/*.json each hold plans, inputs,
// an instant, and what the JSON report must say.  The runner checks the
// rendered JSON report, so these pin the public output, not internals.
//
//   { "scenarios": [ { "name": "...", "plan": {...}, "inputs": {...},
//       "now": "RFC 3339",
//       "expect": { "stages": {"id": "status"}, "gates": {"stage/gate": "status"},
//                   "scores": {"id": number|null}, "next": [ids],
//                   "target": {"status": s, "met": b, "blocked_by": [ids]},
//                   "blockers": [ids in rank order], "holds_back": {"blocker id": [ids]},
//                   "owners": {"blocker id": owner}, "messages": {"stage/gate": "substring"},
//                   "reasons": {"stage": "substring"}, "warnings": count,
//                   "input_error": "substring of the input error" } } ] }
#include <doctest/doctest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cel/time.hpp"
#include "engine/evaluation.hpp"
#include "read_file.hpp"
#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"
#include "report/reports.hpp"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

// A failed precondition ends this scenario only, not the others.
#define CHECK_OR_RETURN(cond) \
  do {                        \
    CHECK(cond);              \
    if (!(cond)) return;      \
  } while (0)

const json::object* find_by_id(const json::array& items, std::string_view id) {
  for (const auto& item : items)
    if (item.at("id").as_string() == id) return &item.as_object();
  return nullptr;
}

std::vector<std::string> strings(const json::value& v) {
  std::vector<std::string> out;
  for (const auto& item : v.as_array()) out.emplace_back(item.as_string());
  return out;
}

const json::object* find_gate(const json::object& report, std::string_view full_id) {
  size_t slash = full_id.find('/');
  const json::object* stage = find_by_id(report.at("stages").as_array(), full_id.substr(0, slash));
  if (!stage) return nullptr;
  return find_by_id(stage->at("gates").as_array(), full_id.substr(slash + 1));
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

void check_report(const json::object& report, const json::object& expect) {
  if (auto* stages = expect.if_contains("stages")) {
    for (const auto& member : stages->as_object()) {
      const std::string id(member.key());
      const json::value& status = member.value();
      const json::object* stage = find_by_id(report.at("stages").as_array(), id);
      INFO("stage " << id);
      CHECK_OR_RETURN(stage);
      CHECK(stage->at("status") == status);
    }
  }
  if (auto* gates = expect.if_contains("gates")) {
    for (const auto& member : gates->as_object()) {
      const std::string id(member.key());
      const json::value& status = member.value();
      const json::object* gate = find_gate(report, id);
      INFO("gate " << id);
      CHECK_OR_RETURN(gate);
      CHECK(gate->at("status") == status);
    }
  }
  if (auto* scores = expect.if_contains("scores")) {
    for (const auto& member : scores->as_object()) {
      const std::string id(member.key());
      const json::value& score = member.value();
      const json::object* stage = find_by_id(report.at("stages").as_array(), id);
      INFO("score of " << id);
      CHECK_OR_RETURN(stage);
      if (score.is_null()) CHECK(stage->at("score").is_null());
      else CHECK(stage->at("score").to_number<double>() == doctest::Approx(score.to_number<double>()));
    }
  }
  if (auto* next = expect.if_contains("next")) CHECK(strings(report.at("next")) == strings(*next));
  if (auto* target = expect.if_contains("target")) {
    for (const auto& member : target->as_object()) {
      const std::string key(member.key());
      const json::value& value = member.value();
      INFO("target." << key);
      CHECK(report.at("target").at(key) == value);
    }
  }
  std::vector<std::string> blocker_ids;
  for (const auto& b : report.at("blockers").as_array()) blocker_ids.emplace_back(b.at("id").as_string());
  if (auto* blockers = expect.if_contains("blockers")) {
    std::string got;
    for (const std::string& id : blocker_ids) got += id + " ";
    INFO("blockers: " << got);
    CHECK(blocker_ids == strings(*blockers));
  }
  auto blocker = [&](std::string_view id) -> const json::object* {
    return find_by_id(report.at("blockers").as_array(), id);
  };
  if (auto* holds = expect.if_contains("holds_back")) {
    for (const auto& member : holds->as_object()) {
      const std::string id(member.key());
      const json::value& stages = member.value();
      INFO("blocker " << id);
      CHECK_OR_RETURN(blocker(id));
      CHECK(strings(blocker(id)->at("holds_back")) == strings(stages));
    }
  }
  if (auto* owners = expect.if_contains("owners")) {
    for (const auto& member : owners->as_object()) {
      const std::string id(member.key());
      const json::value& owner = member.value();
      INFO("owner of blocker " << id);
      CHECK_OR_RETURN(blocker(id));
      CHECK(blocker(id)->at("owner") == owner);
    }
  }
  if (auto* messages = expect.if_contains("messages")) {
    for (const auto& member : messages->as_object()) {
      const std::string id(member.key());
      const json::value& text = member.value();
      const json::object* gate = find_gate(report, id);
      CHECK_OR_RETURN(gate);
      std::string message(gate->at("message").as_string());
      INFO("message of " << id << ": " << message);
      CHECK(contains(message, text.as_string()));
    }
  }
  if (auto* reasons = expect.if_contains("reasons")) {
    for (const auto& member : reasons->as_object()) {
      const std::string id(member.key());
      const json::value& text = member.value();
      const json::object* stage = find_by_id(report.at("stages").as_array(), id);
      CHECK_OR_RETURN(stage);
      std::string all = json::serialize(stage->at("reasons"));
      INFO("reasons of " << id << ": " << all);
      CHECK(contains(all, text.as_string()));
    }
  }
  if (auto* warnings = expect.if_contains("warnings"))
    CHECK(report.at("warnings").as_array().size() == warnings->to_number<size_t>());
}

void run_scenario(const json::object& scenario) {
  auto loaded = rollgate::plan::load_plan(json::serialize(scenario.at("plan")), "plan.json");
  INFO(rollgate::to_string(loaded.errors));
  CHECK_OR_RETURN(loaded.plan);
  std::string inputs_text = scenario.contains("inputs") ? json::serialize(scenario.at("inputs")) : "{}";
  auto inputs = rollgate::engine::load_inputs(*loaded.plan, inputs_text, "facts.json");
  const json::object& expect = scenario.at("expect").as_object();
  if (auto* input_error = expect.if_contains("input_error")) {
    CHECK_OR_RETURN(!inputs.inputs);
    std::string all = rollgate::to_string(inputs.errors);
    INFO(all);
    CHECK(contains(all, input_error->as_string()));
    return;
  }
  INFO(rollgate::to_string(inputs.errors));
  CHECK_OR_RETURN(inputs.inputs);
  auto now = rollgate::cel::parse_timestamp(std::string(scenario.at("now").as_string()));
  CHECK_OR_RETURN(now);
  auto evaluation = rollgate::engine::evaluate(
      loaded.plan, std::make_shared<const rollgate::engine::Inputs>(std::move(*inputs.inputs)), *now);
  std::string report_text = rollgate::report::to_json(evaluation);
  INFO(report_text);
  json::value report = json::parse(report_text);
  check_report(report.as_object(), expect);
}

}  // namespace

TEST_CASE("scenarios under tests/data/scenarios give the expected reports") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(ROLLGATE_TEST_DATA_DIR) / "scenarios"))
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE_FALSE(files.empty());
  size_t count = 0;
  for (const fs::path& file : files) {
    json::value doc = json::parse(rollgate::testing::read_file(file));
    for (const auto& scenario : doc.at("scenarios").as_array()) {
      std::string name = file.filename().string() + ": " + std::string(scenario.at("name").as_string());
      ++count;
      DOCTEST_SUBCASE(name.c_str()) { run_scenario(scenario.as_object()); }
    }
  }
  CHECK(count > 10);
}
