#include "sweep.hpp"

#include <cstdio>
#include <utility>
#include <vector>

#include "failing_allocator.hpp"

namespace alloc_failure {

namespace {

// Where the sweep is: written before each run, outside the armed window
// (snprintf into a fixed buffer allocates nothing), read by a crash handler.
char position[512] = "starting";

std::string status_text(rollgate_status status) {
  return std::to_string(int(status)) + " (" + rollgate_status_string(status) + ")";
}

// Whether a run's status and output keep the C ABI's promise; counts the
// failures absorbed.
void judge(const Step& step, std::uint64_t n, rollgate_status status, bool injected, const Outcome& outcome,
           const Outcome& reference, Tally& tally) {
  if (!outcome.problem.empty()) tally.finding(step.name, n, outcome.problem);
  if (!injected) {
    if (status != step.expected) tally.finding(step.name, n, "status " + status_text(status) + " without failure");
  } else if (status == step.expected) {
    if (outcome.output == reference.output)
      ++tally.absorbed;
    else
      tally.finding(step.name, n, "the failure was absorbed into a different result");
  } else if (status != ROLLGATE_ENOMEM) {
    tally.finding(step.name, n, "status " + status_text(status) + ", not ROLLGATE_ENOMEM");
  }
}

}  // namespace

void Tally::finding(const std::string& step, std::uint64_t n, const std::string& what) {
  if (++findings <= 50)
    std::fprintf(stderr, "FINDING: %s, allocation %llu fails: %s\n", step.c_str(), static_cast<unsigned long long>(n),
                 what.c_str());
}

std::string Witness::evaluate_again() const {
  rollgate_report* report = nullptr;
  char* buffer = nullptr;
  size_t length = 0;
  if (rollgate_session_clear_state(session, nullptr) != ROLLGATE_OK) return "<clear_state failed>";
  if (rollgate_session_evaluate(&report, session, now, 0, nullptr) != ROLLGATE_OK) return "<evaluate failed>";
  const rollgate_status status = rollgate_report_json(&buffer, &length, report, nullptr);
  rollgate_report_free(report);
  std::string text = status == ROLLGATE_OK ? std::string(buffer, length) : "<report_json failed>";
  rollgate_free(buffer);
  return text;
}

// Checks what the failing runs of a cache-filling step left (N, count,
// in the order of N) against `whole_entry`, what the run without a failure
// left: the counts never decrease, the last part are the whole entry, and
// before it there is at most one smaller count (the first part of it).
void report_kept_counts(const Step& step, const std::vector<std::pair<std::uint64_t, std::int64_t>>& kept,
                        std::int64_t whole_entry, Tally& tally) {
  std::int64_t partial = -1;
  std::int64_t previous = 0;
  for (const auto& [at, count] : kept) {
    const bool ordered = count >= previous && count <= whole_entry;
    const bool known = count == whole_entry || partial == -1 || count == partial;
    if (!ordered || !known)
      tally.finding(step.name, at, "leaked " + std::to_string(count) + " allocations (a cache entry is " +
                                       std::to_string(whole_entry) + ")");
    if (count != whole_entry) partial = count;
    previous = count;
  }
}

void sweep(const Step& step, const Witness& witness, std::uint64_t stride, Tally& tally) {
  // The run without failures gives the reference output, and makes any
  // lazily made process-wide state (which then stays) before leaks count.
  step.prepare();
  const rollgate_status status0 = step.call();
  const Outcome reference = step.finish(status0);
  if (status0 != step.expected || !reference.problem.empty()) {
    tally.finding(step.name, 0, "without failures: status " + status_text(status0) + " " + reference.problem);
    return;
  }
  ++tally.steps;
  const std::uint64_t absorbed_before = tally.absorbed;
  // A step that fills a cache leaves an entry behind whenever it got as
  // far as storing one.  A matches() pattern's entry is stored in two
  // parts: the compiled program, then the DFA states its first search
  // builds (dropped if that search fails).  So what failing runs leave is
  // 0, the program alone, or the whole entry: what the last run (the one
  // without a failure) leaves; and in that order as N grows.  Any other
  // count is a leak.  (The reference run is no measure: it also makes lazy
  // process-wide state.)
  std::vector<std::pair<std::uint64_t, std::int64_t>> kept;
  for (std::uint64_t n = 1;; n += stride) {
    std::snprintf(position, sizeof position, "%s, allocation %llu fails", step.name.c_str(),
                  static_cast<unsigned long long>(n));
    const std::int64_t live_before = live_allocations();
    step.prepare();
    const std::uint64_t start = allocations();
    arm(n);
    const rollgate_status status = step.call();
    const bool injected = disarm();
    const std::uint64_t made = allocations() - start;
    tally.runs += injected ? 1 : 0;
    judge(step, n, status, injected, step.finish(status), reference, tally);  // the outcome is freed here
    const std::int64_t leaked = live_allocations() - live_before;
    if (leaked != 0 && step.fills_a_cache)
      kept.emplace_back(n, leaked);
    else if (leaked != 0)
      tally.finding(step.name, n, "leaked " + std::to_string(leaked) + " allocations");
    if (witness.evaluate_again() != witness.json)
      tally.finding(step.name, n, "an earlier session evaluates differently");
    if (!injected) {
      report_kept_counts(step, kept, leaked, tally);
      if (made > tally.largest) tally.largest = made;
      std::printf("  %s: %llu allocations, %llu failures absorbed\n", step.name.c_str(),
                  static_cast<unsigned long long>(made),
                  static_cast<unsigned long long>(tally.absorbed - absorbed_before));
      return;
    }
  }
}

const char* sweep_position() { return position; }

}  // namespace alloc_failure
