// The C++ API's Report over the C ABI: the whole held-back set of a blocker.
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
