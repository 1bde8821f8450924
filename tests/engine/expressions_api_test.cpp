// The C++ API over rollgate_session_evaluate_expr and
// rollgate_session_update_inputs (issue 9: `rollgate expr`, `explain` and
// `--progress` stand on them), and rollgate::format_timestamp.
#include <doctest/doctest.h>

#include <string>

#include <rollgate/rollgate.hpp>

namespace {

constexpr rollgate::Timestamp kNow{1795424400, 0};  // 2026-11-23T09:00:00Z

const char* kPlan = R"json({"rollgate": 1, "name": "api",
  "facts": {"n": {"type": "int"}, "ok": {"type": "bool"}},
  "stages": [{"id": "a", "gates": [{"id": "g", "expr": "n > 3 && ok"}]}, {"id": "b", "after": ["a"]}]})json";

}  // namespace

TEST_CASE("Session::evaluate_expr returns the value, its CEL text and type, and leaves the session as it was") {
  rollgate::Plan plan = rollgate::Plan::compile(kPlan);
  rollgate::Session session(plan);
  session.set_inputs(R"({"facts": {"n": 5, "ok": false}})");
  const std::string before = session.inputs();
  const std::string json = session.evaluate_expr("n * 2", kNow);
  CHECK(json.find("\"type\": \"int\"") != std::string::npos);
  CHECK(json.find("\"cel\": \"10\"") != std::string::npos);
  const std::string explained = session.evaluate_expr("n > 3 && ok", kNow, true);
  CHECK(explained.find("\"expr\": \"ok\",\n      \"offset\": 9,\n      \"outcome\": \"false\"") != std::string::npos);
  CHECK(session.inputs() == before);
}

TEST_CASE("Session::evaluate_expr throws a located EINPUT for an expression that does not type-check") {
  rollgate::Plan plan = rollgate::Plan::compile(kPlan);
  rollgate::Session session(plan);
  try {
    session.evaluate_expr("n + 'x'", kNow);
    FAIL("no error");
  } catch (const rollgate::Error& e) {
    CHECK(e.code() == ROLLGATE_EINPUT);
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].kind == "cel-type");
    CHECK(e.problems()[0].column == 3);
  }
}

TEST_CASE("Session::update_inputs merges progress over the facts, all or nothing") {
  rollgate::Plan plan = rollgate::Plan::compile(kPlan);
  rollgate::Session session(plan);
  session.set_inputs(R"({"facts": {"n": 5, "ok": true}})");
  session.update_inputs(R"({"progress": {"a": {"state": "done"}}})", "progress.json");
  rollgate::Report report = session.evaluate(kNow.seconds);
  CHECK(report.stage("a").status == rollgate::StageStatus::Done);
  CHECK(report.stage("b").status == rollgate::StageStatus::Ready);
  CHECK_THROWS_AS(session.update_inputs(R"({"progress": {"c": {"state": "done"}}})", "progress.json"), rollgate::Error);
  CHECK(session.inputs().find("\"c\"") == std::string::npos);
}

TEST_CASE("format_timestamp writes what parse_timestamp reads") {
  CHECK(rollgate::format_timestamp(kNow.seconds) == "2026-11-23T09:00:00Z");
  CHECK(rollgate::format_timestamp(kNow.seconds, 500000000) == "2026-11-23T09:00:00.500Z");
  CHECK(rollgate::parse_timestamp(rollgate::format_timestamp(kNow.seconds, 7)) == std::pair<std::int64_t, std::int32_t>{kNow.seconds, 7});
  CHECK_THROWS_AS(rollgate::format_timestamp(0, -1), rollgate::Error);
}
