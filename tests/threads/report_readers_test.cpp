// One report read through the C ABI by many threads at once: the strings a
// reader lends are made once, under a lock, and every thread gets the same.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include <rollgate/rollgate.hpp>

namespace {

constexpr std::int64_t kNow = 1795341600;  // 2026-11-22T10:00:00Z

// A chain of `stages` stages of 5 gates each over 10 int facts, and facts
// that make about half of the gates fail: many stages and blockers to
// format at once.
std::string chain_plan(int stages) {
  std::string out = R"({"rollgate": 1, "name": "chain", "facts": {)";
  for (int f = 0; f < 10; ++f) out += (f ? "," : "") + std::string("\"f") + std::to_string(f) + R"(": {"type": "int"})";
  out += R"(}, "stages": [)";
  for (int s = 0; s < stages; ++s) {
    out += (s ? "," : "") + std::string(R"({"id": "s)") + std::to_string(s) + "\"";
    if (s) out += R"(, "after": ["s)" + std::to_string(s - 1) + "\"]";
    out += R"(, "gates": [)";
    for (int g = 0; g < 5; ++g)
      out += (g ? "," : "") + std::string(R"({"id": "g)") + std::to_string(g) + R"(", "expr": "f)" +
             std::to_string((s + g) % 10) + " > " + std::to_string(g) + "\", \"owner\": \"team\"}";
    out += "]}";
  }
  return out + "]}";
}

const char* kChainFacts = R"({"facts": {"f0": 0, "f1": 9, "f2": 1, "f3": 8, "f4": 2, "f5": 7, "f6": 3, "f7": 6,
  "f8": 4, "f9": 5}})";

}  // namespace

TEST_CASE("a report read by many threads at once gives each the same strings, made once") {
  const rollgate::Plan plan = rollgate::Plan::compile(chain_plan(300));
  // Two reports of the same inputs at the same instant: one read alone for
  // the reference, one read by every thread from the start, so that the
  // threads race to make its strings.
  rollgate::Session alone(plan), shared(plan);
  alone.set_inputs(kChainFacts);
  shared.set_inputs(kChainFacts);
  const rollgate::Report reference = alone.evaluate(kNow);
  const rollgate::Report report = shared.evaluate(kNow);

  std::vector<std::string> want;
  for (std::size_t s = 0; s < reference.stage_count(); ++s)
    for (std::size_t g = 0; g < reference.stage(s).gate_count; ++g)
      want.push_back(reference.gate(s, g).value + "|" + reference.gate(s, g).message);
  for (const rollgate::Blocker& b : reference.blockers()) want.push_back(b.message);
  REQUIRE(reference.blockers().size() > 100);

  constexpr int kThreads = 8;
  std::atomic<int> ready{0};
  std::vector<std::vector<std::string>> got(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      // Each thread reads the stages from a different one on, and the
      // blockers first or last, through the C ABI's borrowed pointers.
      const rollgate_report* native = report.native_handle();
      const std::size_t stages = rollgate_report_stage_count(native);
      std::vector<std::string> gates;
      std::vector<std::string> blockers;
      auto read_blockers = [&] {
        for (std::size_t i = 0; i < rollgate_report_blocker_count(native); ++i) {
          rollgate_blocker_info info = ROLLGATE_BLOCKER_INFO_INIT;
          if (rollgate_report_blocker(&info, native, i, nullptr) == ROLLGATE_OK) blockers.emplace_back(info.message);
        }
      };
      if (t % 2) read_blockers();
      std::vector<std::vector<std::string>> by_stage(stages);
      for (std::size_t k = 0; k < stages; ++k) {
        const std::size_t s = (k + std::size_t(t)) % stages;
        rollgate_stage_info stage = ROLLGATE_STAGE_INFO_INIT;
        if (rollgate_report_stage(&stage, native, s, nullptr) != ROLLGATE_OK) continue;
        for (std::size_t g = 0; g < stage.gate_count; ++g) {
          rollgate_gate_info info = ROLLGATE_GATE_INFO_INIT;
          if (rollgate_report_gate(&info, native, s, g, nullptr) == ROLLGATE_OK)
            by_stage[s].push_back(std::string(info.value) + "|" + info.message);
        }
      }
      if (t % 2 == 0) read_blockers();
      for (auto& stage : by_stage) got[std::size_t(t)].insert(got[std::size_t(t)].end(), stage.begin(), stage.end());
      got[std::size_t(t)].insert(got[std::size_t(t)].end(), blockers.begin(), blockers.end());
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) CHECK(got[std::size_t(t)] == want);

  // Made once: every read of a gate lends the same pointer.
  rollgate_gate_info a = ROLLGATE_GATE_INFO_INIT, b = ROLLGATE_GATE_INFO_INIT;
  REQUIRE(rollgate_report_gate(&a, report.native_handle(), 0, 0, nullptr) == ROLLGATE_OK);
  REQUIRE(rollgate_report_gate(&b, report.native_handle(), 0, 0, nullptr) == ROLLGATE_OK);
  CHECK(a.message == b.message);
}
