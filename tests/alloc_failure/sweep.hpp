// The sweep itself (alloc_failure_sweep.cpp has the whole story): one step
// of the C ABI run with its 1st, 2nd, 3rd, ... allocation failing, and what
// every run must leave behind.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "rollgate.h"

namespace alloc_failure {

// What one run of a step left behind, once checked and freed.
struct Outcome {
  std::string output;   // what the step produced, compared with the run without failures
  std::string problem;  // a broken promise of the C ABI, "" when none
};

// One call (or short sequence of calls) through the C ABI, swept.
struct Step {
  std::string name;
  rollgate_status expected = ROLLGATE_OK;  // its status when nothing fails
  std::function<void()> prepare;           // makes what the call needs (not armed)
  std::function<rollgate_status()> call;   // armed
  // Checks the outputs, the handles the step used, and frees what it made.
  std::function<Outcome(rollgate_status)> finish;
  // The step fills one entry of a bounded process-wide cache each time it
  // succeeds far enough: the live allocations may then grow by as much as
  // they do in the run without failures, and by nothing else.
  bool fills_a_cache = false;
};

// What the sweep counted, for its summary and docs/RELIABILITY.md.
struct Tally {
  std::uint64_t steps = 0;
  std::uint64_t runs = 0;      // failing runs swept
  std::uint64_t absorbed = 0;  // failing runs that still gave the expected result
  std::uint64_t largest = 0;   // most allocations of one step
  std::uint64_t findings = 0;  // broken promises, each printed (the first 50)

  void finding(const std::string& step, std::uint64_t n, const std::string& what);
};

// The earlier handles every run must leave usable: a plan, and a session
// made from it at the start, whose first evaluation is `json`.
struct Witness {
  rollgate_plan* plan = nullptr;
  rollgate_session* session = nullptr;
  std::int64_t now = 0;
  std::string json;

  // The session's first evaluation again (its state cleared), as JSON.
  std::string evaluate_again() const;
};

// Runs `step` once without failures (its reference output), then with the
// N-th allocation failing for N = 1, 1 + stride, ... until it runs without
// reaching the failing allocation; prints its allocations.
void sweep(const Step& step, const Witness& witness, std::uint64_t stride, Tally& tally);

// The step and N being run, for a crash handler: a NUL-terminated text that
// is always valid and is written without allocating.
const char* sweep_position();

}  // namespace alloc_failure
