#include <doctest/doctest.h>

#include "plan/loader.hpp"
#include "plan_test_support.hpp"

using rollgate::testing::plan_errors;
using rollgate::testing::valid_plan;

namespace {

const char* kMinimal = R"J({
  "rollgate": 1,
  "name": "demo",
  "facts": { "pilot.departments": { "type": "list(string)" }, "uptime": { "type": "double" } },
  "stages": [
    { "id": "a", "gates": [ { "id": "g", "expr": "uptime >= 99" } ] },
    { "id": "b", "after": ["a"] }
  ]
})J";

}  // namespace

TEST_CASE("a valid plan compiles with its facts, stages, gates and edges") {
  auto plan = valid_plan(kMinimal);
  CHECK(plan->name == "demo");
  REQUIRE(plan->facts.size() == 2);
  CHECK(plan->facts[0].name == "pilot.departments");
  CHECK(plan->facts[0].type.to_string() == "list(string)");
  REQUIRE(plan->stages.size() == 2);
  CHECK(plan->stages[0].gates[0].full_id == "a/g");
  CHECK(plan->stages[0].gates[0].program != nullptr);
  REQUIRE(plan->stages[1].after.size() == 1);
  CHECK(plan->stages[1].after[0].stages == std::vector<int>{0});
  CHECK(plan->successors[0] == std::vector<int>{1});
  CHECK(plan->digest.rfind("sha256:", 0) == 0);
  CHECK(plan->digest.size() == 7 + 64);
}

TEST_CASE("the digest ignores layout and member order but not content") {
  auto a = valid_plan(R"J({"rollgate":1,"name":"x","stages":[{"id":"s"}]})J");
  auto b = valid_plan("{ \"stages\": [ { \"id\": \"s\" } ],\n  \"name\": \"x\", \"rollgate\": 1 }");
  auto c = valid_plan(R"J({"rollgate":1,"name":"y","stages":[{"id":"s"}]})J");
  CHECK(a->digest == b->digest);
  CHECK(a->digest != c->digest);
}

TEST_CASE("an unknown after target is located at the after entry, with a suggestion") {
  auto errors = plan_errors(R"J({"rollgate": 1, "stages": [
    {"id": "pilot"},
    {"id": "wave", "after": ["pilto"]}
  ]})J");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].pointer == "/stages/1/after/0");
  CHECK(errors[0].line == 3);
  CHECK(errors[0].column == 30);
  CHECK(errors[0].subject == "wave");
  CHECK(errors[0].message == "'after' names unknown stage 'pilto' (did you mean 'pilot'?)");
}

TEST_CASE("a dependency cycle is named in order") {
  auto errors = plan_errors(R"J({"rollgate": 1, "stages": [
    {"id": "a", "after": ["c"]},
    {"id": "b", "after": ["a"]},
    {"id": "c", "after": ["b"]},
    {"id": "d"}
  ]})J");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.rfind("dependency cycle: a -> b -> c -> a", 0) == 0);
  CHECK(errors[0].pointer == "/stages/0/after");
  CHECK(errors[0].line == 2);
}

TEST_CASE("a stage after itself is a cycle") {
  auto errors = plan_errors(R"J({"rollgate": 1, "stages": [{"id": "a", "after": ["a"]}]})J");
  CHECK(errors[0].message.rfind("dependency cycle: a -> a", 0) == 0);
}

TEST_CASE("a CEL syntax error is located inside the expr string") {
  auto errors = plan_errors(R"J({"rollgate": 1, "facts": {"done": {"type": "bool"}},
  "stages": [{"id": "s", "gates": [{"id": "g", "expr": "done &&"}]}]})J");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].pointer == "/stages/0/gates/0/expr");
  CHECK(errors[0].subject_kind == "gate");
  CHECK(errors[0].subject == "s/g");
  CHECK(errors[0].line == 2);
  CHECK(errors[0].column >= 62);  // inside the string: at "&&" or at its end
  CHECK(errors[0].column <= 64);
}

TEST_CASE("an undeclared fact is located at the identifier with a did-you-mean") {
  auto errors = plan_errors(R"J({"rollgate": 1,
  "facts": {"pilot.departments": {"type": "list(string)"}},
  "stages": [{"id": "pilot", "gates": [{"id": "departments", "expr": "size(pilot.departmnts) >= 2"}]}]})J");
  REQUIRE(errors.size() == 1);
  const auto& e = errors[0];
  CHECK(e.pointer == "/stages/0/gates/0/expr");
  CHECK(e.line == 3);
  CHECK(e.column == 76);
  CHECK(e.message == "undeclared reference to 'pilot.departmnts' (did you mean 'pilot.departments'?)");
  CHECK(e.to_string() ==
        "plan.json:3:76: /stages/0/gates/0/expr: gate pilot/departments: undeclared reference to "
        "'pilot.departmnts' (did you mean 'pilot.departments'?)");
}

TEST_CASE("a gate that does not yield bool is a plan error") {
  auto errors = plan_errors(R"J({"rollgate": 1, "facts": {"n": {"type": "int"}},
    "stages": [{"id": "s", "gates": [{"id": "g", "expr": "n + 1"}]}]})J");
  CHECK(errors[0].message == "a gate must yield bool, but this expression yields int");
}

TEST_CASE("every problem of an invalid plan is listed, not just the first") {
  auto errors = plan_errors(R"J({"rollgate": 1, "colour": "red", "target": "nowhere",
    "facts": {"now.x": {"type": "int"}, "y": {"type": "integer"}},
    "stages": [{"id": "a", "gates": [{"id": "g", "expr": "true", "kind": "maybe"}]},
               {"id": "a"}, {"title": "no id"}]})J");
  std::vector<std::string> messages;
  for (const auto& e : errors) messages.push_back(e.message);
  auto has = [&](const std::string& prefix) {
    for (const auto& m : messages)
      if (m.rfind(prefix, 0) == 0) return true;
    return false;
  };
  CHECK(has("unknown field 'colour'"));
  CHECK(has("target names unknown stage 'nowhere'"));
  CHECK(has("fact name 'now.x' may not begin with the built-in 'now'"));
  CHECK(has("unknown type 'integer'"));
  CHECK(has("'kind' must be one of must, should, advisory"));
  CHECK(has("duplicate stage id 'a'"));
  CHECK(has("missing required field 'id'"));
  CHECK(errors.size() == 7);
}

TEST_CASE("a plan needs the format version and at least one stage") {
  auto errors = plan_errors(R"J({"stages": []})J");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message.rfind("missing required field 'rollgate'", 0) == 0);
  CHECK(errors[1].message == "a plan needs at least one stage");
}

TEST_CASE("unknown fields are located at their key and suggest the known one") {
  auto errors = plan_errors(R"J({"rollgate": 1, "stages": [{"id": "a", "afterr": []}]})J");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].pointer == "/stages/0/afterr");
  CHECK(errors[0].column == 40);
  CHECK(errors[0].message == "unknown field 'afterr' (did you mean 'after'?)");
}

TEST_CASE("malformed plan JSON is flagged as such") {
  rollgate::plan::LoadResult r = rollgate::plan::load_plan("{\"rollgate\": 1,", "plan.json");
  CHECK(r.malformed_json);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 1);
}

TEST_CASE("a repeated after id counts once") {
  auto plan = valid_plan(R"J({"rollgate": 1, "stages": [{"id": "a"}, {"id": "b", "after": ["a", "a"]}]})J");
  CHECK(plan->stages[1].after.size() == 1);
}

TEST_CASE("min_score, weight and order are range- and context-checked") {
  auto errors = plan_errors(R"J({"rollgate": 1, "stages": [{"id": "a", "min_score": 1.5, "order": "parallel",
    "gates": [{"id": "g", "expr": "true", "kind": "should", "weight": -1}]}]})J");
  CHECK(errors.size() == 3);
}

TEST_CASE("a stage is never suggested as its own upstream") {
  auto errors = plan_errors(R"J({"rollgate": 1, "stages": [{"id": "a", "after": ["b"]}]})J");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "'after' names unknown stage 'b'");
}

TEST_CASE("a gate naming a stage that is not in the plan through stages is a compile error") {
  auto errors = plan_errors(R"J({"rollgate": 1, "stages": [{"id": "pilot"},
    {"id": "wave", "gates": [{"id": "g", "expr": "stages.pilto.state == 'done'"}]}]})J");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message ==
        "undeclared reference to 'stages.pilto.state' (did you mean 'stages.pilot.state'?)");
  CHECK(errors[0].pointer == "/stages/1/gates/0/expr");
}

TEST_CASE("a gate may read the stages built-in of a stage later in the plan") {
  auto plan = valid_plan(R"J({"rollgate": 1, "stages": [
    {"id": "a", "gates": [{"id": "g", "expr": "stages['b'].state != 'done'"}]}, {"id": "b"}]})J");
  CHECK(plan->stages[0].gates[0].program != nullptr);
}

TEST_CASE("problems are listed in reading order") {
  auto errors = plan_errors(R"J({"rollgate": 1, "stages": [
    {"id": "a", "gates": [{"id": "g", "expr": "nope"}]},
    {"id": "b", "after": ["zzz"]}]})J");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].line == 2);
  CHECK(errors[1].line == 3);
}

TEST_CASE("comparing a double fact with an int literal is a type error suggesting 0.0") {
  auto errors = plan_errors(R"J({"rollgate": 1, "facts": {"error_rate": {"type": "double"}},
    "stages": [{"id": "s", "gates": [{"id": "g", "expr": "error_rate == 0"}]}]})J");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("'_==_'") != std::string::npos);
  CHECK(errors[0].message.find("0.0") != std::string::npos);
}

TEST_CASE("a dyn gate compiles; ordering comparisons accept int and double mixes") {
  auto plan = valid_plan(R"J({"rollgate": 1, "facts": {"d": {"type": "dyn"}, "up": {"type": "double"}},
    "stages": [{"id": "s", "gates": [{"id": "dyn", "expr": "d"}, {"id": "mix", "expr": "up >= 99"}]}]})J");
  CHECK(plan->stages[0].gates.size() == 2);
}
