// rollgate::SessionOptions and Session::set_options (the C++ API over
// rollgate_session_options): limits reach the gates, whole-evaluation
// bounds throw Error with their status, and the session carries on.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include <rollgate/rollgate.hpp>

namespace {

constexpr std::int64_t kT0 = 1795428000;  // 2026-11-23T10:00:00Z

const char* kPlan = R"json({"rollgate": 1, "name": "api",
  "facts": {"s": {"type": "string"}},
  "stages": [{"id": "a", "gates": [{"id": "concat", "expr": "size(s + s) > 0"}]}]})json";

}  // namespace

TEST_CASE("SessionOptions::defaults gives the default limits as numbers") {
  const rollgate::SessionOptions d = rollgate::SessionOptions::defaults();
  CHECK(d.max_cost == 10'000'000u);
  CHECK(d.max_iterations == 1'000'000u);
  CHECK(d.max_string_bytes == 1u << 20);
  CHECK(d.max_list_size == 100'000u);
  CHECK(d.max_total_cost == 1'000'000'000u);
  CHECK(d.max_bytes == 64u << 20);
  CHECK(d.max_total_bytes == 1u << 30);
  CHECK_FALSE(d.deadline);
  CHECK((d.cancel == nullptr));
}

TEST_CASE("Session::set_options: a per-gate limit makes the gate an error") {
  rollgate::Plan plan = rollgate::Plan::compile(kPlan);
  rollgate::Session session(plan);
  session.set_inputs(R"({"facts": {"s": "abcdefghij"}})");
  rollgate::SessionOptions options;
  options.max_string_bytes = 16;
  session.set_options(options);
  const std::string json = session.evaluate(kT0).json();
  CHECK(json.find("max_string_bytes limit exceeded: more than 16 bytes in a string") != std::string::npos);
  session.set_options(rollgate::SessionOptions{});
  CHECK(session.evaluate(kT0).json().find("max_string_bytes") == std::string::npos);
}

TEST_CASE("Session::set_options: a past deadline and a set flag throw, and the session carries on") {
  rollgate::Plan plan = rollgate::Plan::compile(kPlan);
  rollgate::Session session(plan);
  session.set_inputs(R"({"facts": {"s": "abc"}})");
  session.evaluate(kT0);
  const std::string state = session.state();

  rollgate::SessionOptions options;
  options.deadline = std::chrono::system_clock::time_point{} + std::chrono::seconds(kT0);
  session.set_options(options);
  try {
    session.evaluate(kT0 + 60);
    FAIL("not stopped");
  } catch (const rollgate::Error& e) {
    CHECK(e.code() == ROLLGATE_ETIMEOUT);
    CHECK(std::string(e.what()).find("deadline, 2026-11-23T10:00:00Z") != std::string::npos);
  }
  CHECK(session.state() == state);

  volatile std::int32_t flag = 1;
  options = rollgate::SessionOptions{};
  options.cancel = &flag;
  session.set_options(options);
  CHECK_THROWS_AS(session.what_if(R"({"facts": {"s": "x"}})", kT0 + 60), rollgate::Error);
  try {
    session.evaluate(kT0 + 60);
    FAIL("not stopped");
  } catch (const rollgate::Error& e) {
    CHECK(e.code() == ROLLGATE_ECANCELLED);
  }
  CHECK(session.state() == state);
  flag = 0;
  CHECK(session.evaluate(kT0 + 60).json().find("\"status\": \"pass\"") != std::string::npos);
}
