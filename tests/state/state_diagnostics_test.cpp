// A state file's problems: kinds, subjects and location (docs/ERRORS.md).
#include <doctest/doctest.h>

#include <string>

#include "cel/common/time.hpp"
#include "plan/loader.hpp"
#include "state/state_json.hpp"

namespace {

using rollgate::Diagnostic;

const rollgate::plan::Plan& plan() {
  static const auto loaded = rollgate::plan::load_plan(
      R"({"rollgate": 1, "name": "p", "stages": [{"id": "a", "gates": [{"id": "g", "expr": "true"}]}]})",
      "plan.json");
  REQUIRE(loaded.plan);
  return *loaded.plan;
}

const std::string kHead = R"({"rollgate_state": 1, "plan": "sha256:x", "name": "p",
  "evaluated_at": "2026-11-23T10:00:00Z", )";

Diagnostic only_error(const std::string& text, const std::string& file = "state.json") {
  rollgate::state::StateResult r = rollgate::state::load_state(plan(), text, file);
  INFO(text);
  INFO(rollgate::to_string(r.errors));
  REQUIRE_FALSE(r.state);
  REQUIRE(r.errors.size() == 1);
  return r.errors[0];
}

}  // namespace

TEST_CASE("a state file that is not a rollgate state is of kind not-a-state") {
  CHECK(only_error("").kind == "not-a-state");
  CHECK(only_error("  \n").kind == "not-a-state");
  CHECK(only_error("[]").kind == "not-a-state");
  CHECK(only_error(R"({"gates": {}, "stages": {}})").kind == "not-a-state");
  CHECK(only_error("{").kind == "json-syntax");
}

TEST_CASE("a state of another version or another plan says so by its kind") {
  Diagnostic version = only_error(R"({"rollgate_state": 2})");
  CHECK(version.kind == "unsupported-version");
  CHECK(version.pointer == "/rollgate_state");
  Diagnostic other = only_error(R"({"rollgate_state": 1, "plan": "sha256:x", "name": "q",
    "evaluated_at": "2026-11-23T10:00:00Z", "gates": {}, "stages": {}})");
  CHECK(other.kind == "state-plan");
  CHECK(other.pointer == "/name");
}

TEST_CASE("a state record's problems name the gate or stage the record is of") {
  Diagnostic gate = only_error(kHead + R"("gates": {"a/g": {"status": "great", "since": "2026-11-23T10:00:00Z",
    "def": "x"}}, "stages": {}})");
  CHECK(gate.kind == "bad-value");
  CHECK(gate.subject_kind == "gate");
  CHECK(gate.subject == "a/g");
  Diagnostic stage = only_error(kHead + R"("gates": {}, "stages": {"a": {"status": "ready"}}})");
  CHECK(stage.kind == "missing-field");
  CHECK(stage.subject_kind == "stage");
  CHECK(stage.subject == "a");
  Diagnostic record = only_error(kHead + R"("gates": {}, "stages": {"a": 1}})");
  CHECK(record.kind == "wrong-type");
  CHECK(record.subject == "a");
  Diagnostic field = only_error(kHead + R"("gates": {}, "stages": {}, "stagse": {}})");
  CHECK(field.kind == "unknown-field");
  CHECK(field.suggestion == "stages");
}

TEST_CASE("state saved after the evaluation instant is of kind state-after-now") {
  rollgate::state::StateResult r = rollgate::state::load_state(plan(), kHead + R"("gates": {}, "stages": {}})", "");
  REQUIRE(r.state);
  std::optional<Diagnostic> late =
      rollgate::state::check_not_after(*r.state, *rollgate::cel::parse_timestamp("2026-11-23T09:00:00Z"));
  REQUIRE(late);
  CHECK(late->kind == "state-after-now");
  CHECK(late->pointer == "/evaluated_at");
  CHECK(late->file == "");
  CHECK(late->line == 2);
  CHECK(late->to_string().rfind("2:19: /evaluated_at: the state was saved at", 0) == 0);
}
