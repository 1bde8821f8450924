// Fuzz target: the state loader.  Any bytes as a saved state of the
// fixture plan; an accepted state is evaluated from (soaks, drift and
// transitions read it), saved again and restored into a second session.
#include "fixture.hpp"

using namespace rollgate_fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rollgate_error* err = nullptr;
  rollgate_session* session = fixture_session(fixture_plan(), kFacts);
  if (rollgate_session_set_state(session, reinterpret_cast<const char*>(data), size, "state.json", &err) != ROLLGATE_OK) {
    drain(err);
    rollgate_session_free(session);
    return 0;
  }
  evaluate_and_read(session, kNow);
  char* saved = nullptr;
  size_t saved_len = 0;
  if (rollgate_session_state(&saved, &saved_len, session, &err) != ROLLGATE_OK) std::abort();
  // What rollgate saved it must read back.
  rollgate_session* again = fixture_session(fixture_plan(), kFacts);
  if (rollgate_session_set_state(again, saved, saved_len, "saved.json", &err) != ROLLGATE_OK) std::abort();
  evaluate_and_read(again, kNow + 3600);
  rollgate_session_free(again);
  rollgate_free(saved);
  rollgate_session_free(session);
  return 0;
}
