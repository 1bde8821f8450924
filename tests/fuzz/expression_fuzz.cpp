// Fuzz target: CEL.  Any bytes as an expression over the fixture plan's
// facts (one of every type) at a fixed instant, broken down into its
// operands: parsing, checking, planning, evaluating and rendering values.
#include "fixture.hpp"

using namespace rollgate_fuzz;

namespace {
rollgate_session* fixture() {
  static rollgate_session* session = fixture_session(fixture_plan(), kFacts);
  return session;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  char* json = nullptr;
  rollgate_error* err = nullptr;
  if (rollgate_session_evaluate_expr(&json, nullptr, fixture(), reinterpret_cast<const char*>(data), size,
                                     ROLLGATE_EXPR_OPERANDS, kNow, 0, &err) != ROLLGATE_OK) {
    drain(err);
  }
  rollgate_free(json);
  return 0;
}
