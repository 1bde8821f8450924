/* Evaluation options through the C ABI (rollgate_session_options): per-gate
 * limits make a gate an error and the evaluation goes on; max_total_cost,
 * the deadline and the cancellation flag stop it with ROLLGATE_ELIMIT,
 * ROLLGATE_ETIMEOUT or ROLLGATE_ECANCELLED and leave the session as it
 * was.  Written in C against rollgate.h only; no check depends on timing.
 * The last line is "N passed, N failed". */
#define _POSIX_C_SOURCE 200809L
#include <rollgate.h>

#include "check.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


/* 2026-11-23T10:00:00Z, and an hour later. */
static const int64_t kT0 = 1795428000;
static const int64_t kT1 = 1795431600;

/* Stage a's gates each meet one per-gate limit when the limits are small;
 * b's gate reads n and items; c's gate runs a billion comprehension
 * iterations when `big` holds a thousand elements (and is unknown, so
 * cheap, while `big` is missing). */
static const char *kPlan =
    "{\"rollgate\": 1, \"name\": \"limits\", \"target\": \"c\",\n"
    " \"facts\": {\"n\": {\"type\": \"int\"}, \"s\": {\"type\": \"string\"},\n"
    "           \"items\": {\"type\": \"list(int)\"}, \"big\": {\"type\": \"list(int)\"}},\n"
    " \"stages\": [\n"
    "  {\"id\": \"a\", \"gates\": [\n"
    "    {\"id\": \"small\", \"expr\": \"n > 1\"},\n"
    "    {\"id\": \"concat\", \"expr\": \"size(s + s) > 0\"},\n"
    "    {\"id\": \"mapped\", \"expr\": \"items.map(x, x * 2).size() > 0\"},\n"
    "    {\"id\": \"nested\", \"expr\": \"items.all(x, items.all(y, y > 0))\"}]},\n"
    "  {\"id\": \"b\", \"after\": [\"a\"], \"gates\": [{\"id\": \"over\", \"expr\": \"items.all(x, x > n - 100)\"}]},\n"
    "  {\"id\": \"c\", \"after\": [\"b\"], \"gates\": [\n"
    "    {\"id\": \"huge\", \"expr\": \"big.all(x, big.all(y, big.all(z, z >= 0)))\"}]}]}";

static const char *kInputs =
    "{\"facts\": {\"n\": 5, \"s\": \"abcdefghij\", \"items\": [1, 2, 3, 4, 5]}}";

static rollgate_plan *compile_plan(void) {
  rollgate_plan *plan = NULL;
  rollgate_error *err = NULL;
  if (rollgate_plan_compile(&plan, kPlan, ROLLGATE_NUL_TERMINATED, NULL, &err) != ROLLGATE_OK) {
    fprintf(stderr, "plan: %s\n", rollgate_error_message(err));
    exit(2);
  }
  return plan;
}

static rollgate_session *new_session(const rollgate_plan *plan) {
  rollgate_session *session = NULL;
  if (rollgate_session_new(&session, plan, NULL) != ROLLGATE_OK) exit(2);
  if (rollgate_session_set_inputs(session, kInputs, ROLLGATE_NUL_TERMINATED, NULL, NULL) != ROLLGATE_OK)
    exit(2);
  return session;
}

/* The compact JSON of a report (freed by the caller with rollgate_free). */
static char *report_json(const rollgate_report *report) {
  rollgate_json_options options = ROLLGATE_JSON_OPTIONS_INIT;
  char *json = NULL;
  options.flags = ROLLGATE_JSON_COMPACT;
  if (rollgate_report_json_with(&json, NULL, report, &options, NULL) != ROLLGATE_OK) exit(2);
  return json;
}

static char *state_json(const rollgate_session *session) {
  char *json = NULL;
  if (rollgate_session_state(&json, NULL, session, NULL) != ROLLGATE_OK) exit(2);
  return json;
}

static int same_text(const char *a, const char *b) {
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The status word of gate `id` in a compact report, in a static buffer
 * ("" when not found). */
static const char *gate_status(const char *json, const char *id) {
  static char status[32];
  char key[256];
  const char *at, *start, *end;
  snprintf(key, sizeof key, "\"id\":\"%s\",", id);
  at = strstr(json, key);
  start = at ? strstr(at, "\"status\":\"") : NULL;
  status[0] = '\0';
  if (!start) return status;
  start += strlen("\"status\":\"");
  end = strchr(start, '"');
  if (end && (size_t)(end - start) < sizeof status) {
    memcpy(status, start, (size_t)(end - start));
    status[end - start] = '\0';
  }
  return status;
}

static void test_options_init_and_set(void) {
  rollgate_session_options options;
  rollgate_session_options zero = ROLLGATE_SESSION_OPTIONS_INIT;
  rollgate_plan *plan = compile_plan();
  rollgate_session *session = new_session(plan);
  rollgate_error *err = NULL;

  CHECK(rollgate_session_options_init(&options, ROLLGATE_SESSION_OPTIONS_VERSION) == ROLLGATE_OK);
  CHECK(options.version == ROLLGATE_SESSION_OPTIONS_VERSION);
  /* The defaults as numbers (docs/LIMITS.md). */
  CHECK(options.max_cost == 10000000u);
  CHECK(options.max_iterations == 1000000u);
  CHECK(options.max_string_bytes == 1048576u);
  CHECK(options.max_list_size == 100000u);
  CHECK(options.max_total_cost == 1000000000u);
  CHECK(options.max_bytes == 67108864u);
  CHECK(options.max_total_bytes == 1073741824u);
  CHECK(options.has_deadline == 0 && options.cancel == NULL);
  CHECK(rollgate_session_options_init(NULL, ROLLGATE_SESSION_OPTIONS_VERSION) == ROLLGATE_EINVAL);
  CHECK(rollgate_session_options_init(&options, 0) == ROLLGATE_EINVAL);
  CHECK(rollgate_session_options_init(&options, ROLLGATE_SESSION_OPTIONS_VERSION + 1) == ROLLGATE_EINVAL);

  CHECK(rollgate_session_set_options(session, &zero, &err) == ROLLGATE_OK && err == NULL);
  CHECK(rollgate_session_set_options(session, NULL, &err) == ROLLGATE_OK && err == NULL);
  CHECK(rollgate_session_set_options(NULL, &zero, &err) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), "rollgate_session_set_options: session is NULL"));
  rollgate_error_free(err);

  rollgate_session_options_init(&options, ROLLGATE_SESSION_OPTIONS_VERSION);
  options.version = 7;
  CHECK(rollgate_session_set_options(session, &options, &err) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), "rollgate_session_options"));
  rollgate_error_free(err);

  rollgate_session_options_init(&options, ROLLGATE_SESSION_OPTIONS_VERSION);
  options.has_deadline = 1;
  options.deadline_nanos = 1000000000;
  CHECK(rollgate_session_set_options(session, &options, &err) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), "deadline_nanos"));
  rollgate_error_free(err);

  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

static void test_per_gate_limits_make_the_gate_an_error(void) {
  rollgate_plan *plan = compile_plan();
  rollgate_session *session = new_session(plan);
  rollgate_session_options options = ROLLGATE_SESSION_OPTIONS_INIT;
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  char *json;

  /* The defaults: every gate of a and b passes. */
  CHECK(rollgate_session_evaluate(&report, session, kT0, 0, &err) == ROLLGATE_OK);
  json = report_json(report);
  CHECK(strcmp(gate_status(json, "small"), "pass") == 0);
  CHECK(strcmp(gate_status(json, "concat"), "pass") == 0);
  CHECK(strcmp(gate_status(json, "mapped"), "pass") == 0);
  CHECK(strcmp(gate_status(json, "nested"), "pass") == 0);
  rollgate_free(json);
  rollgate_report_free(report);

  options.max_string_bytes = 16;  /* s + s is 20 bytes */
  options.max_list_size = 3;      /* the map builds 5 elements */
  options.max_iterations = 10;    /* the nested all() runs 30 */
  CHECK(rollgate_session_set_options(session, &options, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_evaluate(&report, session, kT0, 0, &err) == ROLLGATE_OK && err == NULL);
  json = report_json(report);
  CHECK(strcmp(gate_status(json, "concat"), "error") == 0);
  CHECK(contains(json, "max_string_bytes limit exceeded: more than 16 bytes in a string"));
  CHECK(strcmp(gate_status(json, "mapped"), "error") == 0);
  CHECK(contains(json, "max_list_size limit exceeded: more than 3 elements in a list or map"));
  CHECK(strcmp(gate_status(json, "nested"), "error") == 0);
  CHECK(contains(json, "max_iterations limit exceeded: more than 10 comprehension iterations"));
  /* The evaluation went on: the other gates have their verdicts. */
  CHECK(strcmp(gate_status(json, "small"), "pass") == 0);
  CHECK(strcmp(gate_status(json, "over"), "pass") == 0);
  rollgate_free(json);
  rollgate_report_free(report);

  /* A cost budget of 5 steps: n > 1 (3 steps) passes, the loops do not fit. */
  rollgate_session_options_init(&options, ROLLGATE_SESSION_OPTIONS_VERSION);
  options.max_cost = 5;
  CHECK(rollgate_session_set_options(session, &options, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_evaluate(&report, session, kT0, 0, NULL) == ROLLGATE_OK);
  json = report_json(report);
  CHECK(strcmp(gate_status(json, "small"), "pass") == 0);
  CHECK(strcmp(gate_status(json, "nested"), "error") == 0);
  CHECK(contains(json, "max_cost limit exceeded: more than 5 steps"));
  rollgate_free(json);
  rollgate_report_free(report);

  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

/* Evaluates at kT0, sets n to 0 (a/small fails, b/over is evaluated
 * again), then evaluates at kT1 under `options`, which must stop it with
 * `expected`; `keep_first` keeps the first report alive meanwhile (the
 * evaluator then copies its evaluation and state instead of changing them
 * in place).  Afterwards the session's state must be the first
 * evaluation's, and evaluating again without options must give exactly
 * what a session never stopped gives. */
static void check_stop_leaves_session_as_it_was(const rollgate_session_options *options,
                                                rollgate_status expected, const char *message,
                                                int keep_first) {
  rollgate_plan *plan = compile_plan();
  rollgate_session *stopped = new_session(plan);
  rollgate_session *never = new_session(plan);
  rollgate_report *first = NULL, *report = NULL, *expected_report = NULL;
  rollgate_error *err = NULL;
  char *state_before, *state_after, *json, *expected_json, *state, *expected_state;

  CHECK(rollgate_session_evaluate(&first, stopped, kT0, 0, NULL) == ROLLGATE_OK);
  if (!keep_first) {
    rollgate_report_free(first);
    first = NULL;
  }
  CHECK(rollgate_session_set_fact(stopped, "n", ROLLGATE_NUL_TERMINATED, "0", ROLLGATE_NUL_TERMINATED, NULL) ==
        ROLLGATE_OK);
  state_before = state_json(stopped);

  CHECK(rollgate_session_set_options(stopped, options, NULL) == ROLLGATE_OK);
  report = (rollgate_report *)1;
  CHECK(rollgate_session_evaluate(&report, stopped, kT1, 0, &err) == expected);
  CHECK(report == NULL);
  CHECK(err != NULL && rollgate_error_code(err) == expected);
  CHECK(contains(rollgate_error_message(err), message));
  if (!contains(rollgate_error_message(err), message))
    fprintf(stderr, "  message: %s\n", rollgate_error_message(err));
  rollgate_error_free(err);
  state_after = state_json(stopped);
  CHECK(same_text(state_before, state_after));

  /* The same evaluation without options, against a session never stopped. */
  CHECK(rollgate_session_set_options(stopped, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_evaluate(&report, stopped, kT1, 0, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_evaluate(&expected_report, never, kT0, 0, NULL) == ROLLGATE_OK);
  rollgate_report_free(expected_report);
  CHECK(rollgate_session_set_fact(never, "n", ROLLGATE_NUL_TERMINATED, "0", ROLLGATE_NUL_TERMINATED, NULL) ==
        ROLLGATE_OK);
  CHECK(rollgate_session_evaluate(&expected_report, never, kT1, 0, NULL) == ROLLGATE_OK);
  json = report_json(report);
  expected_json = report_json(expected_report);
  CHECK(same_text(json, expected_json));
  CHECK(strcmp(gate_status(json, "small"), "fail") == 0);
  CHECK(contains(json, "\"transitions\":[{"));  /* a and a/small changed since kT0 */
  state = state_json(stopped);
  expected_state = state_json(never);
  CHECK(same_text(state, expected_state));

  rollgate_free(state_before);
  rollgate_free(state_after);
  rollgate_free(json);
  rollgate_free(expected_json);
  rollgate_free(state);
  rollgate_free(expected_state);
  rollgate_report_free(first);
  rollgate_report_free(report);
  rollgate_report_free(expected_report);
  rollgate_session_free(stopped);
  rollgate_session_free(never);
  rollgate_plan_free(plan);
}

static void test_total_cost_stops_midway_and_leaves_the_session(void) {
  rollgate_session_options options = ROLLGATE_SESSION_OPTIONS_INIT;
  /* a/small (n > 1) takes 3 steps, b/over more than what is left. */
  options.max_total_cost = 3;
  check_stop_leaves_session_as_it_was(&options, ROLLGATE_ELIMIT,
                                      "gate b/over: evaluation stopped: max_total_cost limit exceeded: more "
                                      "than 3 steps while this gate was being evaluated",
                                      0);
  check_stop_leaves_session_as_it_was(&options, ROLLGATE_ELIMIT, "max_total_cost", 1);
}

static void test_total_bytes_stop_the_evaluation(void) {
  rollgate_session_options options = ROLLGATE_SESSION_OPTIONS_INIT;
  rollgate_plan *plan = compile_plan();
  rollgate_session *session = new_session(plan);
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  /* a/concat builds 20 bytes (s + s), a/mapped a list of 5: past 20 in all. */
  options.max_total_bytes = 20;
  CHECK(rollgate_session_set_options(session, &options, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_evaluate(&report, session, kT0, 0, &err) == ROLLGATE_ELIMIT);
  CHECK(contains(rollgate_error_message(err),
                 "gate a/mapped: evaluation stopped: max_total_bytes limit exceeded: more than 20 bytes built"));
  rollgate_error_free(err);
  err = NULL;
  /* Per gate: the gate is an error and the evaluation goes on. */
  options.max_total_bytes = 0;
  options.max_bytes = 100;
  CHECK(rollgate_session_set_options(session, &options, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_evaluate(&report, session, kT0, 0, &err) == ROLLGATE_OK);
  {
    char *json = report_json(report);
    CHECK(strcmp(gate_status(json, "mapped"), "error") == 0);
    CHECK(contains(json, "max_bytes limit exceeded: more than 100 bytes built"));
    CHECK(strcmp(gate_status(json, "concat"), "pass") == 0);
    rollgate_free(json);
  }
  rollgate_report_free(report);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

static void test_version_1_options_keep_working(void) {
  /* A caller compiled against version 1 has a struct without the byte
   * limits: init writes none of them, and set_options reads none of them. */
  struct {
    rollgate_session_options options;
    char guard[16];
  } v1;
  rollgate_plan *plan = compile_plan();
  rollgate_session *session = new_session(plan);
  memset(&v1, 0x5a, sizeof v1);
  CHECK(rollgate_session_options_init(&v1.options, 1) == ROLLGATE_OK);
  CHECK(v1.options.version == 1 && v1.options.max_total_cost == 1000000000u);
  CHECK(v1.options.max_bytes == 0x5a5a5a5a5a5a5a5aull);  /* untouched */
  CHECK(rollgate_session_set_options(session, &v1.options, NULL) == ROLLGATE_OK);
  {
    rollgate_report *report = NULL;
    CHECK(rollgate_session_evaluate(&report, session, kT0, 0, NULL) == ROLLGATE_OK);
    rollgate_report_free(report);
  }
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

static void test_deadline_in_the_past_times_out(void) {
  rollgate_session_options options = ROLLGATE_SESSION_OPTIONS_INIT;
  options.has_deadline = 1;
  options.deadline_seconds = kT0;  /* 2026: long past when this runs */
  check_stop_leaves_session_as_it_was(&options, ROLLGATE_ETIMEOUT,
                                      "evaluation stopped at its deadline, 2026-11-23T10:00:00Z before it started",
                                      0);
  check_stop_leaves_session_as_it_was(&options, ROLLGATE_ETIMEOUT, "deadline", 1);
}

static void test_flag_set_before_the_call_cancels(void) {
  volatile int32_t cancel = 1;
  rollgate_session_options options = ROLLGATE_SESSION_OPTIONS_INIT;
  options.cancel = &cancel;
  check_stop_leaves_session_as_it_was(&options, ROLLGATE_ECANCELLED, "evaluation cancelled before it started", 0);
  check_stop_leaves_session_as_it_was(&options, ROLLGATE_ECANCELLED, "evaluation cancelled", 1);
}

static void test_what_if_honours_the_options(void) {
  volatile int32_t cancel = 1;
  rollgate_plan *plan = compile_plan();
  rollgate_session *session = new_session(plan);
  rollgate_session_options options = ROLLGATE_SESSION_OPTIONS_INIT;
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  const char *patch = "{\"facts\": {\"n\": 0}}";
  char *before, *after;

  CHECK(rollgate_session_evaluate(&report, session, kT0, 0, NULL) == ROLLGATE_OK);
  rollgate_report_free(report);
  before = state_json(session);
  options.cancel = &cancel;
  CHECK(rollgate_session_set_options(session, &options, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_what_if(&report, session, patch, ROLLGATE_NUL_TERMINATED, NULL, kT1, 0, &err) ==
        ROLLGATE_ECANCELLED);
  CHECK(report == NULL && rollgate_error_code(err) == ROLLGATE_ECANCELLED);
  rollgate_error_free(err);

  options.cancel = NULL;
  options.max_total_cost = 3;  /* the what-if's first evaluation stops at a/concat */
  CHECK(rollgate_session_set_options(session, &options, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_what_if(&report, session, patch, ROLLGATE_NUL_TERMINATED, NULL, kT1, 0, &err) ==
        ROLLGATE_ELIMIT);
  CHECK(contains(rollgate_error_message(err), "what-if"));
  rollgate_error_free(err);
  after = state_json(session);
  CHECK(same_text(before, after));

  CHECK(rollgate_session_set_options(session, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_what_if(&report, session, patch, ROLLGATE_NUL_TERMINATED, NULL, kT1, 0, NULL) ==
        ROLLGATE_OK);
  rollgate_report_free(report);
  rollgate_free(before);
  rollgate_free(after);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

struct canceller {
  volatile int32_t *flag;
};

static void *cancel_soon(void *arg) {
  struct canceller *c = (struct canceller *)arg;
  struct timespec pause = {0, 50 * 1000 * 1000};
  nanosleep(&pause, NULL);
  __atomic_store_n(c->flag, 1, __ATOMIC_RELAXED);
  return NULL;
}

/* c/huge runs 10^9 iterations (minutes) once `big` has 1000 elements; a
 * second thread sets the flag while it runs (or even before it starts:
 * either way the call must return ECANCELLED, so nothing here depends on
 * timing). */
static void test_another_thread_cancels_a_long_evaluation(void) {
  volatile int32_t cancel = 0;
  struct canceller canceller;
  rollgate_plan *plan = compile_plan();
  rollgate_session *session = new_session(plan);
  rollgate_session_options options = ROLLGATE_SESSION_OPTIONS_INIT;
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  pthread_t thread;
  char big[8192];
  size_t used = 0;
  int i;
  char *before, *after;

  used += (size_t)snprintf(big + used, sizeof big - used, "[");
  for (i = 0; i < 1000; ++i) used += (size_t)snprintf(big + used, sizeof big - used, i ? ",%d" : "%d", i);
  snprintf(big + used, sizeof big - used, "]");
  CHECK(rollgate_session_set_fact(session, "big", ROLLGATE_NUL_TERMINATED, big, ROLLGATE_NUL_TERMINATED, NULL) ==
        ROLLGATE_OK);
  before = state_json(session);

  options.max_iterations = 2000000000u;
  options.max_cost = 1000000000000000u;
  options.max_total_cost = 1000000000000000u;
  options.cancel = &cancel;
  CHECK(rollgate_session_set_options(session, &options, NULL) == ROLLGATE_OK);
  canceller.flag = &cancel;
  CHECK(pthread_create(&thread, NULL, cancel_soon, &canceller) == 0);
  CHECK(rollgate_session_evaluate(&report, session, kT0, 0, &err) == ROLLGATE_ECANCELLED);
  pthread_join(thread, NULL);
  CHECK(report == NULL && rollgate_error_code(err) == ROLLGATE_ECANCELLED);
  rollgate_error_free(err);
  after = state_json(session);
  CHECK(same_text(before, after));  /* no state: it had never evaluated */

  rollgate_free(before);
  rollgate_free(after);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

int main(void) {
  test_total_bytes_stop_the_evaluation();
  test_version_1_options_keep_working();
  test_options_init_and_set();
  test_per_gate_limits_make_the_gate_an_error();
  test_total_cost_stops_midway_and_leaves_the_session();
  test_deadline_in_the_past_times_out();
  test_flag_set_before_the_call_cancels();
  test_what_if_honours_the_options();
  test_another_thread_cancels_a_long_evaluation();
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
