// Fuzz target: the facts loader.  Any bytes as the facts document of the
// fixture plan (a fact of every type), as a kept patch over good facts,
// and as a what-if patch; each accepted document is evaluated and its
// report read every way.
#include "fixture.hpp"

using namespace rollgate_fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const char* text = reinterpret_cast<const char*>(data);
  rollgate_error* err = nullptr;

  rollgate_session* session = fixture_session(fixture_plan(), nullptr);
  if (rollgate_session_set_inputs(session, text, size, "facts.json", &err) == ROLLGATE_OK) {
    evaluate_and_read(session, kNow);
    char* inputs = nullptr;
    if (rollgate_session_inputs(&inputs, nullptr, session, &err) != ROLLGATE_OK) std::abort();
    rollgate_free(inputs);
  } else {
    drain(err);
  }
  rollgate_session_free(session);

  session = fixture_session(fixture_plan(), kFacts);
  rollgate_report* report = nullptr;
  if (rollgate_session_what_if(&report, session, text, size, "patch.json", kNow, 0, &err) == ROLLGATE_OK) {
    read_report(report);
  } else {
    drain(err);
  }
  rollgate_report_free(report);
  if (rollgate_session_update_inputs(session, text, size, "progress.json", &err) == ROLLGATE_OK) {
    evaluate_and_read(session, kNow);
  } else {
    drain(err);
  }
  rollgate_session_free(session);
  return 0;
}
