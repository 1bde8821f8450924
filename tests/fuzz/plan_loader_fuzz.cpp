// Fuzz target: the plan loader.  Any bytes as a plan document; a plan that
// compiles is read through every introspection function, then evaluated
// (with the fixture's facts, most of which it will not declare) and its
// report read every way.
#include "fixture.hpp"

using namespace rollgate_fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rollgate_plan* plan = nullptr;
  rollgate_error* err = nullptr;
  if (rollgate_plan_compile(&plan, reinterpret_cast<const char*>(data), size, "plan.json", &err) != ROLLGATE_OK) {
    drain(err);
    return 0;
  }
  read_plan(plan);
  rollgate_session* session = nullptr;
  if (rollgate_session_new(&session, plan, nullptr) != ROLLGATE_OK) std::abort();
  limit_for_fuzzing(session);
  // Undeclared facts only warn, so the fixture's facts give the plan's gates
  // something to read when the names happen to match.
  if (rollgate_session_set_inputs(session, kFacts, ROLLGATE_NUL_TERMINATED, "facts.json", &err) != ROLLGATE_OK)
    drain(err);
  evaluate_and_read(session, kNow);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
  return 0;
}
