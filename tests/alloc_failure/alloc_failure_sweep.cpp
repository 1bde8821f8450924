// The allocation-failure sweep (issue 10, item 4), in SQLite's manner:
// every step of c_abi_steps.cpp, through the C ABI, runs with its 1st, 2nd, 3rd,
// ... allocation failing until it runs without reaching the failing one.  For
// every N:
//   - the step returns ROLLGATE_ENOMEM, with every out-parameter NULL; or
//     it absorbs the failure and returns what it returns without failures,
//     with the same output byte for byte (counted and reported);
//   - nothing leaks: once the step's handles and outputs are freed, the live
//     allocations are back where they were before the step;
//   - the handles made before still work: a session made at the start
//     evaluates to the same report JSON, byte for byte, and a handle the
//     step failed to change is as it was.
// A crash is a finding too: a signal handler names the step and N.
//
//   rollgate_alloc_failure_sweep BAD_PLANS_DIR
//       [--example DIR PLAN FACTS NOW STRIDE]...
// sweeps the failing compiles of BAD_PLANS_DIR's plans, then each example:
// DIR/PLAN with DIR/FACTS evaluated at NOW (RFC 3339), every STRIDE-th N.
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include "c_abi_steps.hpp"
#include "failing_allocator.hpp"
#include "rollgate.h"
#include "sweep.hpp"

using namespace alloc_failure;

namespace {

// Names the step and N that crashed; only async-signal-safe calls.
extern "C" void report_crash(int signal_number) {
  const char prefix[] = "\nalloc-failure sweep CRASHED (signal) at ";
  const char* where = sweep_position();
  (void)!write(2, prefix, sizeof prefix - 1);
  (void)!write(2, where, std::strlen(where));
  (void)!write(2, "\n", 1);
  // Returning re-runs the faulting instruction (or abort() raises again),
  // now with the default action: the process ends with its signal.
  std::signal(signal_number, SIG_DFL);
}

std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::int64_t parse_instant(const char* text) {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;
  if (rollgate_timestamp_parse(&seconds, &nanos, text, ROLLGATE_NUL_TERMINATED, nullptr) != ROLLGATE_OK) {
    std::fprintf(stderr, "not an instant: %s\n", text);
    std::exit(2);
  }
  return seconds;
}

void sweep_example(const std::string& dir, const char* plan, const char* facts, const char* now,
                   std::uint64_t stride, Tally& tally) {
  Example e;
  e.name = dir.substr(dir.find_last_of('/') + 1);
  e.plan_text = read_whole(dir + "/" + plan);
  e.loosened_text = loosen_one_threshold(e.plan_text);
  e.facts_text = read_whole(dir + "/" + facts);
  e.now = parse_instant(now);
  open_example(e);
  Witness witness{e.plan, session_with_facts(e), e.now, ""};
  witness.json = witness.evaluate_again();
  const auto started = std::chrono::steady_clock::now();
  const Tally before = tally;
  for (const Step& step : example_steps(e, witness.json)) sweep(step, witness, stride, tally);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%s (every %llu-th N): %llu failing runs, %llu absorbed, %.1f s\n", e.name.c_str(),
              static_cast<unsigned long long>(stride), static_cast<unsigned long long>(tally.runs - before.runs),
              static_cast<unsigned long long>(tally.absorbed - before.absorbed), seconds);
  rollgate_session_free(witness.session);
  close_example(e);
}

// The failing compiles of the bad plans, their error objects read whole,
// with the smallest example's plan as the earlier handle.
void sweep_bad_plans(const std::string& dir, const std::string& witness_dir, const char* witness_plan,
                     const char* witness_facts, const char* witness_now, Tally& tally) {
  Example e;
  e.name = "witness";
  e.plan_text = read_whole(witness_dir + "/" + witness_plan);
  e.facts_text = read_whole(witness_dir + "/" + witness_facts);
  e.now = parse_instant(witness_now);
  e.plan = compile_or_die(e.plan_text);
  Witness witness{e.plan, session_with_facts(e), e.now, ""};
  witness.json = witness.evaluate_again();
  for (const char* bad :
       {"cel-syntax.json", "cycle.json", "malformed.json", "undeclared-fact.json", "unknown-after.json"}) {
    const rollgate_status expected = std::string(bad) == "malformed.json" ? ROLLGATE_EJSON : ROLLGATE_EPLAN;
    sweep(compile_step(std::string("bad plan ") + bad + ": plan_compile + error readers", read_whole(dir + "/" + bad),
                       expected),
          witness, 1, tally);
  }
  rollgate_session_free(witness.session);
  rollgate_plan_free(e.plan);
}

}  // namespace

int main(int argc, char** argv) {
  bool usage_ok = argc >= 2 && (argc - 2) % 6 == 0;
  for (int i = 2; usage_ok && i < argc; i += 6) usage_ok = std::strcmp(argv[i], "--example") == 0;
  if (!usage_ok) {
    std::fprintf(stderr, "usage: rollgate_alloc_failure_sweep BAD_PLANS_DIR\n"
                         "           [--example DIR PLAN FACTS NOW STRIDE]...\n");
    return 2;
  }
  for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL}) std::signal(sig, report_crash);
  // The interposition must reach the library: with the very first
  // allocation failing, compiling a plan cannot succeed.
  {
    rollgate_plan* plan = nullptr;
    arm(1);
    const rollgate_status status = rollgate_plan_compile(&plan, "{}", 2, nullptr, nullptr);
    if (!disarm() || status != ROLLGATE_ENOMEM) {
      std::fprintf(stderr, "the failing allocator does not reach librollgate (status %d)\n", int(status));
      return 1;
    }
  }
  const auto started = std::chrono::steady_clock::now();
  Tally tally;
  if (argc > 2) sweep_bad_plans(argv[1], argv[3], argv[4], argv[5], argv[6], tally);
  for (int i = 2; i + 5 < argc; i += 6)
    sweep_example(argv[i + 1], argv[i + 2], argv[i + 3], argv[i + 4], std::stoull(argv[i + 5]), tally);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("%llu steps, %llu failing runs (%llu absorbed), most allocations in one step %llu, %.1f s\n",
              static_cast<unsigned long long>(tally.steps), static_cast<unsigned long long>(tally.runs),
              static_cast<unsigned long long>(tally.absorbed), static_cast<unsigned long long>(tally.largest), seconds);
  if (tally.findings) std::printf("%llu findings\n", static_cast<unsigned long long>(tally.findings));
  return tally.findings ? 1 : 0;
}
