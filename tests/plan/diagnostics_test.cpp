// What a plan's problems say about themselves: a stable kind, a separate
// suggestion, and a subject that is the stage id as written, the full gate
// id or the fact name, labelled with which (docs/ERRORS.md).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "plan/loader.hpp"
#include "plan_test_support.hpp"

using rollgate::Diagnostic;
using rollgate::testing::plan_errors;
using rollgate::testing::valid_plan;

namespace {

// The only problem of a plan that has exactly one.
Diagnostic only_error(const std::string& text) {
  std::vector<Diagnostic> errors = plan_errors(text);
  INFO(rollgate::to_string(errors));
  REQUIRE(errors.size() == 1);
  return errors[0];
}

// The problem whose message contains `words`.
Diagnostic error_with(const std::vector<Diagnostic>& errors, const std::string& words) {
  auto it = std::find_if(errors.begin(), errors.end(),
                         [&](const Diagnostic& d) { return d.message.find(words) != std::string::npos; });
  INFO(rollgate::to_string(errors));
  REQUIRE(it != errors.end());
  return *it;
}

std::string stages(const std::string& json) {
  return R"({"rollgate": 1, "facts": {"uptime": {"type": "double"}}, "stages": )" + json + "}";
}

}  // namespace

TEST_CASE("an unknown field in a gate names the gate by its full id, with a suggestion") {
  Diagnostic d = only_error(stages(R"([{"id": "a", "gates": [{"id": "g", "expr": "true", "kinds": "must"}]}])"));
  CHECK(d.kind == "unknown-field");
  CHECK(d.subject_kind == "gate");
  CHECK(d.subject == "a/g");
  CHECK(d.suggestion == "kind");
  CHECK(d.message == "unknown field 'kinds' (did you mean 'kind'?)");
  CHECK(d.pointer == "/stages/0/gates/0/kinds");
}

TEST_CASE("an unknown field in a stage names the stage") {
  Diagnostic d = only_error(stages(R"([{"id": "a", "titel": "A"}])"));
  CHECK(d.kind == "unknown-field");
  CHECK(d.subject_kind == "stage");
  CHECK(d.subject == "a");
  CHECK(d.suggestion == "title");
}

TEST_CASE("an unknown field with no close candidate has no suggestion") {
  Diagnostic d = only_error(stages(R"([{"id": "a", "zzzzzzzz": 1}])"));
  CHECK(d.kind == "unknown-field");
  CHECK(d.suggestion == "");
  CHECK(d.message == "unknown field 'zzzzzzzz'");
}

TEST_CASE("problems inside a matrix stage name the matrix id as written, not an expansion") {
  std::vector<Diagnostic> errors = plan_errors(stages(R"([
    {"id": "base"},
    {"id": "w", "matrix": {"n": [1, 2]}, "titel": "W ${n}", "after": ["bse"], "title": "${m}",
     "gates": [{"id": "g-${n}", "expr": "uptme > 1.0", "wieght": 1},
               {"id": "h", "expr": "uptime"}],
     "approvals": [{"role": "sre", "mni": 1}]}])"));
  for (const Diagnostic& d : errors) {
    INFO(d.to_string());
    CHECK(d.subject.find("w-") != 0);  // never an expansion id
  }
  Diagnostic stage_field = error_with(errors, "unknown field 'titel'");
  CHECK(stage_field.subject_kind == "stage");
  CHECK(stage_field.subject == "w");
  Diagnostic after = error_with(errors, "'after' names unknown stage 'bse'");
  CHECK(after.kind == "unknown-id");
  CHECK(after.subject_kind == "stage");
  CHECK(after.subject == "w");
  CHECK(after.suggestion == "base");
  Diagnostic placeholder = error_with(errors, "'${m}' is not a matrix key");
  CHECK(placeholder.kind == "bad-value");
  CHECK(placeholder.subject == "w");
  Diagnostic gate_field = error_with(errors, "unknown field 'wieght'");
  CHECK(gate_field.subject_kind == "gate");
  CHECK(gate_field.subject == "w/g-${n}");  // the gate id as written too
  Diagnostic cel = error_with(errors, "undeclared reference to 'uptme'");
  CHECK(cel.kind == "cel-type");
  CHECK(cel.subject_kind == "gate");
  CHECK(cel.subject == "w/g-${n}");
  CHECK(cel.suggestion == "uptime");
  Diagnostic not_bool = error_with(errors, "a gate must yield bool");
  CHECK(not_bool.kind == "cel-type");
  CHECK(not_bool.subject == "w/h");
  Diagnostic approval = error_with(errors, "unknown field 'mni'");
  CHECK(approval.subject_kind == "stage");
  CHECK(approval.subject == "w");
  CHECK(approval.suggestion == "min");
  // One problem per written problem, not one per expansion.
  CHECK(std::count_if(errors.begin(), errors.end(), [](const Diagnostic& d) {
          return d.message.find("'uptme'") != std::string::npos;
        }) == 1);
}

TEST_CASE("a cycle through a matrix stage names the matrix id") {
  std::vector<Diagnostic> errors = plan_errors(stages(R"([{"id": "w", "matrix": {"n": [1, 2]}, "after": ["x"]},
                                                        {"id": "x", "after": ["w"]}])"));
  for (const Diagnostic& d : errors) {  // the message names the expansions in the cycle
    INFO(d.to_string());
    CHECK(d.kind == "cycle");
    CHECK(d.subject_kind == "stage");
    CHECK(d.subject == "w");
  }
}

TEST_CASE("an expansion id that repeats a stage id is a duplicate of the matrix stage as written") {
  Diagnostic d = only_error(stages(R"([{"id": "w-1"}, {"id": "w", "matrix": {"n": [1]}}])"));
  CHECK(d.kind == "duplicate-id");
  CHECK(d.message == "duplicate stage id 'w-1'");
  CHECK(d.subject_kind == "stage");
  CHECK(d.subject == "w");
}

TEST_CASE("fact declarations' problems name the fact, of kind fact") {
  std::vector<Diagnostic> errors = plan_errors(R"({"rollgate": 1,
    "facts": {"a.b": {"type": "strng"}, "c": {"type": "int", "unti": "%"}, "now.x": {"type": "int"},
              "d": 3},
    "stages": [{"id": "s"}]})");
  Diagnostic type = error_with(errors, "unknown type 'strng'");
  CHECK(type.kind == "bad-value");
  CHECK(type.subject_kind == "fact");
  CHECK(type.subject == "a.b");
  Diagnostic field = error_with(errors, "unknown field 'unti'");
  CHECK(field.subject_kind == "fact");
  CHECK(field.subject == "c");
  CHECK(field.suggestion == "unit");
  Diagnostic name = error_with(errors, "may not begin with the built-in 'now'");
  CHECK(name.subject_kind == "fact");
  CHECK(name.subject == "now.x");
  Diagnostic shape = error_with(errors, "a fact declaration must be an object");
  CHECK(shape.kind == "wrong-type");
  CHECK(shape.subject_kind == "fact");
  CHECK(shape.subject == "d");
}

TEST_CASE("problems that concern no stage, gate or fact have no subject") {
  std::vector<Diagnostic> errors = plan_errors(R"({"rollgate": 1, "nmae": "x", "target": "zz",
    "stages": [{"id": "s"}], "freezes": [{"from": "2026-01-02T00:00:00Z", "to": "2026-01-01T00:00:00Z"}]})");
  for (const std::string words : {"unknown field 'nmae'", "target names unknown stage 'zz'",
                                  "a freeze must end"}) {
    Diagnostic d = error_with(errors, words);
    CHECK(d.subject == "");
    CHECK(d.subject_kind == "");
  }
  CHECK(error_with(errors, "unknown field 'nmae'").suggestion == "name");
}

TEST_CASE("every problem of a plan carries one of the documented kinds") {
  struct Case {
    const char* text;
    const char* kind;
  };
  const std::string deep = std::string(70, '[') + std::string(70, ']');
  const Case cases[] = {
      {R"({"rollgate": 1,)", "json-syntax"},
      {R"({"rollgate": 1, "rollgate": 1, "stages": [{"id": "s"}]})", "duplicate-key"},
      {R"({"rollgate": 1, "stages": [{"id": "w", "matrix": {"a": [1,2,3,4,5,6,7,8,9,10,11],
          "b": [1,2,3,4,5,6,7,8,9,10,11], "c": [1,2,3,4,5,6,7,8,9,10,11]}}]})",
       "limit"},
      {R"({"rollgate": 1, "stages": [{"id": "s", "colour": 1}]})", "unknown-field"},
      {R"({"rollgate": 1, "stages": [{"title": "no id"}]})", "missing-field"},
      {R"({"rollgate": 1, "stages": [{"id": "s", "title": 3}]})", "wrong-type"},
      {R"({"rollgate": 1, "stages": [{"id": "s", "join": "some"}]})", "bad-value"},
      {R"({"rollgate": 1, "stages": [{"id": "s", "min_score": 2}]})", "out-of-range"},
      {R"({"rollgate": 1, "stages": [{"id": "s", "approvals": [{"role": "r", "min": 0}]}]})", "out-of-range"},
      {R"({"rollgate": 1, "stages": [{"id": "s"}, {"id": "s"}]})", "duplicate-id"},
      {R"({"rollgate": 1, "stages": [{"id": "s", "gates": [{"id": "g", "expr": "true"},
          {"id": "g", "expr": "true"}]}]})", "duplicate-id"},
      {R"({"rollgate": 1, "stages": [{"id": "s", "after": ["t"]}]})", "unknown-id"},
      {R"({"rollgate": 1, "stages": [{"id": "s", "after": ["s"]}]})", "cycle"},
      {R"({"rollgate": 1, "stages": [{"id": "s", "gates": [{"id": "g", "expr": "1 +"}]}]})", "cel-syntax"},
      {R"({"rollgate": 1, "stages": [{"id": "s", "gates": [{"id": "g", "expr": "1 + 'a' == 2"}]}]})",
       "cel-type"},
      {R"({"rollgate": 2, "stages": [{"id": "s"}]})", "unsupported-version"},
  };
  for (const Case& c : cases) {
    rollgate::plan::LoadResult r = rollgate::plan::load_plan(c.text, "plan.json");
    INFO(c.text);
    INFO(rollgate::to_string(r.errors));
    REQUIRE_FALSE(r.errors.empty());
    CHECK(r.errors[0].kind == c.kind);
  }
  rollgate::plan::LoadResult r = rollgate::plan::load_plan(deep, "plan.json");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].kind == "limit");
  CHECK(r.malformed_json);
}

TEST_CASE("a plan loaded without a file name names no file") {
  rollgate::plan::LoadResult r =
      rollgate::plan::load_plan("{\"rollgate\": 1, \"stages\": [\n  {\"id\": \"a\", \"after\": [\"b\"]}]}", "");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].file == "");
  CHECK(r.errors[0].to_string() == "2:25: /stages/0/after/0: stage a: 'after' names unknown stage 'b'");
  rollgate::plan::LoadResult malformed = rollgate::plan::load_plan("{", "");
  REQUIRE(malformed.errors.size() == 1);
  CHECK(malformed.errors[0].file == "");
  CHECK(malformed.errors[0].to_string().rfind("1:2: malformed JSON", 0) == 0);
}

TEST_CASE("the digest keeps a matrix's key order, which makes the stage ids") {
  auto ab = valid_plan(R"({"rollgate": 1, "stages": [{"id": "w", "matrix": {"a": [1, 2], "b": ["x", "y"]}}]})");
  auto ba = valid_plan(R"({"rollgate": 1, "stages": [{"id": "w", "matrix": {"b": ["x", "y"], "a": [1, 2]}}]})");
  CHECK(ab->stages[0].id == "w-1-x");
  CHECK(ba->stages[0].id == "w-x-1");
  CHECK(ab->digest != ba->digest);
  // Layout and the order of other keys still do not count.
  auto ab_again = valid_plan(R"({"stages": [{"matrix": {"a": [1,2], "b": ["x","y"]}, "id": "w"}], "rollgate": 1})");
  CHECK(ab->digest == ab_again->digest);
}
