// The diff's two renderings: stable JSON and text for people.
#include <doctest/doctest.h>

#include "diff/diff.hpp"
#include "plan/loader.hpp"

namespace {

std::shared_ptr<const rollgate::plan::Plan> plan_of(const std::string& text) {
  rollgate::plan::LoadResult loaded = rollgate::plan::load_plan(text, "plan.json");
  INFO(rollgate::to_string(loaded.errors));
  REQUIRE(loaded.plan);
  return loaded.plan;
}

const char* kOld = R"({"rollgate": 1, "facts": {"uptime_pct": {"type": "double"}},
  "stages": [{"id": "pilot", "min_score": 0.5,
    "gates": [{"id": "uptime", "expr": "uptime_pct >= 99.5", "hold_for": "72h"},
              {"id": "note", "expr": "uptime_pct > 0.0", "kind": "advisory"}]}]})";
const char* kNew = R"({"rollgate": 1, "facts": {"uptime_pct": {"type": "double"}},
  "stages": [{"id": "pilot", "min_score": 0.75, "title": "Pilot",
    "gates": [{"id": "uptime", "expr": "uptime_pct >= 99.0", "hold_for": "72h"}]},
    {"id": "full", "after": ["pilot"]}]})";

}  // namespace

TEST_CASE("the text diff lists loosened changes first, then tightened, then changed") {
  auto from = plan_of(kOld);
  auto to = plan_of(kNew);
  rollgate::diff::PlanDiff diff = rollgate::diff::diff_plans(*from, *to);
  CHECK(diff.loosened);
  std::string expected = "plan diff " + from->digest + " \u2192 " + to->digest + "\n" +
                         "loosened   pilot/uptime  expr: uptime_pct >= 99.5 \u2192 uptime_pct >= 99.0\n"
                         "tightened  pilot  min_score: 0.5 \u2192 0.75\n"
                         "tightened  full  stage added\n"
                         "changed    pilot  title: none \u2192 Pilot\n"
                         "changed    pilot/note  gate removed\n"
                         "5 changes: 1 loosened, 2 tightened, 2 changed\n";
  CHECK(rollgate::diff::to_text(diff) == expected);
}

TEST_CASE("the text diff of equal plans says there are no changes") {
  auto from = plan_of(kOld);
  std::string text = rollgate::diff::to_text(rollgate::diff::diff_plans(*from, *from));
  CHECK(text == "plan diff " + from->digest + " \u2192 " + from->digest + "\nno changes\n");
}

TEST_CASE("the text diff shows added and removed entries with their values") {
  auto from = plan_of(
      R"({"rollgate": 1, "stages": [{"id": "a"}, {"id": "b", "approvals": [{"role": "sec", "min": 2}]}]})");
  auto to = plan_of(R"({"rollgate": 1, "stages": [{"id": "a"}, {"id": "b", "after": ["a"]}]})");
  std::string text = rollgate::diff::to_text(rollgate::diff::diff_plans(*from, *to));
  CHECK(text.find("loosened   b  approvals.sec removed: {\"role\": \"sec\", \"min\": 2}\n") !=
        std::string::npos);
  CHECK(text.find("tightened  b  after added: a\n") != std::string::npos);
  CHECK(text.find("2 changes: 1 loosened, 1 tightened, 0 changed\n") != std::string::npos);
}

TEST_CASE("the JSON diff has a stable layout") {
  auto from = plan_of(R"({"rollgate": 1, "stages": [{"id": "a", "min_score": 0.5}]})");
  auto to = plan_of(R"({"rollgate": 1, "stages": [{"id": "a", "min_score": 0.25}]})");
  std::string expected =
      "{\n"
      "  \"old\": \"" +
      from->digest +
      "\",\n"
      "  \"new\": \"" +
      to->digest +
      "\",\n"
      "  \"changes\": [\n"
      "    {\n"
      "      \"id\": \"a\",\n"
      "      \"field\": \"min_score\",\n"
      "      \"from\": 0.5,\n"
      "      \"to\": 0.25,\n"
      "      \"change\": \"modified\",\n"
      "      \"class\": \"loosened\"\n"
      "    }\n"
      "  ],\n"
      "  \"loosened\": true\n"
      "}";
  std::string actual = rollgate::diff::to_json(rollgate::diff::diff_plans(*from, *to));
  // A trailing newline is the writer's business.
  if (!actual.empty() && actual.back() == '\n') actual.pop_back();
  CHECK(actual == expected);
}
