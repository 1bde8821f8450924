// What the fuzz targets share: a plan that declares a fact of every type
// and reads each in gates of every kind, facts for it, and small helpers
// that drain a rollgate_error the way a careful embedder would (reading
// every problem, so that the error paths are fuzzed too).
//
// The targets use only the C ABI (capi/rollgate.h): what an embedder can
// reach is what a hostile input can reach.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "rollgate.h"

namespace rollgate_fuzz {

// 2026-11-23T09:00:00Z, the instant of the examples' facts.
inline constexpr int64_t kNow = 1795424400;

inline constexpr const char kPlan[] = R"json({
  "rollgate": 1,
  "name": "fuzz-fixture",
  "title": "Every fact type, every gate kind",
  "owners": ["fuzz"],
  "target": "full",
  "defaults": { "max_age": "336h" },
  "facts": {
    "flag":     { "type": "bool", "owner": "ops" },
    "count":    { "type": "int" },
    "total":    { "type": "uint" },
    "ratio":    { "type": "double", "unit": "%", "max_age": "24h" },
    "name":     { "type": "string" },
    "blob":     { "type": "bytes" },
    "started":  { "type": "timestamp" },
    "window":   { "type": "duration" },
    "regions":  { "type": "list(string)" },
    "scores":   { "type": "map(string, int)" },
    "nested":   { "type": "map(string, list(double))" },
    "anything": { "type": "dyn" }
  },
  "freezes": [ { "from": "2026-12-20T00:00:00Z", "to": "2027-01-02T00:00:00Z",
                 "reason": "holiday freeze", "stages": ["wave"] } ],
  "stages": [
    { "id": "pilot", "title": "Pilot", "owner": "pmo",
      "gates": [
        { "id": "flag", "expr": "flag" },
        { "id": "count", "expr": "count > 3 && total >= 10u", "hold_for": "1h" },
        { "id": "ratio", "expr": "ratio >= 99.5 || name.startsWith('ok')", "kind": "should", "weight": 2 },
        { "id": "blob", "expr": "size(blob) < 100 && string(blob).matches('^[a-z]*$')", "kind": "advisory" },
        { "id": "time", "expr": "now - started > window && started.getHours('Europe/Oslo') < 23" }
      ],
      "approvals": [ { "role": "security", "min": 1, "max_age": "720h" } ] },
    { "id": "wave", "title": "Wave ${region}", "owner": "lead-${region}", "after": ["pilot"],
      "matrix": { "region": ["north", "south"] }, "order": "sequential",
      "min_score": 0.5,
      "gates": [
        { "id": "listed", "expr": "'${region}' in regions" },
        { "id": "scored", "expr": "scores.exists(k, scores[k] > 2) && regions.all(r, size(r) > 0)", "kind": "should" },
        { "id": "nested", "expr": "nested.exists(k, nested[k].exists(x, x > 0.5))", "kind": "should" },
        { "id": "any", "expr": "anything == 1 || type(anything) == string", "kind": "advisory" }
      ] },
    { "id": "full", "title": "Everyone", "owner": "pmo", "after": ["wave"],
      "gates": [ { "id": "stages", "expr": "stages.pilot.state == 'done' && now - stages.pilot.done_at >= duration('1h') || count >= 0" } ] }
  ]
})json";

inline constexpr const char kFacts[] = R"json({
  "facts": {
    "flag": true,
    "count": { "value": 5, "observed_at": "2026-11-23T08:00:00Z", "source": "ci", "evidence": "https://ci/1" },
    "total": 12,
    "ratio": { "value": 99.7, "observed_at": "2026-11-23T08:30:00Z" },
    "name": "ok-pilot",
    "blob": "aGVsbG8=",
    "started": "2026-11-20T10:00:00Z",
    "window": "48h",
    "regions": ["north", "south"],
    "scores": { "north": 3, "south": 1 },
    "nested": { "a": [0.1, 0.9] },
    "anything": 1
  },
  "progress": { "pilot": { "state": "done", "started_at": "2026-11-21T09:00:00Z", "done_at": "2026-11-22T09:00:00Z" } },
  "approvals": [ { "stage": "pilot", "role": "security", "by": "ana", "at": "2026-11-22T08:00:00Z" } ]
})json";

// Reads every problem of `err` (what an embedder shows a person), then
// frees it.  NULL is fine.
inline void drain(rollgate_error* err) {
  if (!err) return;
  (void)rollgate_error_code(err);
  (void)rollgate_error_message(err);
  const size_t count = rollgate_error_count(err);
  for (size_t i = 0; i < count; ++i) {
    rollgate_problem problem = ROLLGATE_PROBLEM_INIT;
    rollgate_error* inner = nullptr;
    (void)rollgate_error_problem(&problem, err, i, &inner);
    rollgate_error_free(inner);
  }
  rollgate_error_free(err);
}

// Compiles `json`; aborts when a fixed text of the targets stops compiling
// (a bug in the fixture, not a finding).
inline rollgate_plan* compile_fixture(const char* json) {
  rollgate_plan* plan = nullptr;
  rollgate_error* err = nullptr;
  if (rollgate_plan_compile(&plan, json, ROLLGATE_NUL_TERMINATED, "fixture.json", &err) != ROLLGATE_OK) {
    drain(err);
    std::abort();
  }
  return plan;
}

// Small limits: a fuzzer wants many short runs, and a runaway expression
// found at these limits is just as much a finding at the defaults.
inline void limit_for_fuzzing(rollgate_session* session) {
  rollgate_session_options options;
  rollgate_session_options_init(&options, ROLLGATE_SESSION_OPTIONS_VERSION);
  options.max_cost = 200000;
  options.max_total_cost = 2000000;
  options.max_iterations = 20000;
  options.max_bytes = 8u << 20;
  options.max_total_bytes = 32u << 20;
  rollgate_error* err = nullptr;
  if (rollgate_session_set_options(session, &options, &err) != ROLLGATE_OK) {
    drain(err);
    std::abort();
  }
}

// Renders a report every way the ABI offers and reads every reader, as a
// portal would; aborts when a reader refuses an index the report itself
// gave (a finding).
void read_report(const rollgate_report* report);

// The fixture plan, compiled once for the process (plans are immutable
// and shared by every session made from them).
const rollgate_plan* fixture_plan();

// Reads the whole plan through the introspection functions.
void read_plan(const rollgate_plan* plan);

// Evaluates at `now` and reads the report; an evaluation error is drained.
void evaluate_and_read(rollgate_session* session, int64_t now);

// A session of `plan` under the fuzzing limits, with the inputs `facts`
// (NULL: none).
rollgate_session* fixture_session(const rollgate_plan* plan, const char* facts);

}  // namespace rollgate_fuzz
