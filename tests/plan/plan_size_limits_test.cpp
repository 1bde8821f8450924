// A plan past one of its size limits (plan/plan_limits.hpp) is refused with
// a problem of kind "limit" where it goes past, naming the limit; the text
// it is about is never quoted (issue 10).
#include <doctest/doctest.h>

#include <string>

#include "plan/loader.hpp"

using rollgate::Diagnostic;
using rollgate::plan::LoadResult;
using rollgate::plan::PlanLimits;

namespace {

// The one problem of loading `text` within `limits`.
Diagnostic only_problem(const std::string& text, const PlanLimits& limits) {
  LoadResult r = rollgate::plan::load_plan(text, "plan.json", limits);
  REQUIRE_FALSE(r.plan);
  INFO(rollgate::to_string(r.errors));
  REQUIRE(r.errors.size() == 1);
  return r.errors[0];
}

bool loads(const std::string& text, const PlanLimits& limits) {
  return rollgate::plan::load_plan(text, "plan.json", limits).plan != nullptr;
}

std::string stages_plan(const std::string& stages) { return R"({"rollgate": 1, "stages": [)" + stages + "]}"; }

std::string stage(const std::string& id, const std::string& more = "") {
  return R"({"id": ")" + id + "\"" + more + "}";
}

std::string gates(int count) {
  std::string out = R"(, "gates": [)";
  for (int i = 0; i < count; ++i) out += (i ? "," : "") + std::string(R"({"id": "g)") + std::to_string(i) + R"(", "expr": "true"})";
  return out + "]";
}

std::string matrix(int values) {
  std::string out = R"(, "matrix": {"n": [)";
  for (int i = 0; i < values; ++i) out += (i ? "," : "") + std::to_string(i);
  return out + "]}";
}

}  // namespace

TEST_CASE("a plan text longer than max_document_bytes is refused unread, naming its file and the limit") {
  PlanLimits limits;
  limits.document.max_bytes = 20;
  const std::string text = stages_plan(stage("a"));
  LoadResult r = rollgate::plan::load_plan(text, "plan.json", limits);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.malformed_json);  // ROLLGATE_EJSON, as for the text's nesting
  CHECK(r.errors[0].kind == "limit");
  CHECK(r.errors[0].file == "plan.json");
  CHECK(r.errors[0].line == 0);
  CHECK(r.errors[0].message == "the document is " + std::to_string(text.size()) +
                                   " bytes long, more than the limit of 20 (max_document_bytes)");
  limits.document.max_bytes = text.size();
  CHECK(loads(text, limits));
}

TEST_CASE("max_json_depth bounds the plan's nesting where it goes past") {
  PlanLimits limits;
  limits.document.max_depth = 3;
  const Diagnostic d = only_problem(stages_plan(stage("a", R"(, "description": [[1]])")), limits);
  CHECK(d.kind == "limit");
  CHECK(d.message == "JSON nested more than 3 deep");
  CHECK(d.line == 1);
  CHECK(loads(stages_plan(stage("a", R"(, "description": "flat")")), limits));
}

TEST_CASE("more stages than max_stages are refused at the stages array, before any is loaded") {
  PlanLimits limits;
  limits.max_stages = 2;
  const Diagnostic d = only_problem(stages_plan(stage("a") + "," + stage("b") + "," + stage("c")), limits);
  CHECK(d.kind == "limit");
  CHECK(d.pointer == "/stages");
  CHECK(d.message == "the plan has 3 stages, more than the limit of 2 (max_stages)");
  CHECK(loads(stages_plan(stage("a") + "," + stage("b")), limits));
}

TEST_CASE("matrix expansions past max_stages are refused at the matrix that goes past") {
  PlanLimits limits;
  limits.max_stages = 10;
  const Diagnostic d = only_problem(stages_plan(stage("a") + "," + stage("w", matrix(10))), limits);
  CHECK(d.pointer == "/stages/1/matrix");
  CHECK(d.subject == "w");
  CHECK(d.message == "the plan has more than 10 stages after matrix expansion (max_stages)");
  CHECK(loads(stages_plan(stage("w", matrix(10))), limits));
}

TEST_CASE("the matrices of a plan together expand to at most max_matrix_expansions stages") {
  PlanLimits limits;
  limits.max_matrix_expansions = 1000;
  const std::string two_waves = stages_plan(stage("v", matrix(600)) + "," + stage("w", matrix(600)));
  const Diagnostic d = only_problem(two_waves, limits);
  CHECK(d.kind == "limit");
  CHECK(d.pointer == "/stages/1/matrix");
  CHECK(d.message ==
        "the matrix expands to 600 stages, and the plan's matrices to more than 1000 in all (max_matrix_expansions)");
  CHECK(loads(two_waves, PlanLimits{}));  // 1,200 of the default 100,000
}

TEST_CASE("gates past max_gates are refused at the gates of the stage that goes past, expansions counted") {
  PlanLimits limits;
  limits.max_gates = 5;
  const Diagnostic d = only_problem(stages_plan(stage("a", gates(2)) + "," + stage("w", matrix(2) + gates(2))), limits);
  CHECK(d.kind == "limit");
  CHECK(d.pointer == "/stages/1/gates");
  CHECK(d.message == "the plan has more than 5 gates after matrix expansion (max_gates)");
  limits.max_gates = 6;
  CHECK(loads(stages_plan(stage("a", gates(2)) + "," + stage("w", matrix(2) + gates(2))), limits));
}

TEST_CASE("more facts than max_facts are refused at the facts object") {
  PlanLimits limits;
  limits.max_facts = 1;
  const Diagnostic d = only_problem(
      R"({"rollgate": 1, "facts": {"a": {"type": "int"}, "b": {"type": "int"}}, "stages": [{"id": "s"}]})", limits);
  CHECK(d.kind == "limit");
  CHECK(d.pointer == "/facts");
  CHECK(d.message == "the plan declares 2 facts, more than the limit of 1 (max_facts)");
}

TEST_CASE("an id longer than max_id_bytes is refused where it is written, without quoting it") {
  PlanLimits limits;
  limits.max_id_bytes = 8;
  SUBCASE("a stage id") {
    const Diagnostic d = only_problem(stages_plan(stage("abcdefghi")), limits);
    CHECK(d.pointer == "/stages/0/id");
    CHECK(d.message == "a stage id of 9 bytes, longer than the limit of 8 (max_id_bytes)");
  }
  SUBCASE("an expansion's id, the matrix values included") {
    const Diagnostic d = only_problem(stages_plan(stage("wave", R"(, "matrix": {"r": ["north", "s"]})")), limits);
    CHECK(d.pointer == "/stages/0/matrix");
    CHECK(d.message == "an expansion's stage id of 10 bytes, longer than the limit of 8 (max_id_bytes)");
  }
  SUBCASE("a gate id") {
    const Diagnostic d = only_problem(stages_plan(stage("s", R"(, "gates": [{"id": "abcdefghi", "expr": "true"}])")), limits);
    CHECK(d.pointer == "/stages/0/gates/0/id");
    CHECK(d.message == "a gate id of 9 bytes, longer than the limit of 8 (max_id_bytes)");
  }
  SUBCASE("a fact name, at its key") {
    const Diagnostic d =
        only_problem(R"({"rollgate": 1, "facts": {"abcdefghi": {"type": "int"}}, "stages": [{"id": "s"}]})", limits);
    CHECK(d.pointer == "/facts/abcdefghi");
    CHECK(d.column == 27);
    CHECK(d.message == "a fact name of 9 bytes, longer than the limit of 8 (max_id_bytes)");
  }
  SUBCASE("an owner") {
    const Diagnostic d = only_problem(stages_plan(stage("s", R"(, "owner": "abcdefghi")")), limits);
    CHECK(d.pointer == "/stages/0/owner");
    CHECK(d.message == "'owner' of 9 bytes, longer than the limit of 8 (max_id_bytes)");
  }
  SUBCASE("a stage named by 'after'") {
    const Diagnostic d = only_problem(stages_plan(stage("s", R"(, "after": ["abcdefghi"])")), limits);
    CHECK(d.pointer == "/stages/0/after/0");
    CHECK(d.message == "'after' names a stage id of 9 bytes, longer than the limit of 8 (max_id_bytes)");
  }
}

TEST_CASE("a title longer than max_title_bytes is refused at the title") {
  PlanLimits limits;
  limits.max_title_bytes = 4;
  const Diagnostic d = only_problem(stages_plan(stage("s", R"(, "title": "Pilot")")), limits);
  CHECK(d.pointer == "/stages/0/title");
  CHECK(d.message == "a title of 5 bytes, longer than the limit of 4 (max_title_bytes)");
}

TEST_CASE("an expression longer than max_expression_bytes is refused at it, naming the gate, before it is parsed") {
  PlanLimits limits;
  limits.max_expression_bytes = 12;
  const Diagnostic d =
      only_problem(stages_plan(stage("s", R"(, "gates": [{"id": "g", "expr": "1 + 1 == 2 && ("}])")), limits);
  CHECK(d.kind == "limit");  // not the syntax error it also has
  CHECK(d.pointer == "/stages/0/gates/0/expr");
  CHECK(d.subject == "s/g");
  CHECK(d.message == "an expression of 15 bytes, longer than the limit of 12 (max_expression_bytes)");
}
