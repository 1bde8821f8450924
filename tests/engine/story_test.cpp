// The bundled examples followed over time: examples/*/story.json lists the
// steps of each (an instant, the plan, the facts document then) and what
// the report must show at each step, through one session state.
//
//   { "description": "...", "steps": [ { "name": "...", "now": T,
//       "plan": "plan.json", "facts": "facts-1.json", "expect": {...} } ] }
//
// Each step runs as in the scenario suite (step_runner.hpp): also with the
// state saved and restored in between, which must change nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "read_file.hpp"
#include "step_runner.hpp"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

// A file of the example, read when the step names one.
std::optional<std::string> file_of(const fs::path& dir, const json::object& step, std::string_view key) {
  const json::value* name = step.if_contains(key);
  if (!name) return std::nullopt;
  std::string text = rollgate::testing::read_file((dir / std::string(name->as_string())).string());
  CHECK_MESSAGE(!text.empty(), "cannot read " << (dir / std::string(name->as_string())).string());
  return text;
}

std::vector<fs::path> stories() {
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(ROLLGATE_EXAMPLES_DIR))
    if (fs::exists(entry.path() / "story.json")) found.push_back(entry.path() / "story.json");
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

TEST_CASE("every bundled example's story gives the expected report at each step") {
  std::vector<fs::path> files = stories();
  CHECK(files.size() >= 4);
  for (const fs::path& file : files) {
    std::string example = file.parent_path().filename().string();
    DOCTEST_SUBCASE(example.c_str()) {
      json::value story = json::parse(rollgate::testing::read_file(file.string()));
      const json::array& steps = story.at("steps").as_array();
      CHECK(steps.size() >= 3);
      rollgate::testing::StepRunner runner;
      for (const json::value& step_json : steps) {
        const json::object& step = step_json.as_object();
        INFO(example << ": " << std::string(step.at("name").as_string()));
        rollgate::testing::Step s;
        s.plan = file_of(file.parent_path(), step, "plan");
        s.inputs = file_of(file.parent_path(), step, "facts");
        s.what_if = file_of(file.parent_path(), step, "what_if");
        s.now = std::string(step.at("now").as_string());
        if (!runner.run(s, step.at("expect").as_object())) break;
      }
    }
  }
}
