// A number written past the largest double (1e400) overflows to infinity as
// it is parsed; as a fact it is refused where it is written, never taken as
// infinity (issue 10).
#include <doctest/doctest.h>

#include <string>

#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"

namespace {

const char* kPlan = R"J({"rollgate": 1,
  "facts": {"rate": {"type": "double"}, "rates": {"type": "map(string, list(double))"},
            "any": {"type": "dyn"}},
  "stages": [{"id": "a", "gates": [{"id": "g", "expr": "rate < 1.0"}]}]})J";

const rollgate::plan::Plan& plan() {
  static const auto loaded = rollgate::plan::load_plan(kPlan, "plan.json");
  REQUIRE(loaded.plan);
  return *loaded.plan;
}

}  // namespace

TEST_CASE("a double fact written past the range of a double is refused at its line and column") {
  auto r = rollgate::engine::load_inputs(plan(), "{\"facts\": {\n  \"rate\": 1e400}}", "facts.json");
  REQUIRE_FALSE(r.inputs);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].kind == "out-of-range");
  CHECK(r.errors[0].pointer == "/facts/rate");
  CHECK(r.errors[0].line == 2);
  CHECK(r.errors[0].column == 11);
  CHECK(r.errors[0].message == "the number 1e400 is beyond the range of a double (about ±1.8e308)");
}

TEST_CASE("an overflowing number deep in a list, a map or a dyn fact is refused at its element") {
  auto r = rollgate::engine::load_inputs(
      plan(), R"({"facts": {"rates": {"eu": [0.5, -2e308]}, "any": {"x": [1, {"y": 1E309}]}}})", "facts.json");
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].pointer == "/facts/rates/eu/1");
  CHECK(r.errors[0].message.find("-2e308 is beyond") != std::string::npos);
  CHECK(r.errors[1].pointer == "/facts/any/x/1/y");
  CHECK(r.errors[1].message.find("1E309 is beyond") != std::string::npos);
}

TEST_CASE("the largest doubles, tiny ones and the proto3 spellings of infinity are still taken") {
  auto r = rollgate::engine::load_inputs(
      plan(), R"({"facts": {"rate": 1.7976931348623157e308, "rates": {"eu": [1e-400, -1e308]},
                            "any": "Infinity"}})", "facts.json");
  INFO(rollgate::to_string(r.errors));
  CHECK(r.inputs);
  auto spelled = rollgate::engine::load_inputs(plan(), R"({"facts": {"rate": "-Infinity"}})", "facts.json");
  CHECK(spelled.inputs);
}

TEST_CASE("one fact set alone is refused the same way, located within its text") {
  auto r = rollgate::engine::load_fact(plan().facts[0], "{\"value\": 1e999}");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].kind == "out-of-range");
  CHECK(r.errors[0].pointer == "/value");
  CHECK(r.errors[0].column == 11);
  CHECK(r.errors[0].subject == "rate");
}
