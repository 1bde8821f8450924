// The C++ API's errors over rollgate_error_problem: every Problem carries
// its kind, suggestion and subject kind (include/rollgate/error.hpp).
#include <doctest/doctest.h>

#include <rollgate/rollgate.hpp>

#include <algorithm>
#include <string>

namespace {

// The Error that compiling `text` throws.
rollgate::Error compile_error(const std::string& text, const std::string& file_name = "") {
  try {
    (void)rollgate::Plan::compile(text, file_name);
  } catch (const rollgate::Error& e) {
    return e;
  }
  FAIL("expected an Error");
  return rollgate::Error(ROLLGATE_OK, "");
}

const rollgate::Problem& problem_with(const rollgate::Error& e, const std::string& words) {
  const auto& problems = e.problems();
  auto it = std::find_if(problems.begin(), problems.end(), [&](const rollgate::Problem& p) {
    return p.message.find(words) != std::string::npos;
  });
  INFO(e.what());
  REQUIRE(it != problems.end());
  return *it;
}

}  // namespace

TEST_CASE("a C++ Problem carries kind, suggestion, subject and subject kind") {
  rollgate::Error e = compile_error(R"({"rollgate": 1, "facts": {"uptime": {"type": "double", "unti": "%"}},
    "stages": [{"id": "w", "matrix": {"n": [1, 2]}, "titel": "W",
                "gates": [{"id": "g", "expr": "uptme > 1.0"}]}]})",
                                    "plan.json");
  CHECK(e.code() == ROLLGATE_EPLAN);
  const rollgate::Problem& cel = problem_with(e, "undeclared reference to 'uptme'");
  CHECK(cel.kind == "cel-type");
  CHECK(cel.suggestion == "uptime");
  CHECK(cel.subject == "w/g");
  CHECK(cel.subject_kind == rollgate::SubjectKind::Gate);
  CHECK(cel.file == "plan.json");
  CHECK(cel.line == 3);
  const rollgate::Problem& stage = problem_with(e, "unknown field 'titel'");
  CHECK(stage.kind == "unknown-field");
  CHECK(stage.subject == "w");
  CHECK(stage.subject_kind == rollgate::SubjectKind::Stage);
  const rollgate::Problem& fact = problem_with(e, "unknown field 'unti'");
  CHECK(fact.subject == "uptime");
  CHECK(fact.subject_kind == rollgate::SubjectKind::Fact);
  CHECK(fact.suggestion == "unit");
}

TEST_CASE("the C++ API names no file unless it is given one") {
  rollgate::Error e = compile_error("{\"rollgate\": 1, \"stages\": [{\"id\": \"a\", \"after\": [\"zz\"]}]}");
  REQUIRE(e.problems().size() == 1);
  const rollgate::Problem& p = e.problems()[0];
  CHECK(p.file == "");
  CHECK(p.kind == "unknown-id");
  CHECK(p.subject_kind == rollgate::SubjectKind::Stage);
  CHECK(std::string(e.what()).rfind("1:50: /stages/0/after/0:", 0) == 0);

  rollgate::Plan plan = rollgate::Plan::compile(R"({"rollgate": 1, "facts": {"n": {"type": "int"}},
    "stages": [{"id": "a"}]})");
  rollgate::Session session(plan);
  try {
    session.set_inputs(R"({"facts": {"n": -9223372036854775809}})");
    FAIL("expected an Error");
  } catch (const rollgate::Error& err) {
    REQUIRE(err.problems().size() == 1);
    CHECK(err.problems()[0].file == "");
    CHECK(err.problems()[0].kind == "out-of-range");
    CHECK(err.problems()[0].subject_kind == rollgate::SubjectKind::Fact);
    CHECK(std::string(err.what()).find("facts.json") == std::string::npos);
  }
}
