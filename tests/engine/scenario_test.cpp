// Data-driven scenarios: tests/data/scenarios/*.json each hold plans, inputs,
// instants, and what the JSON report must say.  The runner checks the
// rendered JSON report, so these pin the public output, not internals.
//
//   { "scenarios": [ { "name": "...", "plan": {...}, "inputs": {...},
//       "now": "RFC 3339", "expect": {...} } ] }
//
// or, followed over several instants through one session state:
//
//   { "name": "...", "plan": {...}, "steps": [ { "now": T, "inputs": {...},
//       "plan": {...}, "what_if": {...patch}, "state": {...} | "text",
//       "expect": {...} } ] }
//
// where a step's inputs and plan, when left out, are the previous step's.
// Expectations are listed in report_checks.hpp; besides them a step may
// expect "input_error", "patch_error" or "state_error" (substrings of the
// located error) and "exit" (0 when the target is met, else 1).  Every
// scenario also runs saving and restoring its state between steps, and must
// give byte-identical reports (step_runner.hpp).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "read_file.hpp"
#include "step_runner.hpp"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

std::optional<std::string> text_of(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v) return std::nullopt;
  // A string is given as is (state files may be malformed on purpose).
  if (v->is_string()) return std::string(v->as_string());
  return json::serialize(*v);
}

void run_scenario(const json::object& scenario) {
  rollgate::testing::StepRunner runner;
  if (const json::value* steps = scenario.if_contains("steps")) {
    bool first = true;
    for (const json::value& step_json : steps->as_array()) {
      const json::object& step = step_json.as_object();
      rollgate::testing::Step s;
      s.plan = text_of(step, "plan");
      if (first && !s.plan) s.plan = text_of(scenario, "plan");
      s.inputs = text_of(step, "inputs");
      s.what_if = text_of(step, "what_if");
      s.state = text_of(step, "state");
      s.now = std::string(step.at("now").as_string());
      INFO("step at " << s.now);
      runner.run(s, step.at("expect").as_object());
      first = false;
    }
    return;
  }
  rollgate::testing::Step s;
  s.plan = text_of(scenario, "plan");
  s.inputs = text_of(scenario, "inputs");
  s.now = std::string(scenario.at("now").as_string());
  runner.run(s, scenario.at("expect").as_object());
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
    json::value doc = json::parse(rollgate::testing::read_file(file.string()));
    for (const auto& scenario : doc.at("scenarios").as_array()) {
      std::string name = file.filename().string() + ": " + std::string(scenario.at("name").as_string());
      ++count;
      DOCTEST_SUBCASE(name.c_str()) { run_scenario(scenario.as_object()); }
    }
  }
  CHECK(count >= 60);
}
