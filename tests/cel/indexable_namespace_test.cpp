#include <doctest/doctest.h>

#include <vector>

#include "cel/program.hpp"

using namespace rollgate::cel;

namespace {

Environment stages_environment() {
  Environment env;
  env.add_variable("stages.full-rollout.state", Type::string());
  env.add_variable("stages.pilot.state", Type::string());
  env.add_variable("m", Type::map(Type::string(), Type::int64()));
  env.add_indexable_namespace("stages");
  return env;
}

}  // namespace

TEST_CASE("a literal index in an indexable namespace names the dotted variable") {
  Environment env = stages_environment();
  CompileResult r = compile("stages['full-rollout'].state == 'done'", env);
  REQUIRE(r.ok());
  CHECK(r.program->referenced_slots() == std::vector<int>{0});
  std::vector<Value> slots{Value::string("done"), Value::string("in_progress"), Value::map({})};
  CHECK(r.program->evaluate(slots).as_bool());
  CompileResult dotted = compile("stages.pilot.state", env);
  REQUIRE(dotted.ok());
  CHECK(dotted.program->evaluate(slots).as_string() == "in_progress");
}

TEST_CASE("an unknown member of an indexable namespace is undeclared, with a suggestion") {
  CompileResult r = compile("stages['full-rolout'].state == 'done'", stages_environment());
  REQUIRE(r.issues.size() == 1);
  CHECK(r.issues[0].message ==
        "undeclared reference to 'stages.full-rolout.state' (did you mean 'stages.full-rollout.state'?)");
  CHECK(r.issues[0].column == 1);
}

TEST_CASE("outside an indexable namespace a literal index stays a map index") {
  Environment env = stages_environment();
  CompileResult r = compile("m['a'] == 1", env);
  REQUIRE(r.ok());
  std::vector<Value> slots{Value::string(""), Value::string(""),
                           Value::map({{Value::string("a"), Value::int64(1)}})};
  CHECK(r.program->evaluate(slots).as_bool());
  Environment plain;
  plain.add_variable("stages.pilot.state", Type::string());
  CHECK_FALSE(compile("stages['pilot'].state == 'done'", plain).ok());
}
