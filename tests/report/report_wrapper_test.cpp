// The C++ API's Report over the C ABI: the whole held-back set of a blocker,
// and one stage rendered alone.
#include <doctest/doctest.h>

#include <rollgate/rollgate.hpp>

TEST_CASE("Report::holds_back gives every stage a blocker holds back, and throws for an unknown id") {
  rollgate::Plan plan = rollgate::Plan::compile(R"({"rollgate": 1, "name": "w", "facts": {"ok": {"type": "bool"}},
    "stages": [{"id": "a", "gates": [{"id": "ok", "expr": "ok"}]}, {"id": "b", "after": ["a"]},
               {"id": "c", "after": ["b"]}]})");
  rollgate::Session session(plan);
  session.set_inputs(R"({"facts": {"ok": false}})");
  rollgate::Report report = session.evaluate(1795428000);
  CHECK(report.holds_back("a/ok") == "[\n  \"a\",\n  \"b\",\n  \"c\"\n]");
  CHECK(report.json().find("\"holds_back_count\": 3") != std::string::npos);
  try {
    (void)report.holds_back("b");
    CHECK_MESSAGE(false, "expected an Error");
  } catch (const rollgate::Error& e) {
    CHECK(e.code() == ROLLGATE_EINPUT);
    CHECK(std::string(e.what()).find("'b' is not a blocker") != std::string::npos);
  }
}

TEST_CASE("Report::stage_json gives one stage as the report has it, and throws for an index past the plan") {
  rollgate::Plan plan = rollgate::Plan::compile(R"({"rollgate": 1, "name": "w", "facts": {"ok": {"type": "bool"}},
    "stages": [{"id": "a", "gates": [{"id": "ok", "expr": "ok"}, {"id": "yes", "expr": "true"}]},
               {"id": "b", "after": ["a"]}]})");
  rollgate::Session session(plan);
  session.set_inputs(R"({"facts": {"ok": false}})");
  rollgate::Report report = session.evaluate(1795428000);
  const std::string full = report.json(ROLLGATE_JSON_COMPACT);
  const std::string one = report.stage_json(0, ROLLGATE_JSON_COMPACT);
  const std::string prefix = R"({"report_version":1,"plan":{"name":"w","title":null,"digest":")";
  CHECK(one.rfind(prefix, 0) == 0);
  const std::size_t begin = one.find(R"("stage":{)") + std::string(R"("stage":)").size();
  const std::size_t end = one.find(R"(,"drift":[]})");
  REQUIRE(end != std::string::npos);
  CHECK(full.find(one.substr(begin, end - begin)) != std::string::npos);  // the report's own entry
  CHECK(one.find(R"("id":"b")") == std::string::npos);

  const std::string summary = report.stage_json(0, ROLLGATE_JSON_COMPACT | ROLLGATE_JSON_SUMMARY);
  CHECK(summary.find(R"("passing_gates":1)") != std::string::npos);
  CHECK(one.find(R"("id":"yes")") != std::string::npos);
  CHECK(summary.find(R"("id":"yes")") == std::string::npos);
  try {
    (void)report.stage_json(2);
    CHECK_MESSAGE(false, "expected an Error");
  } catch (const rollgate::Error& e) {
    CHECK(e.code() == ROLLGATE_EINVAL);
    CHECK(std::string(e.what()).find("stage index 2 is out of range") != std::string::npos);
  }
}
