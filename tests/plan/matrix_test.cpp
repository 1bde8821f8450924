#include <doctest/doctest.h>

#include "plan/matrix.hpp"
#include "plan_test_support.hpp"

using rollgate::testing::plan_errors;
using rollgate::testing::valid_plan;

TEST_CASE("a matrix stage expands in value order with ${key} substituted") {
  auto plan = valid_plan(R"J({"rollgate": 1,
    "facts": {"adoption_north": {"type": "double"}, "adoption_south": {"type": "double"}},
    "stages": [{"id": "pilot"},
      {"id": "wave", "title": "Wave ${region}", "after": ["pilot"],
       "matrix": {"region": ["north", "south"]},
       "gates": [{"id": "adoption", "expr": "adoption_${region} >= 0.6"}]},
      {"id": "full", "after": ["wave"]}]})J");
  REQUIRE(plan->stages.size() == 4);
  CHECK(plan->stages[1].id == "wave-north");
  CHECK(plan->stages[1].title == "Wave north");
  CHECK(plan->stages[1].group_id == "wave");
  CHECK(plan->stages[1].gates[0].expr == "adoption_north >= 0.6");
  CHECK(plan->stages[2].id == "wave-south");
  // sequential by default: south waits for north
  CHECK(plan->stages[2].previous_expansion == 1);
  // "full" after the matrix id waits for both expansions as one upstream
  REQUIRE(plan->stages[3].after.size() == 1);
  CHECK(plan->stages[3].after[0].stages == std::vector<int>{1, 2});
}

TEST_CASE("several matrix keys expand to their cartesian product in key order") {
  auto plan = valid_plan(R"J({"rollgate": 1, "stages": [
    {"id": "w", "order": "parallel", "matrix": {"region": ["n", "s"], "tier": [1, 2]}}]})J");
  REQUIRE(plan->stages.size() == 4);
  CHECK(plan->stages[0].id == "w-n-1");
  CHECK(plan->stages[1].id == "w-n-2");
  CHECK(plan->stages[3].id == "w-s-2");
  CHECK_FALSE(plan->stages[1].previous_expansion.has_value());
}

TEST_CASE("an undeclared identifier produced by substitution names the gate as written, the name as expanded") {
  auto errors = plan_errors(R"J({"rollgate": 1, "facts": {"adoption_north": {"type": "double"}},
    "stages": [{"id": "wave", "matrix": {"region": ["north", "west"]},
      "gates": [{"id": "a", "expr": "adoption_${region} >= 0.6"}]}]})J");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].subject == "wave/a");  // the matrix stage's own id: no expansion is written
  CHECK(errors[0].kind == "cel-type");
  CHECK(errors[0].message.find("'adoption_west'") != std::string::npos);
}

TEST_CASE("a placeholder that is not a matrix key is a plan error") {
  auto errors = plan_errors(R"J({"rollgate": 1, "stages": [{"id": "w", "title": "${zone}",
    "matrix": {"region": ["n"]}}]})J");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].pointer == "/stages/0/title");
  CHECK(errors[0].message == "'${zone}' is not a matrix key of this stage");
}

TEST_CASE("an empty matrix value list is a plan error") {
  auto errors = plan_errors(R"J({"rollgate": 1, "stages": [{"id": "w", "matrix": {"region": []}}]})J");
  CHECK(errors[0].message == "matrix key 'region' needs a non-empty array of values");
}

TEST_CASE("substitution keeps a map from result bytes to source bytes") {
  rollgate::plan::Substitution s = rollgate::plan::substitute("a_${k} > 1", {{"k", "xyz"}});
  CHECK(s.text == "a_xyz > 1");
  CHECK(s.source_offsets[2] == 2);  // 'x' comes from the "${"
  CHECK(s.source_offsets[6] == 7);  // '>' after the placeholder
  CHECK(s.unknown_keys.empty());
}

TEST_CASE("a matrix that would expand past 1000 stages is rejected, not expanded") {
  std::string values = "[";
  for (int i = 0; i < 40; ++i) values += (i ? ",\"v" : "\"v") + std::to_string(i) + "\"";
  values += "]";
  auto errors = plan_errors(R"J({"rollgate": 1, "stages": [{"id": "w", "matrix": {"a": )J" + values +
                            ", \"b\": " + values + "}}]}");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "the matrix expands to more than 1000 stages");
}
