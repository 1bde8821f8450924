// rollgate_session_options.cancel: another thread sets the flag and the
// evaluation in progress stops with ROLLGATE_ECANCELLED, leaving the
// session's state as it was.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

#include <rollgate/rollgate.hpp>

namespace {

constexpr std::int64_t kT0 = 1795428000;  // 2026-11-23T10:00:00Z

// One gate of 10^9 comprehension iterations over a list of 1,000: minutes
// of work, unless stopped.
const char* kPlan = R"json({"rollgate": 1, "name": "cancel",
  "facts": {"big": {"type": "list(int)"}},
  "stages": [{"id": "long", "gates": [{"id": "cube", "expr": "big.all(x, big.all(y, big.all(z, z >= 0)))"}]}]})json";

std::string thousand() {
  std::string out = "[";
  for (int i = 0; i < 1000; ++i) out += (i ? "," : "") + std::to_string(i);
  return out + "]";
}

}  // namespace

TEST_CASE("Session::set_options: another thread's flag stops a long evaluation") {
  rollgate::Plan plan = rollgate::Plan::compile(kPlan);
  rollgate::Session session(plan);
  session.set_inputs(R"({"facts": {"big": )" + thousand() + "}}");
  volatile std::int32_t flag = 0;
  rollgate::SessionOptions options;
  options.max_iterations = 2'000'000'000;
  options.max_cost = 1'000'000'000'000'000;
  options.max_total_cost = 1'000'000'000'000'000;
  options.cancel = &flag;
  session.set_options(options);
  std::thread canceller([&flag] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    __atomic_store_n(&flag, 1, __ATOMIC_RELAXED);
  });
  rollgate_status code = ROLLGATE_OK;
  try {
    session.evaluate(kT0);
  } catch (const rollgate::Error& e) {
    code = e.code();
  }
  canceller.join();
  CHECK(code == ROLLGATE_ECANCELLED);
  CHECK(session.state().empty());
}
