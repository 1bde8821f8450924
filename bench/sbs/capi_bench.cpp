// rollgate_sbs_capi: rollgate through its C ABI (capi/rollgate.h only) on a
// side-by-side workload written by rollgate_sbs_gen.
//
//   rollgate_sbs_capi DIR [--quick] [--compile-only]
//
// Measures, in process CPU time (timing.hpp): compiling plan.json (JSON
// parsing included) per gate and per MB; set_inputs of facts.json; a full
// evaluation (the session's state cleared before each, so every evaluation
// is a first one), median over at least 3 runs and 1 s (0.1 s with
// --quick); an evaluation again with nothing changed (state kept); one
// set_fact followed by an evaluation; rendering the JSON and text reports
// and their sizes; peak memory (getrusage maxrss deltas) per gate.  Counts
// the gates that pass and the stages of each status from the JSON report.
// Prints a RESULT line (key=value) on stdout, details on stderr.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "rollgate.h"
#include "slurp.hpp"
#include "timing.hpp"
#include "workload.hpp"

namespace {

using sbs::cpu_seconds;
using sbs::slurp;

[[noreturn]] void die(const char* what, rollgate_error* err) {
  std::fprintf(stderr, "%s failed: %s\n", what, err ? rollgate_error_message(err) : "?");
  rollgate_error_free(err);
  std::exit(1);
}

// Just enough of a JSON reader to count /stages/*/status and
// /stages/*/gates/*/status in a report (valid JSON from rollgate).
struct ReportCounter {
  const char* p;
  const char* end;
  size_t pass = 0, gates = 0, done = 0, blocked = 0, waiting = 0, ready = 0, other = 0;

  void ws() { while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p; }
  std::string str() {  // at '"'
    std::string out;
    ++p;
    while (*p != '"') {
      if (*p == '\\') ++p;
      out += *p++;
    }
    ++p;
    return out;
  }
  // depth: 0 anywhere, 1 the top object, 2 the stages array, 3 a stage,
  // 4 a stage's gates array, 5 a gate.
  void value(int where) {
    ws();
    if (*p == '{') {
      ++p;
      ws();
      if (*p == '}') { ++p; return; }
      for (;;) {
        ws();
        std::string key = str();
        ws();
        ++p;  // ':'
        ws();
        int child = 0;
        if (where == 1 && key == "stages") child = 2;
        if (where == 3 && key == "gates") child = 4;
        if ((where == 3 || where == 5) && key == "status" && *p == '"') {
          std::string s = str();
          if (where == 5) {
            ++gates;
            pass += s == "pass";
          } else if (s == "done") ++done;
          else if (s == "blocked") ++blocked;
          else if (s == "waiting") ++waiting;
          else if (s == "ready") ++ready;
          else ++other;
        } else {
          value(child);
        }
        ws();
        if (*p == ',') { ++p; continue; }
        ++p;  // '}'
        return;
      }
    }
    if (*p == '[') {
      ++p;
      ws();
      if (*p == ']') { ++p; return; }
      for (;;) {
        value(where == 2 ? 3 : where == 4 ? 5 : 0);
        ws();
        if (*p == ',') { ++p; continue; }
        ++p;  // ']'
        return;
      }
    }
    if (*p == '"') { str(); return; }
    while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n') ++p;  // scalar
  }
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [--quick]\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  bool quick = false, compile_only = false;
  for (int k = 2; k < argc; ++k) {
    quick |= std::strcmp(argv[k], "--quick") == 0;
    compile_only |= std::strcmp(argv[k], "--compile-only") == 0;
  }
  const double budget = quick ? 0.1 : 1.0;
  const std::string plan_text = slurp(dir + "/plan.json");
  const std::string facts_text = slurp(dir + "/facts.json");
  const long rss0 = sbs::maxrss_kb();
  rollgate_error* err = nullptr;

  // Compile: the first one also gives the memory of a compiled plan.
  std::vector<double> compile_times;
  rollgate_plan* plan = nullptr;
  double t0 = cpu_seconds();
  if (rollgate_plan_compile(&plan, plan_text.data(), plan_text.size(), "plan.json", &err) != ROLLGATE_OK)
    die("rollgate_plan_compile", err);
  compile_times.push_back(cpu_seconds() - t0);
  const long rss_plan = sbs::maxrss_kb();
  while (compile_times.size() < 5 && compile_times.front() * double(compile_times.size()) < budget) {
    rollgate_plan* again = nullptr;
    t0 = cpu_seconds();
    if (rollgate_plan_compile(&again, plan_text.data(), plan_text.size(), "plan.json", &err) != ROLLGATE_OK)
      die("rollgate_plan_compile", err);
    compile_times.push_back(cpu_seconds() - t0);
    rollgate_plan_free(again);
  }
  const double compile_s = median(compile_times);
  if (compile_only) {  // for sizes whose evaluation is known to take hours
    const double n = double(plan_text.size()) / 1e6;
    size_t g = 0;
    for (size_t at = plan_text.find("\"expr\""); at != std::string::npos; at = plan_text.find("\"expr\"", at + 1)) ++g;
    std::fprintf(stderr, "rollgate (C ABI): %zu gates; compile %.3f s; not evaluated (--compile-only)\n", g, compile_s);
    std::printf("RESULT engine=rollgate gates=%zu compile_us_per_gate=%.4f compile_s=%.4f compile_ms_per_mb=%.2f "
                "plan_mb=%.2f mem_bytes_per_gate=%.0f not_evaluated=1\n",
                g, compile_s * 1e6 / double(g), compile_s, compile_s * 1e3 / n, n, double(rss_plan - rss0) * 1024 / double(g));
    rollgate_plan_free(plan);
    return 0;
  }

  rollgate_session* session = nullptr;
  if (rollgate_session_new(&session, plan, &err) != ROLLGATE_OK) die("rollgate_session_new", err);
  t0 = cpu_seconds();
  if (rollgate_session_set_inputs(session, facts_text.data(), facts_text.size(), "facts.json", &err) != ROLLGATE_OK)
    die("rollgate_session_set_inputs", err);
  const double set_inputs_s = cpu_seconds() - t0;

  // Full evaluations: state cleared before each.
  std::vector<double> evals;
  rollgate_report* report = nullptr;
  const double loop_start = cpu_seconds();
  while (evals.size() < 3 || cpu_seconds() - loop_start < budget) {
    // The host is done with the last report, then asks for a fresh
    // evaluation (as py_bench.py does): the session reuses its memory.
    rollgate_report_free(report);
    report = nullptr;
    rollgate_session_clear_state(session, nullptr);
    t0 = cpu_seconds();
    if (rollgate_session_evaluate(&report, session, sbs::kNow, 0, &err) != ROLLGATE_OK)
      die("rollgate_session_evaluate", err);
    evals.push_back(cpu_seconds() - t0);
    if (evals.size() >= 20000) break;
  }
  const double eval_s = median(evals);

  // Rendering.
  char* json = nullptr;
  size_t json_len = 0;
  t0 = cpu_seconds();
  if (rollgate_report_json(&json, &json_len, report, &err) != ROLLGATE_OK) die("rollgate_report_json", err);
  const double json_s = cpu_seconds() - t0;
  char* text = nullptr;
  size_t text_len = 0;
  t0 = cpu_seconds();
  if (rollgate_report_text(&text, &text_len, report, &err) != ROLLGATE_OK) die("rollgate_report_text", err);
  const double text_s = cpu_seconds() - t0;
  rollgate_free(text);
  // The summary layout for organisation-sized plans: compact, and only the
  // gates that do not pass listed.
  char* brief = nullptr;
  size_t brief_len = 0;
  rollgate_json_options brief_options = ROLLGATE_JSON_OPTIONS_INIT;
  brief_options.flags = ROLLGATE_JSON_COMPACT | ROLLGATE_JSON_SUMMARY;
  t0 = cpu_seconds();
  if (rollgate_report_json_with(&brief, &brief_len, report, &brief_options, &err) != ROLLGATE_OK)
    die("rollgate_report_json_with", err);
  const double brief_s = cpu_seconds() - t0;
  rollgate_free(brief);
  ReportCounter count{json, json + json_len};
  count.value(1);
  rollgate_free(json);
  rollgate_report_free(report);
  report = nullptr;

  // Again with nothing changed (the session keeps the last state), then one
  // fact change followed by an evaluation.
  std::vector<double> again_times, change_times;
  for (int k = 0; k < (quick ? 2 : 3); ++k) {
    t0 = cpu_seconds();
    if (rollgate_session_evaluate(&report, session, sbs::kNow, 0, &err) != ROLLGATE_OK)
      die("rollgate_session_evaluate", err);
    again_times.push_back(cpu_seconds() - t0);
    rollgate_report_free(report);
    report = nullptr;
  }
  for (int k = 0; k < (quick ? 2 : 5); ++k) {
    const char* value = k % 2 ? "5" : "995";  // i0 is an int fact
    t0 = cpu_seconds();
    if (rollgate_session_set_fact(session, "i0", 2, value, std::strlen(value), &err) != ROLLGATE_OK)
      die("rollgate_session_set_fact", err);
    if (rollgate_session_evaluate(&report, session, sbs::kNow, 0, &err) != ROLLGATE_OK)
      die("rollgate_session_evaluate", err);
    change_times.push_back(cpu_seconds() - t0);
    rollgate_report_free(report);
    report = nullptr;
  }
  const long rss_end = sbs::maxrss_kb();
  rollgate_session_free(session);
  rollgate_plan_free(plan);

  const double G = double(count.gates);
  const double mb = double(plan_text.size()) / 1e6;
  std::fprintf(stderr,
               "rollgate (C ABI): %zu gates, %zu stages; compile %.3f s (%zu runs), set_inputs %.3f s, full evaluation "
               "%.3f ms (%zu runs), again %.3f ms, set_fact+evaluate %.3f ms, JSON report %.3f ms / %.1f MB, text "
               "report %.3f ms / %.1f MB\n",
               count.gates, count.done + count.blocked + count.waiting + count.ready + count.other, compile_s,
               compile_times.size(), set_inputs_s, eval_s * 1e3, evals.size(), median(again_times) * 1e3,
               median(change_times) * 1e3, json_s * 1e3, double(json_len) / 1e6, text_s * 1e3, double(text_len) / 1e6);
  std::printf("RESULT engine=rollgate gates=%zu ns_per_gate=%.2f eval_ms=%.4f evals=%zu compile_us_per_gate=%.4f "
              "compile_s=%.4f compile_ms_per_mb=%.2f plan_mb=%.2f set_inputs_ms=%.3f again_ms=%.4f change_ms=%.4f "
              "json_ms=%.3f json_mb=%.3f json_bytes_per_stage=%.0f summary_json_ms=%.3f summary_json_mb=%.3f "
              "summary_json_bytes_per_stage=%.0f text_ms=%.3f text_mb=%.3f "
              "mem_bytes_per_gate=%.0f peak_bytes_per_gate=%.0f true_gates=%zu stages_done=%zu stages_blocked=%zu "
              "stages_waiting=%zu stages_ready=%zu stages_other=%zu\n",
              count.gates, eval_s * 1e9 / G, eval_s * 1e3, evals.size(), compile_s * 1e6 / G, compile_s,
              compile_s * 1e3 / mb, mb, set_inputs_s * 1e3, median(again_times) * 1e3, median(change_times) * 1e3,
              json_s * 1e3, double(json_len) / 1e6,
              double(json_len) / double(count.done + count.blocked + count.waiting + count.ready + count.other),
              brief_s * 1e3, double(brief_len) / 1e6,
              double(brief_len) / double(count.done + count.blocked + count.waiting + count.ready + count.other),
              text_s * 1e3, double(text_len) / 1e6, double(rss_plan - rss0) * 1024 / G,
              double(rss_end - rss0) * 1024 / G, count.pass, count.done, count.blocked, count.waiting, count.ready,
              count.other);
  return 0;
}
