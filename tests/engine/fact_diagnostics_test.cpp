// The facts document's problems: kinds, subjects and suggestions, and the
// exact rule for numbers that become int and uint facts (json/whole_number.hpp,
// docs/FACTS.md): read as written, never clamped, never rounded.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "engine/inputs_loader.hpp"
#include "plan/loader.hpp"

namespace {

using rollgate::Diagnostic;

const char* kPlan = R"J({"rollgate": 1,
  "facts": {"n": {"type": "int"}, "u": {"type": "uint"}, "ns": {"type": "list(int)"},
            "m": {"type": "map(int, uint)"}, "t": {"type": "timestamp"}, "any": {"type": "dyn"}},
  "stages": [{"id": "pilot"}, {"id": "w", "matrix": {"r": ["eu", "us"]}}]})J";

const rollgate::plan::Plan& plan() {
  static const auto loaded = rollgate::plan::load_plan(kPlan, "plan.json");
  REQUIRE(loaded.plan);
  return *loaded.plan;
}

rollgate::engine::InputsResult load(const std::string& facts_json) {
  return rollgate::engine::load_inputs(plan(), facts_json, "facts.json");
}

// The only problem of a facts document that has exactly one.
Diagnostic only_error(const std::string& facts_json) {
  rollgate::engine::InputsResult r = load(facts_json);
  INFO(facts_json);
  INFO(rollgate::to_string(r.errors));
  REQUIRE_FALSE(r.inputs);
  REQUIRE(r.errors.size() == 1);
  return r.errors[0];
}

// The value fact `name` gets from the number written as `number`.
rollgate::cel::Value fact_from(const std::string& name, const std::string& number) {
  rollgate::engine::InputsResult r = load(R"({"facts": {")" + name + R"(": )" + number + "}}");
  INFO(number);
  INFO(rollgate::to_string(r.errors));
  REQUIRE(r.inputs);
  const auto& entry = r.inputs->facts[size_t(plan().find_fact(name) - plan().facts.data())];
  REQUIRE(entry);
  return entry->value;
}

}  // namespace

TEST_CASE("an int fact takes every whole number of int64, written as an integer") {
  CHECK(fact_from("n", "-9223372036854775808").as_int() == INT64_MIN);
  CHECK(fact_from("n", "9223372036854775807").as_int() == INT64_MAX);
  CHECK(fact_from("n", "0").as_int() == 0);
}

TEST_CASE("an int fact beyond int64 is out of range on either side, never clamped") {
  for (const char* number : {"-9223372036854775809", "9223372036854775808", "-1e19", "1e300"}) {
    Diagnostic d = only_error(std::string(R"({"facts": {"n": )") + number + "}}");
    CHECK(d.kind == "out-of-range");
    CHECK(d.message.find("out of int range -9223372036854775808..9223372036854775807") != std::string::npos);
    CHECK(d.pointer == "/facts/n");
    CHECK(d.line == 1);
    CHECK(d.column == 17);
    CHECK(d.subject_kind == "fact");
    CHECK(d.subject == "n");
  }
}

TEST_CASE("a number with a fraction or exponent makes an int fact when whole as written") {
  CHECK(fact_from("n", "1e3").as_int() == 1000);
  CHECK(fact_from("n", "-2.0").as_int() == -2);
  // Read from the text, not from the double Boost.JSON made of it (which
  // may be rounded): exact to the last digit, across the whole range.
  CHECK(fact_from("n", "9007199254740993.0").as_int() == 9007199254740993);
  CHECK(fact_from("n", "-9007199254740991.0").as_int() == -9007199254740991);
  CHECK(fact_from("n", "9.223372036854775807e18").as_int() == INT64_MAX);
  CHECK(fact_from("n", "-9223372036854775808.0").as_int() == INT64_MIN);
  for (const char* number : {"9223372036854775808.0", "-9.223372036854775809e18", "1e19"}) {
    Diagnostic d = only_error(std::string(R"({"facts": {"n": )") + number + "}}");
    CHECK(d.kind == "out-of-range");
    CHECK(d.message.find("out of int range") != std::string::npos);
  }
  Diagnostic fraction = only_error(R"({"facts": {"n": 3.5}})");
  CHECK(fraction.kind == "wrong-type");
  CHECK(fraction.message == "expected int, got 3.5 (int facts take whole numbers only)");
  CHECK(only_error(R"({"facts": {"n": 9007199254740993.5}})").kind == "wrong-type");
}

TEST_CASE("a uint fact takes 0 to 2^64-1 and nothing beyond either end") {
  CHECK(fact_from("u", "18446744073709551615").as_uint() == UINT64_MAX);
  CHECK(fact_from("u", "0").as_uint() == 0);
  CHECK(fact_from("u", "4.5e15").as_uint() == 4500000000000000u);
  CHECK(fact_from("u", "1.8446744073709551615e19").as_uint() == UINT64_MAX);
  for (const char* number : {"-1", "18446744073709551616", "-1.0", "2e19"}) {
    Diagnostic d = only_error(std::string(R"({"facts": {"u": )") + number + "}}");
    CHECK(d.kind == "out-of-range");
    CHECK(d.message.find("out of uint range 0..18446744073709551615") != std::string::npos);
  }
  CHECK(only_error(R"({"facts": {"u": 1.5}})").kind == "wrong-type");
}

TEST_CASE("the number rule holds inside lists and for map keys, located at the element") {
  Diagnostic element = only_error(R"({"facts": {"ns": [1, -9223372036854775809]}})");
  CHECK(element.kind == "out-of-range");
  CHECK(element.pointer == "/facts/ns/1");
  CHECK(element.subject == "ns");
  Diagnostic key = only_error(R"({"facts": {"m": {"1.0": 1}}})");
  CHECK(key.kind == "wrong-type");
  CHECK(key.pointer == "/facts/m/1.0");
  Diagnostic value = only_error(R"({"facts": {"m": {"1": -1}}})");
  CHECK(value.kind == "out-of-range");
}

TEST_CASE("a dyn fact keeps a large number as JSON reads it") {
  CHECK(fact_from("any", "9223372036854775808").as_uint() == 9223372036854775808u);
  CHECK(fact_from("any", "-9223372036854775809").as_double() == -9223372036854775808.0);
}

TEST_CASE("facts document problems carry kinds, subjects and suggestions") {
  Diagnostic progress = only_error(R"({"progress": {"pilto": {"state": "done"}}})");
  CHECK(progress.kind == "unknown-id");
  CHECK(progress.suggestion == "pilot");
  CHECK(progress.message == "progress names unknown stage 'pilto' (did you mean 'pilot'?)");

  Diagnostic approval = only_error(R"({"approvals": [{"stage": "W", "role": "sre", "by": "ann"}]})");
  CHECK(approval.kind == "unknown-id");
  CHECK(approval.suggestion == "w");
  CHECK(approval.pointer == "/approvals/0/stage");

  Diagnostic state = only_error(R"({"progress": {"w": {"state": "finished"}}})");
  CHECK(state.kind == "bad-value");
  CHECK(state.subject_kind == "stage");
  CHECK(state.subject == "w");  // a matrix stage's own id, as written

  Diagnostic missing = only_error(R"({"progress": {"pilot": {}}})");
  CHECK(missing.kind == "missing-field");

  Diagnostic wrapper = only_error(R"({"facts": {"t": {"value": "2026-11-22T10:00:00Z", "observd_at": "x"}}})");
  CHECK(wrapper.kind == "unknown-field");
  CHECK(wrapper.suggestion == "observed_at");
  CHECK(wrapper.subject_kind == "fact");
  CHECK(wrapper.subject == "t");

  Diagnostic timestamp = only_error(R"({"facts": {"t": "yesterday"}})");
  CHECK(timestamp.kind == "bad-value");
  CHECK(only_error(R"({"facts": {"t": 3}})").kind == "wrong-type");
  CHECK(only_error(R"({"fcts": {}})").suggestion == "facts");
  CHECK(only_error("[]").kind == "wrong-type");
  CHECK(only_error("{").kind == "json-syntax");
}

TEST_CASE("a facts document loaded without a file name names no file") {
  rollgate::engine::InputsResult r = rollgate::engine::load_inputs(plan(), R"({"facts": {"n": "x"}})", "");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].file == "");
  CHECK(r.errors[0].to_string() == "1:17: /facts/n: fact n: expected int, got \"x\"");
}
