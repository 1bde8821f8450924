// Consumer of the installed rollgate package, through the C++ API.
#include <rollgate/rollgate.hpp>

#include <chrono>
#include <iostream>
#include <optional>
#include <string>

namespace {

// A two-stage plan: "pilot" is gated on one int fact, "rollout" follows it.
constexpr const char* kPlan = R"({
  "rollgate": 1,
  "name": "consumer-demo",
  "target": "rollout",
  "facts": { "pilot.advisors": { "type": "int" } },
  "stages": [
    { "id": "pilot",
      "gates": [ { "id": "advisors", "expr": "pilot.advisors >= 8" } ] },
    { "id": "rollout", "after": ["pilot"] }
  ]
})";

}  // namespace

int main() {
  try {
    if (rollgate::version() != ROLLGATE_VERSION_NUMBER ||
        rollgate::abi_version() != ROLLGATE_ABI_VERSION) {
      std::cerr << "header/library mismatch: librollgate " << rollgate::version_string()
                << "\n";
      return 1;
    }
    // The session keeps the native plan alive: the Plan object may go first.
    std::optional<rollgate::Session> owner;
    std::string digest;
    {
      const rollgate::Plan plan = rollgate::Plan::compile(kPlan, "consumer-plan.json");
      std::cout << "plan " << plan.name() << " " << plan.digest() << "\n";
      digest = plan.digest();
      owner.emplace(plan);
    }
    rollgate::Session& session = *owner;
    session.set_inputs(R"({"facts": {"pilot.advisors": 9},
                           "progress": {"pilot": {"state": "done"}}})");
    const auto [seconds, nanos] = rollgate::parse_timestamp("2026-11-22T12:00:00Z");
    const rollgate::Report report = session.evaluate(seconds, nanos);
    std::cout << "librollgate " << rollgate::version_string() << "\n"
              << report.text() << "target_met " << std::boolalpha << report.target_met()
              << "\n";
    if (!report.target_met() || report.json().find(digest) == std::string::npos) {
      std::cerr << "expected the target to be met, and the digest in the report\n";
      return 1;
    }
    // A std::chrono instant gives the same report as the same instant in seconds.
    const auto instant = std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
    if (session.evaluate(instant).json() != report.json()) {
      std::cerr << "evaluate(time_point) disagrees with evaluate(seconds, nanos)\n";
      return 1;
    }

    // A value that does not convert to the declared type is an input error
    // naming the fact; the session keeps its previous inputs.
    try {
      session.set_fact("pilot.advisors", "3.5");
      std::cerr << "3.5 was accepted for an int fact\n";
      return 1;
    } catch (const rollgate::Error& e) {
      std::cout << "expected error (" << e.status_string() << "): " << e.what() << "\n";
      if (e.code() != ROLLGATE_EINPUT ||
          std::string(e.what()).find("pilot.advisors") == std::string::npos) {
        std::cerr << "the error lacks its code or the fact's name\n";
        return 1;
      }
    }
    if (!session.evaluate(seconds, nanos).target_met()) {
      std::cerr << "a failed set_fact changed the inputs\n";
      return 1;
    }

    // Errors carry their location.
    try {
      rollgate::Plan::compile(R"({"rollgate": 1, "stages": [{"id": "a", "after": ["b"]}]})",
                              "broken.json");
      std::cerr << "an unknown 'after' target was accepted\n";
      return 1;
    } catch (const rollgate::Error& e) {
      std::cout << "expected error (" << e.status_string() << "): " << e.what() << "\n";
      if (e.code() != ROLLGATE_EPLAN || e.problems().empty() ||
          e.problems().front().pointer.empty()) {
        std::cerr << "the error lacks its code or location\n";
        return 1;
      }
    }
    std::cout << "consumer ok\n";
    return 0;
  } catch (const rollgate::Error& e) {
    std::cerr << "rollgate error " << e.code() << ": " << e.what() << "\n";
    return 2;
  }
}
