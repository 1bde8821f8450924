// rollgate_inputs_bench: session inputs one at a time (issue 8, item 2) on a
// side-by-side workload written by rollgate_sbs_gen (bench/sbs/workload.hpp;
// 1,000,000 gates = 100k stages), through the C ABI only.
//
//   rollgate_inputs_bench DIR [--smoke]
//
// After set_inputs of facts.json and a first (full) evaluation, measures the
// median over 15 rounds (3 with --smoke) of: one typed set
// (rollgate_session_set_fact_int) alone and followed by an evaluation
// (incremental, at the same instant; the value flips some gates, which
// rebuilds the summary), and of the same value again (no flip); the same with rollgate_session_set_fact (JSON); one
// set_progress and one add_approval, each alone and with an evaluation; and
// rollgate_session_inputs once; and an evaluation with nothing changed, for
// comparison.  Reports are freed before the next change, as a service that
// renders and drops them would.  Process CPU time (sbs/timing.hpp), so that
// a machine shared with other work disturbs the numbers less.
// With --smoke it also checks that the evaluation after each change equals
// a full evaluation of the same inputs (JSON report byte for byte).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "rollgate.h"
#include "sbs/slurp.hpp"
#include "sbs/timing.hpp"
#include "sbs/workload.hpp"

namespace {

using sbs::slurp;

// Process CPU time, as a time point for micros_since().
struct Clock {
  using time_point = double;
  static double now() { return sbs::cpu_seconds(); }
};

void ok(rollgate_status status, rollgate_error* err, const char* what) {
  if (status == ROLLGATE_OK) return;
  std::fprintf(stderr, "%s failed: %s\n", what, err ? rollgate_error_message(err) : rollgate_status_string(status));
  std::exit(1);
}

double micros_since(Clock::time_point start) { return (Clock::now() - start) * 1e6; }

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::string report_json(rollgate_report* report) {
  char* json = nullptr;
  rollgate_error* err = nullptr;
  ok(rollgate_report_json(&json, nullptr, report, &err), err, "rollgate_report_json");
  std::string out(json);
  rollgate_free(json);
  return out;
}

struct Bench {
  rollgate_plan* plan = nullptr;
  rollgate_session* session = nullptr;
  bool smoke = false;
  int64_t now = sbs::kNow;

  // Evaluates (the session's incremental path) and, with --smoke, compares
  // with a fresh session's full evaluation from the same state.
  double evaluate(const std::string& state_before) {
    rollgate_report* report = nullptr;
    rollgate_error* err = nullptr;
    auto start = Clock::now();
    // The same instant every time: only the change is new (a moved
    // instant re-evaluates every gate that reads `now`).
    ok(rollgate_session_evaluate(&report, session, now, 0, &err), err, "evaluate");
    double us = micros_since(start);
    if (smoke) check_equals_full(report, state_before);
    rollgate_report_free(report);
    return us;
  }

  std::string state() {
    char* json = nullptr;
    ok(rollgate_session_state(&json, nullptr, session, nullptr), nullptr, "state");
    std::string out = json ? json : "";
    rollgate_free(json);
    return out;
  }

  void check_equals_full(rollgate_report* incremental, const std::string& state_before) {
    rollgate_session* fresh = nullptr;
    rollgate_report* full = nullptr;
    char* inputs = nullptr;
    ok(rollgate_session_new(&fresh, plan, nullptr), nullptr, "session_new");
    ok(rollgate_session_inputs(&inputs, nullptr, session, nullptr), nullptr, "inputs");
    ok(rollgate_session_set_state(fresh, state_before.data(), state_before.size(), nullptr, nullptr), nullptr,
       "set_state");
    ok(rollgate_session_set_inputs(fresh, inputs, ROLLGATE_NUL_TERMINATED, nullptr, nullptr), nullptr,
       "set_inputs");
    ok(rollgate_session_evaluate(&full, fresh, now, 0, nullptr), nullptr, "evaluate");
    if (report_json(incremental) != report_json(full)) {
      std::fprintf(stderr, "the evaluation after a change differs from a full evaluation\n");
      std::exit(1);
    }
    rollgate_free(inputs);
    rollgate_report_free(full);
    rollgate_session_free(fresh);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: rollgate_inputs_bench DIR [--smoke]\n");
    return 2;
  }
  Bench b;
  b.smoke = argc > 2 && std::strcmp(argv[2], "--smoke") == 0;
  const std::string dir = argv[1];
  const std::string plan_text = slurp(dir + "/plan.json");
  const std::string facts = slurp(dir + "/facts.json");
  rollgate_error* err = nullptr;
  ok(rollgate_plan_compile(&b.plan, plan_text.data(), plan_text.size(), nullptr, &err), err, "compile");
  ok(rollgate_session_new(&b.session, b.plan, &err), err, "session_new");
  auto start = Clock::now();
  ok(rollgate_session_set_inputs(b.session, facts.data(), facts.size(), nullptr, &err), err, "set_inputs");
  double set_inputs_ms = micros_since(start) / 1000;
  start = Clock::now();
  rollgate_report* first = nullptr;
  ok(rollgate_session_evaluate(&first, b.session, b.now, 0, &err), err, "evaluate");
  double first_ms = micros_since(start) / 1000;
  rollgate_report_free(first);

  const size_t stages = rollgate_plan_stage_count(b.plan);
  const std::string middle = rollgate_plan_stage_id(b.plan, stages / 2);
  const int rounds = b.smoke ? 3 : 15;
  std::vector<double> typed, typed_eval, json, json_eval, progress, progress_eval, approval, approval_eval, nothing, same,
      same_eval;
  for (int r = 0; r < rounds; ++r) {
    nothing.push_back(b.evaluate(b.smoke ? b.state() : ""));

    // One int fact ("i0", read by about gates/10000 gates).
    std::string before = b.smoke ? b.state() : "";
    start = Clock::now();
    ok(rollgate_session_set_fact_int(b.session, "i0", 2, 500 + r, nullptr, &err), err, "set_fact_int");
    typed.push_back(micros_since(start));
    typed_eval.push_back(b.evaluate(before));

    // The same value again: its gates are evaluated again, no status flips,
    // so no summary is rebuilt.
    before = b.smoke ? b.state() : "";
    start = Clock::now();
    ok(rollgate_session_set_fact_int(b.session, "i0", 2, 500 + r, nullptr, &err), err, "set_fact_int");
    same.push_back(micros_since(start));
    same_eval.push_back(b.evaluate(before));

    before = b.smoke ? b.state() : "";
    std::string value = std::to_string(400 + r);
    start = Clock::now();
    ok(rollgate_session_set_fact(b.session, "i0", 2, value.data(), value.size(), &err), err, "set_fact");
    json.push_back(micros_since(start));
    json_eval.push_back(b.evaluate(before));

    before = b.smoke ? b.state() : "";
    rollgate_progress p = ROLLGATE_PROGRESS_INIT;
    p.state = r % 2 ? ROLLGATE_PROGRESS_IN_PROGRESS : ROLLGATE_PROGRESS_NOT_STARTED;
    start = Clock::now();
    ok(rollgate_session_set_progress(b.session, middle.data(), middle.size(), &p, &err), err, "set_progress");
    progress.push_back(micros_since(start));
    progress_eval.push_back(b.evaluate(before));

    before = b.smoke ? b.state() : "";
    rollgate_approval a = ROLLGATE_APPROVAL_INIT;
    a.stage = middle.c_str();
    a.role = "security";
    a.by = "alice";
    start = Clock::now();
    ok(rollgate_session_add_approval(b.session, &a, &err), err, "add_approval");
    approval.push_back(micros_since(start));
    approval_eval.push_back(b.evaluate(before));
  }
  char* inputs = nullptr;
  size_t inputs_len = 0;
  start = Clock::now();
  ok(rollgate_session_inputs(&inputs, &inputs_len, b.session, &err), err, "inputs");
  double inputs_ms = micros_since(start) / 1000;
  rollgate_free(inputs);

  std::printf("stages=%zu set_inputs_ms=%.1f first_evaluation_ms=%.1f\n", stages, set_inputs_ms, first_ms);
  std::printf("evaluate_nothing_changed_us=%.1f\n", median(nothing));
  std::printf("set_fact_int_us=%.1f set_fact_int_then_evaluate_us=%.1f\n", median(typed),
              median(typed) + median(typed_eval));
  std::printf("set_fact_int_no_flip_us=%.1f set_fact_int_no_flip_then_evaluate_us=%.1f\n", median(same),
              median(same) + median(same_eval));
  std::printf("set_fact_json_us=%.1f set_fact_json_then_evaluate_us=%.1f\n", median(json),
              median(json) + median(json_eval));
  std::printf("set_progress_us=%.1f set_progress_then_evaluate_us=%.1f\n", median(progress),
              median(progress) + median(progress_eval));
  std::printf("add_approval_us=%.1f add_approval_then_evaluate_us=%.1f\n", median(approval),
              median(approval) + median(approval_eval));
  std::printf("inputs_ms=%.1f inputs_bytes=%zu\n", inputs_ms, inputs_len);
  if (b.smoke) std::printf("every evaluation after a change equals a full one\n");
  rollgate_session_free(b.session);
  rollgate_plan_free(b.plan);
  return 0;
}
