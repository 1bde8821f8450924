/* Tests of the C ABI, written in C against rollgate.h only.  Each check
 * prints on failure; the last line is "N passed, N failed". */
#include <rollgate.h>

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char *kPlan =
    "{\"rollgate\": 1, \"name\": \"capi\", \"target\": \"b\",\n"
    " \"facts\": {\"ok\": {\"type\": \"bool\"}, \"n\": {\"type\": \"int\"}},\n"
    " \"stages\": [{\"id\": \"a\", \"gates\": [{\"id\": \"g\", \"expr\": \"ok && n > 1\"}]},\n"
    "            {\"id\": \"b\", \"after\": [\"a\"]}]}";

static void test_versions(void) {
  CHECK(rollgate_version() == ROLLGATE_VERSION_NUMBER);
  CHECK(rollgate_abi_version() == ROLLGATE_ABI_VERSION);
  CHECK(strcmp(rollgate_version_string(), "0.2.0") == 0);
  CHECK(strcmp(rollgate_status_string(ROLLGATE_EPLAN), "invalid plan") == 0);
  CHECK(strcmp(rollgate_status_string(12345), "unknown status") == 0);
}

static void test_null_safety(void) {
  rollgate_plan *plan = (rollgate_plan *)1;
  rollgate_error *err = NULL;
  CHECK(rollgate_plan_compile(NULL, kPlan, ROLLGATE_NUL_TERMINATED, NULL, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_plan_compile(&plan, NULL, 0, NULL, &err) == ROLLGATE_EINVAL);
  CHECK(plan == NULL);
  CHECK(err != NULL && rollgate_error_code(err) == ROLLGATE_EINVAL);
  rollgate_error_free(err);
  CHECK(rollgate_session_new(NULL, NULL, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_session_set_inputs(NULL, "{}", 2, NULL, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_session_evaluate(NULL, NULL, 0, 0, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_report_json(NULL, NULL, NULL, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_report_target_met(NULL) == 0);
  CHECK(strcmp(rollgate_plan_name(NULL), "") == 0);
  CHECK(rollgate_plan_stage_id(NULL, 0) == NULL);
  CHECK(rollgate_error_count(NULL) == 0);
  CHECK(strcmp(rollgate_error_message(NULL), "") == 0);
  rollgate_plan_free(NULL);
  rollgate_session_free(NULL);
  rollgate_report_free(NULL);
  rollgate_error_free(NULL);
  rollgate_free(NULL);
}

static void test_plan_errors_are_located(void) {
  const char *cycle =
      "{\"rollgate\": 1, \"stages\": [\n"
      "  {\"id\": \"a\", \"after\": [\"b\"]},\n"
      "  {\"id\": \"b\", \"after\": [\"a\"]}]}";
  rollgate_plan *plan = NULL;
  rollgate_error *err = NULL;
  rollgate_problem problem = ROLLGATE_PROBLEM_INIT;
  CHECK(rollgate_plan_compile(&plan, cycle, strlen(cycle), "cycle.json", &err) == ROLLGATE_EPLAN);
  CHECK(plan == NULL);
  CHECK(rollgate_error_code(err) == ROLLGATE_EPLAN);
  CHECK(rollgate_error_count(err) == 1);
  CHECK(rollgate_error_problem(&problem, err, 0, NULL) == ROLLGATE_OK);
  CHECK(contains(problem.message, "dependency cycle: a -> b -> a"));
  CHECK(strcmp(problem.kind, "cycle") == 0);
  CHECK(strcmp(problem.file, "cycle.json") == 0);
  CHECK(strcmp(problem.pointer, "/stages/0/after") == 0);
  CHECK(strcmp(problem.subject, "a") == 0);
  CHECK(problem.subject_kind == ROLLGATE_SUBJECT_STAGE);
  CHECK(problem.line == 2);
  CHECK(problem.column == 24);
  CHECK(contains(rollgate_error_message(err), "cycle.json:2:24: /stages/0/after: stage a: dependency cycle"));
  CHECK(rollgate_error_problem(&problem, err, 1, NULL) == ROLLGATE_EINVAL);
  rollgate_error_free(err);

  /* Without a file name, no file is invented: the prefix starts at the line. */
  err = NULL;
  CHECK(rollgate_plan_compile(&plan, "{\"rollgate\": ", ROLLGATE_NUL_TERMINATED, NULL, &err) == ROLLGATE_EJSON);
  CHECK(strncmp(rollgate_error_message(err), "1:", 2) == 0);
  CHECK(!contains(rollgate_error_message(err), "plan.json"));
  rollgate_error_free(err);

  /* A NULL err still gives the status code. */
  CHECK(rollgate_plan_compile(&plan, "[]", 2, NULL, NULL) == ROLLGATE_EPLAN);
}

static void test_evaluate_and_reports(void) {
  rollgate_plan *plan = NULL;
  rollgate_session *session = NULL;
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  char *json = NULL, *text = NULL;
  size_t json_len = 0, text_len = 0;
  int64_t seconds = 0;
  int32_t nanos = 0;

  CHECK(rollgate_plan_compile(&plan, kPlan, ROLLGATE_NUL_TERMINATED, "capi.json", &err) == ROLLGATE_OK);
  CHECK(err == NULL);
  CHECK(strcmp(rollgate_plan_name(plan), "capi") == 0);
  CHECK(strncmp(rollgate_plan_digest(plan), "sha256:", 7) == 0);
  CHECK(rollgate_plan_stage_count(plan) == 2);
  CHECK(strcmp(rollgate_plan_stage_id(plan, 1), "b") == 0);
  CHECK(rollgate_plan_stage_id(plan, 2) == NULL);

  CHECK(rollgate_session_new(&session, plan, &err) == ROLLGATE_OK);
  rollgate_plan_free(plan); /* the session keeps the plan alive */

  CHECK(rollgate_timestamp_parse(&seconds, &nanos, "2026-11-23T10:00:00.5Z", ROLLGATE_NUL_TERMINATED, &err) == ROLLGATE_OK);
  CHECK(seconds == 1795428000);
  CHECK(nanos == 500000000);
  CHECK(rollgate_timestamp_parse(&seconds, &nanos, "tuesday", 7, &err) == ROLLGATE_EINPUT);
  CHECK(seconds == 0);
  rollgate_error_free(err);
  err = NULL;

  /* No facts: the gate is unknown, the target not met. */
  CHECK(rollgate_session_evaluate(&report, session, 1795428000, 0, &err) == ROLLGATE_OK);
  CHECK(rollgate_report_target_met(report) == 0);
  CHECK(rollgate_report_json(&json, &json_len, report, &err) == ROLLGATE_OK);
  CHECK(json_len == strlen(json));
  CHECK(contains(json, "\"status\": \"unknown\""));
  CHECK(contains(json, "\"evaluated_at\": \"2026-11-23T10:00:00Z\""));
  rollgate_free(json);
  rollgate_report_free(report);

  /* Bad inputs are rejected whole and the session keeps what it had. */
  CHECK(rollgate_session_set_inputs(session, "{\"facts\": {\"n\": 1.5}}", ROLLGATE_NUL_TERMINATED, "f.json", &err) == ROLLGATE_EINPUT);
  CHECK(contains(rollgate_error_message(err), "f.json:1:17: /facts/n: fact n: expected int, got 1.5"));
  rollgate_error_free(err);
  err = NULL;
  CHECK(rollgate_session_set_inputs(session, "{\"facts\": ", ROLLGATE_NUL_TERMINATED, NULL, &err) == ROLLGATE_EJSON);
  rollgate_error_free(err);
  err = NULL;

  CHECK(rollgate_session_set_inputs(session, "{\"facts\": {\"ok\": true, \"n\": 2}, \"progress\": {\"a\": {\"state\": \"done\"}}}",
                                    ROLLGATE_NUL_TERMINATED, NULL, &err) == ROLLGATE_OK);
  CHECK(rollgate_session_evaluate(&report, session, 1795428000, 0, &err) == ROLLGATE_OK);
  CHECK(rollgate_report_target_met(report) == 1);
  CHECK(rollgate_report_text(&text, &text_len, report, &err) == ROLLGATE_OK);
  CHECK(contains(text, "NEXT\n  b"));
  rollgate_free(text);
  rollgate_report_free(report);

  /* set_fact changes one fact; a report made before keeps its own inputs. */
  rollgate_report *before = NULL;
  CHECK(rollgate_session_evaluate(&before, session, 1795428000, 0, &err) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact(session, "n", 1, "0", 1, &err) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact(session, "nope", ROLLGATE_NUL_TERMINATED, "0", 1, &err) == ROLLGATE_EINPUT);
  CHECK(contains(rollgate_error_message(err), "'nope' is not declared"));
  rollgate_error_free(err);
  err = NULL;
  CHECK(rollgate_session_set_fact(session, "n", 1, "\"two\"", ROLLGATE_NUL_TERMINATED, &err) == ROLLGATE_EINPUT);
  rollgate_error_free(err);
  err = NULL;
  CHECK(rollgate_session_evaluate(&report, session, 1795428000, 0, &err) == ROLLGATE_OK);
  CHECK(rollgate_report_target_met(before) == 1);
  CHECK(rollgate_report_json(&json, NULL, report, &err) == ROLLGATE_OK);
  CHECK(contains(json, "\"status\": \"fail\""));
  rollgate_free(json);
  rollgate_report_free(report);
  rollgate_report_free(before);

  CHECK(rollgate_session_evaluate(&report, session, 0, 1000000000, &err) == ROLLGATE_EINVAL);
  CHECK(report == NULL);
  rollgate_error_free(err);
  rollgate_session_free(session);
}

/* Each bad plan of tests/data/bad-plans gives its status and a located
 * first problem whose message contains the expected text. */
static void test_bad_plans(const char *dir) {
  static const struct {
    const char *file;
    rollgate_status status;
    const char *pointer;
    int line, column;
    const char *text;
  } cases[] = {
      {"malformed.json", ROLLGATE_EJSON, "", 4, 1, "malformed JSON"},
      {"unknown-after.json", ROLLGATE_EPLAN, "/stages/1/after/0", 4, 31, "unknown stage 'pilto' (did you mean 'pilot'?)"},
      {"cycle.json", ROLLGATE_EPLAN, "/stages/0/after", 3, 27, "dependency cycle: a -> b -> c -> a"},
      {"cel-syntax.json", ROLLGATE_EPLAN, "/stages/0/gates/0/expr", 5, 0, ""},
      {"undeclared-fact.json", ROLLGATE_EPLAN, "/stages/0/gates/0/expr", 6, 46,
       "undeclared reference to 'pilot.departmnts' (did you mean 'pilot.departments'?)"},
  };
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    char path[4096];
    size_t len = 0;
    char *text;
    rollgate_plan *plan = NULL;
    rollgate_error *err = NULL;
    rollgate_problem problem = ROLLGATE_PROBLEM_INIT;
    snprintf(path, sizeof path, "%s/%s", dir, cases[i].file);
    text = read_file(path, &len);
    CHECK(text != NULL);
    if (!text) continue;
    CHECK(rollgate_plan_compile(&plan, text, len, cases[i].file, &err) == cases[i].status);
    CHECK(plan == NULL);
    CHECK(rollgate_error_count(err) >= 1);
    CHECK(rollgate_error_problem(&problem, err, 0, NULL) == ROLLGATE_OK);
    if (problem.message) {
      CHECK(strcmp(problem.file, cases[i].file) == 0);
      CHECK(strcmp(problem.pointer, cases[i].pointer) == 0);
      CHECK(problem.line == cases[i].line);
      CHECK(cases[i].column == 0 ? problem.column > 0 : problem.column == cases[i].column);
      CHECK(contains(problem.message, cases[i].text));
      if (!contains(problem.message, cases[i].text))
        fprintf(stderr, "  %s: %s\n", cases[i].file, problem.message);
    }
    rollgate_error_free(err);
    free(text);
  }
}

/* ------------------------------------------------------------------------
 * State, soak, drift, what-if and plan diff (DESIGN rules 15-21).
 * --------------------------------------------------------------------- */

/* 2026-11-23T10:00:00Z and offsets from it. */
#define T0 ((int64_t)1795428000)
#define HOUR ((int64_t)3600)

/* Stage a: a must-gate that soaks for an hour and one that does not. */
static const char *kSoakPlan =
    "{\"rollgate\": 1, \"name\": \"soak\", \"target\": \"a\",\n"
    " \"facts\": {\"ok\": {\"type\": \"bool\"}, \"n\": {\"type\": \"int\"}},\n"
    " \"stages\": [{\"id\": \"a\", \"gates\": [{\"id\": \"g\", \"expr\": \"ok\", \"hold_for\": \"1h\"},\n"
    "                                     {\"id\": \"m\", \"expr\": \"n > 1\"}]},\n"
    "            {\"id\": \"b\", \"after\": [\"a\"]}]}";

static const char *kSoakFacts = "{\"facts\": {\"ok\": true, \"n\": 2}}";

static rollgate_plan *compile_or_null(const char *text) {
  rollgate_plan *plan = NULL;
  rollgate_error *err = NULL;
  rollgate_status status = rollgate_plan_compile(&plan, text, ROLLGATE_NUL_TERMINATED, "plan.json", &err);
  CHECK(status == ROLLGATE_OK);
  if (status != ROLLGATE_OK) fprintf(stderr, "  %s\n", rollgate_error_message(err));
  rollgate_error_free(err);
  return plan;
}

/* A new session of `plan` with the facts document `facts` (may be NULL). */
static rollgate_session *session_with(const rollgate_plan *plan, const char *facts) {
  rollgate_session *session = NULL;
  CHECK(rollgate_session_new(&session, plan, NULL) == ROLLGATE_OK);
  if (session && facts)
    CHECK(rollgate_session_set_inputs(session, facts, ROLLGATE_NUL_TERMINATED, NULL, NULL) == ROLLGATE_OK);
  return session;
}

/* Evaluates at `seconds` and returns the report's JSON (caller frees with
 * rollgate_free); *met receives rollgate_report_target_met and *drift
 * rollgate_report_drift_count (either may be NULL).  NULL on failure. */
static char *eval_json(rollgate_session *session, int64_t seconds, int32_t *met, size_t *drift) {
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  char *json = NULL;
  rollgate_status status = rollgate_session_evaluate(&report, session, seconds, 0, &err);
  CHECK(status == ROLLGATE_OK);
  if (status != ROLLGATE_OK) fprintf(stderr, "  evaluate: %s\n", rollgate_error_message(err));
  rollgate_error_free(err);
  if (met) *met = rollgate_report_target_met(report);
  if (drift) *drift = rollgate_report_drift_count(report);
  if (report) CHECK(rollgate_report_json(&json, NULL, report, NULL) == ROLLGATE_OK);
  rollgate_report_free(report);
  return json;
}

/* The session's state (caller frees), or NULL when it has none. */
static char *state_of(const rollgate_session *session) {
  char *json = NULL;
  size_t len = 12345;
  CHECK(rollgate_session_state(&json, &len, session, NULL) == ROLLGATE_OK);
  CHECK(json ? len == strlen(json) : len == 0);
  return json;
}

static int same_text(const char *a, const char *b) {
  return a && b && strcmp(a, b) == 0;
}

/* Rule 16: a soak completes across evaluations of one session. */
static void test_soak_across_evaluations(void) {
  rollgate_plan *plan = compile_or_null(kSoakPlan);
  rollgate_session *session = session_with(plan, kSoakFacts);
  int32_t met = -1;
  char *json;

  json = eval_json(session, T0, &met, NULL);
  CHECK(met == 0);
  CHECK(contains(json, "\"status\": \"soaking\""));
  CHECK(contains(json, "\"transitions\": []"));
  rollgate_free(json);

  /* Half-way: still soaking, since the first evaluation. */
  json = eval_json(session, T0 + HOUR / 2, &met, NULL);
  CHECK(met == 0);
  CHECK(contains(json, "\"status\": \"soaking\""));
  CHECK(contains(json, "\"since\": \"2026-11-23T10:00:00Z\""));
  rollgate_free(json);

  /* Held for hold_for: pass, the stage ready, the target met, and the
   * change reported as a transition. */
  json = eval_json(session, T0 + HOUR, &met, NULL);
  CHECK(met == 1);
  CHECK(!contains(json, "\"status\": \"soaking\""));
  CHECK(contains(json, "\"id\": \"a/g\""));
  CHECK(contains(json, "\"from\": \"soaking\""));
  CHECK(contains(json, "\"to\": \"pass\""));
  CHECK(contains(json, "\"to\": \"ready\""));
  rollgate_free(json);

  /* A false evaluation restarts the soak. */
  CHECK(rollgate_session_set_fact(session, "ok", ROLLGATE_NUL_TERMINATED, "false", 5, NULL) == ROLLGATE_OK);
  json = eval_json(session, T0 + 2 * HOUR, &met, NULL);
  CHECK(met == 0);
  rollgate_free(json);
  CHECK(rollgate_session_set_fact(session, "ok", ROLLGATE_NUL_TERMINATED, "true", 4, NULL) == ROLLGATE_OK);
  json = eval_json(session, T0 + 3 * HOUR, &met, NULL);
  CHECK(met == 0);
  CHECK(contains(json, "\"status\": \"soaking\""));
  rollgate_free(json);

  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

/* Rule 15: state saved from one session and restored into another carries
 * the soak; a fresh session has no state; clear_state forgets it. */
static void test_state_round_trip(void) {
  rollgate_plan *plan = compile_or_null(kSoakPlan);
  rollgate_session *first = session_with(plan, kSoakFacts);
  rollgate_session *second = session_with(plan, kSoakFacts);
  rollgate_session *fresh = session_with(plan, kSoakFacts);
  char *saved, *restored, *json, *json2;
  int32_t met = -1;

  /* No state before the first evaluation: OK and NULL. */
  CHECK(state_of(fresh) == NULL);

  json = eval_json(first, T0, NULL, NULL);
  rollgate_free(json);
  saved = state_of(first);
  CHECK(saved != NULL);
  CHECK(contains(saved, "rollgate_state"));
  CHECK(contains(saved, "\"a/g\""));
  CHECK(contains(saved, "true_since"));
  CHECK(contains(saved, rollgate_plan_digest(plan)));

  /* Restored, the state reads back byte for byte. */
  CHECK(rollgate_session_set_state(second, saved, ROLLGATE_NUL_TERMINATED, "state.json", NULL) == ROLLGATE_OK);
  restored = state_of(second);
  CHECK(same_text(saved, restored));
  rollgate_free(restored);
  /* A length, not only NUL termination, is honoured. */
  if (saved) {
    size_t len = strlen(saved);
    char *copy = (char *)malloc(len + 8);
    memcpy(copy, saved, len);
    memcpy(copy + len, "garbage", 8);
    CHECK(rollgate_session_set_state(second, copy, len, "state.json", NULL) == ROLLGATE_OK);
    free(copy);
  }

  /* An hour later the restored session completes the soak exactly as the
   * original does, while a session without state starts one. */
  json = eval_json(second, T0 + HOUR, &met, NULL);
  CHECK(met == 1);
  json2 = eval_json(first, T0 + HOUR, NULL, NULL);
  CHECK(same_text(json, json2));
  rollgate_free(json);
  rollgate_free(json2);
  json = eval_json(fresh, T0 + HOUR, &met, NULL);
  CHECK(met == 0);
  CHECK(contains(json, "\"status\": \"soaking\""));
  rollgate_free(json);

  /* The state follows the evaluations. */
  restored = state_of(second);
  CHECK(restored != NULL && !same_text(saved, restored));
  CHECK(contains(restored, "\"evaluated_at\": \"2026-11-23T11:00:00Z\""));
  rollgate_free(restored);

  /* clear_state: no state, and the next evaluation is a first one. */
  CHECK(rollgate_session_clear_state(second, NULL) == ROLLGATE_OK);
  CHECK(state_of(second) == NULL);
  json = eval_json(second, T0 + 2 * HOUR, &met, NULL);
  CHECK(met == 0);
  CHECK(contains(json, "\"status\": \"soaking\""));
  CHECK(contains(json, "\"transitions\": []"));
  CHECK(contains(json, "\"drift\": []"));
  rollgate_free(json);
  /* ...and evaluating from that first one goes on as usual. */
  restored = state_of(second);
  CHECK(contains(restored, "\"evaluated_at\": \"2026-11-23T12:00:00Z\""));
  rollgate_free(restored);

  rollgate_free(saved);
  rollgate_session_free(first);
  rollgate_session_free(second);
  rollgate_session_free(fresh);
  rollgate_plan_free(plan);
}

/* Rule 15: state that cannot be used is an input error located by file and
 * pointer, and the session keeps the state it had. */
static void test_bad_state(void) {
  static const struct {
    const char *text;
    const char *pointer;
    const char *message;
  } cases[] = {
      {"", "", "empty"},
      {"   \n", "", "empty"},
      {"{", "", ""},
      {"[1, 2]", "", "object"},
      {"{}", "", "rollgate_state"},
      {"{\"rollgate_state\": 2, \"plan\": \"x\", \"name\": \"soak\"}", "/rollgate_state", "version 2"},
      {"{\"rollgate_state\": 1, \"plan\": \"sha256:00\", \"name\": \"other\",\n"
       " \"evaluated_at\": \"2026-11-23T10:00:00Z\", \"gates\": {}, \"stages\": {}}",
       "/name", "other"},
      {"{\"rollgate_state\": 1, \"plan\": \"sha256:00\", \"name\": \"soak\",\n"
       " \"evaluated_at\": \"yesterday\", \"gates\": {}, \"stages\": {}}",
       "/evaluated_at", ""},
      {"{\"rollgate_state\": 1, \"plan\": \"sha256:00\", \"name\": \"soak\",\n"
       " \"evaluated_at\": \"2026-11-23T10:00:00Z\", \"stages\": {},\n"
       " \"gates\": {\"a/g\": {\"status\": \"great\", \"since\": \"2026-11-23T10:00:00Z\", \"def\": \"x\"}}}",
       "/gates/a~1g/status", "great"},
  };
  rollgate_plan *plan = compile_or_null(kSoakPlan);
  rollgate_session *session = session_with(plan, kSoakFacts);
  char *before, *json;
  int32_t met = -1;
  size_t i;

  json = eval_json(session, T0, NULL, NULL);
  rollgate_free(json);
  before = state_of(session);
  CHECK(before != NULL);

  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    rollgate_error *err = NULL;
    rollgate_problem problem = ROLLGATE_PROBLEM_INIT;
    char *after;
    rollgate_status status = rollgate_session_set_state(session, cases[i].text, ROLLGATE_NUL_TERMINATED,
                                                        "bad-state.json", &err);
    CHECK(status == ROLLGATE_EINPUT);
    CHECK(rollgate_error_code(err) == ROLLGATE_EINPUT);
    CHECK(rollgate_error_count(err) >= 1);
    if (rollgate_error_problem(&problem, err, 0, NULL) == ROLLGATE_OK) {
      CHECK(strcmp(problem.file, "bad-state.json") == 0);
      CHECK(strcmp(problem.pointer, cases[i].pointer) == 0);
      CHECK(contains(problem.message, cases[i].message));
      CHECK(contains(rollgate_error_message(err), "bad-state.json"));
      if (strcmp(problem.pointer, cases[i].pointer) != 0 || !contains(problem.message, cases[i].message))
        fprintf(stderr, "  case %u: pointer '%s': %s\n", (unsigned)i, problem.pointer, problem.message);
    } else {
      CHECK(!"no problem in the error");
    }
    rollgate_error_free(err);
    after = state_of(session);
    CHECK(same_text(before, after));
    rollgate_free(after);
  }

  /* Without a file name the problems name no file (none is invented). */
  {
    rollgate_error *err = NULL;
    rollgate_problem problem = ROLLGATE_PROBLEM_INIT;
    CHECK(rollgate_session_set_state(session, "{}", 2, NULL, &err) == ROLLGATE_EINPUT);
    CHECK(rollgate_error_problem(&problem, err, 0, NULL) == ROLLGATE_OK);
    CHECK(problem.file && strcmp(problem.file, "") == 0);
    CHECK(!contains(rollgate_error_message(err), "state.json"));
    rollgate_error_free(err);
  }

  /* The kept state is the one used: the soak completes an hour later. */
  json = eval_json(session, T0 + HOUR, &met, NULL);
  CHECK(met == 1);
  rollgate_free(json);

  rollgate_free(before);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

/* Rule 15: state saved after the evaluation instant is an input error that
 * names /evaluated_at, and the session is unchanged. */
static void test_state_from_the_future(void) {
  rollgate_plan *plan = compile_or_null(kSoakPlan);
  rollgate_session *session = session_with(plan, kSoakFacts);
  rollgate_session *restored = session_with(plan, kSoakFacts);
  rollgate_report *report = (rollgate_report *)1;
  rollgate_error *err = NULL;
  rollgate_problem problem = ROLLGATE_PROBLEM_INIT;
  char *before, *after, *json;

  json = eval_json(session, T0 + HOUR, NULL, NULL);
  rollgate_free(json);
  before = state_of(session);

  CHECK(rollgate_session_evaluate(&report, session, T0, 0, &err) == ROLLGATE_EINPUT);
  CHECK(report == NULL);
  CHECK(rollgate_error_code(err) == ROLLGATE_EINPUT);
  CHECK(rollgate_error_problem(&problem, err, 0, NULL) == ROLLGATE_OK);
  CHECK(problem.pointer && strcmp(problem.pointer, "/evaluated_at") == 0);
  CHECK(problem.kind && strcmp(problem.kind, "state-after-now") == 0);
  rollgate_error_free(err);
  err = NULL;

  /* A what-if is refused the same way. */
  report = (rollgate_report *)1;
  CHECK(rollgate_session_what_if(&report, session, "{}", 2, NULL, T0, 0, &err) == ROLLGATE_EINPUT);
  CHECK(report == NULL);
  CHECK(rollgate_error_problem(&problem, err, 0, NULL) == ROLLGATE_OK);
  CHECK(problem.pointer && strcmp(problem.pointer, "/evaluated_at") == 0);
  rollgate_error_free(err);
  err = NULL;

  after = state_of(session);
  CHECK(same_text(before, after));
  rollgate_free(after);

  /* Restored from a file, the error names that file and the position. */
  CHECK(rollgate_session_set_state(restored, before, ROLLGATE_NUL_TERMINATED, "saved.json", NULL) == ROLLGATE_OK);
  report = (rollgate_report *)1;
  CHECK(rollgate_session_evaluate(&report, restored, T0 + HOUR - 1, 0, &err) == ROLLGATE_EINPUT);
  CHECK(report == NULL);
  CHECK(rollgate_error_problem(&problem, err, 0, NULL) == ROLLGATE_OK);
  CHECK(problem.file && strcmp(problem.file, "saved.json") == 0);
  CHECK(problem.pointer && strcmp(problem.pointer, "/evaluated_at") == 0);
  CHECK(problem.line > 0);
  CHECK(contains(rollgate_error_message(err), "saved.json:"));
  rollgate_error_free(err);
  err = NULL;
  /* A nanosecond before is still too early; the instant itself is fine. */
  CHECK(rollgate_session_evaluate(&report, restored, T0 + HOUR - 1, 999999999, NULL) == ROLLGATE_EINPUT);
  CHECK(rollgate_session_evaluate(&report, restored, T0 + HOUR, 0, &err) == ROLLGATE_OK);
  CHECK(err == NULL);
  rollgate_report_free(report);

  rollgate_free(before);
  rollgate_session_free(session);
  rollgate_session_free(restored);
  rollgate_plan_free(plan);
}

/* Rule 21: a what-if reports the patched evaluation and changes neither the
 * session's inputs nor its state. */
static void test_what_if(void) {
  rollgate_plan *plan = compile_or_null(kSoakPlan);
  rollgate_session *session = session_with(plan, kSoakFacts);
  rollgate_session *twin = session_with(plan, kSoakFacts);
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  char *before, *after, *json, *json2;
  int32_t met = -1;

  json = eval_json(session, T0, NULL, NULL);
  CHECK(!contains(json, "\"what_if\""));
  rollgate_free(json);
  json = eval_json(twin, T0, NULL, NULL);
  rollgate_free(json);
  before = state_of(session);

  /* The patch fails gate m: the stage is blocked, the target not met. */
  CHECK(rollgate_session_what_if(&report, session, "{\"facts\": {\"n\": 0}}", ROLLGATE_NUL_TERMINATED,
                                 "patch.json", T0 + HOUR, 0, &err) == ROLLGATE_OK);
  CHECK(err == NULL);
  CHECK(rollgate_report_target_met(report) == 0);
  CHECK(rollgate_report_json(&json, NULL, report, NULL) == ROLLGATE_OK);
  CHECK(contains(json, "\"what_if\""));
  CHECK(contains(json, "\"changes\""));
  CHECK(contains(json, "\"id\": \"a/m\""));
  CHECK(contains(json, "\"to\": \"fail\""));
  CHECK(contains(json, "\"to\": \"blocked\""));
  rollgate_free(json);
  rollgate_report_free(report);
  report = NULL;

  /* A patch of progress changes a stage's status. */
  CHECK(rollgate_session_what_if(&report, session, "{\"progress\": {\"a\": {\"state\": \"done\"}}}",
                                 ROLLGATE_NUL_TERMINATED, NULL, T0 + HOUR, 0, &err) == ROLLGATE_OK);
  CHECK(rollgate_report_target_met(report) == 1);
  CHECK(rollgate_report_json(&json, NULL, report, NULL) == ROLLGATE_OK);
  CHECK(contains(json, "\"what_if\""));
  CHECK(contains(json, "\"to\": \"done\""));
  rollgate_free(json);
  rollgate_report_free(report);
  report = NULL;

  /* An empty patch changes nothing, but "what_if" is there, and the
   * evaluation continues from the session's state (the soak completes). */
  CHECK(rollgate_session_what_if(&report, session, "{}", 2, NULL, T0 + HOUR, 0, &err) == ROLLGATE_OK);
  CHECK(rollgate_report_target_met(report) == 1);
  CHECK(rollgate_report_json(&json, NULL, report, NULL) == ROLLGATE_OK);
  CHECK(contains(json, "\"what_if\""));
  CHECK(contains(json, "\"from\": \"soaking\""));
  rollgate_free(json);
  rollgate_report_free(report);
  report = NULL;

  /* Bad patches: EINPUT for a value that does not convert, EJSON for
   * malformed JSON; *out stays NULL. */
  report = (rollgate_report *)1;
  CHECK(rollgate_session_what_if(&report, session, "{\"facts\": {\"n\": \"two\"}}", ROLLGATE_NUL_TERMINATED,
                                 "p.json", T0 + HOUR, 0, &err) == ROLLGATE_EINPUT);
  CHECK(report == NULL);
  CHECK(rollgate_error_code(err) == ROLLGATE_EINPUT);
  CHECK(contains(rollgate_error_message(err), "p.json:"));
  CHECK(contains(rollgate_error_message(err), "/facts/n"));
  rollgate_error_free(err);
  err = NULL;
  report = (rollgate_report *)1;
  CHECK(rollgate_session_what_if(&report, session, "{\"facts\": ", ROLLGATE_NUL_TERMINATED, NULL, T0 + HOUR, 0,
                                 &err) == ROLLGATE_EJSON);
  CHECK(report == NULL);
  CHECK(rollgate_error_code(err) == ROLLGATE_EJSON);
  rollgate_error_free(err);
  err = NULL;
  CHECK(rollgate_session_what_if(&report, session, "{\"facts\": {\"colour\": 1}, \"progress\": {\"zz\": {\"state\": \"done\"}}}",
                                 ROLLGATE_NUL_TERMINATED, NULL, T0 + HOUR, 0, &err) == ROLLGATE_EINPUT);
  rollgate_error_free(err);
  err = NULL;

  /* The state is what it was, byte for byte... */
  after = state_of(session);
  CHECK(same_text(before, after));
  rollgate_free(after);
  /* ...and the next plain evaluation is the one the twin (same inputs,
   * same evaluations, no what-if) gets. */
  json = eval_json(session, T0 + HOUR, &met, NULL);
  json2 = eval_json(twin, T0 + HOUR, NULL, NULL);
  CHECK(met == 1);
  CHECK(same_text(json, json2));
  CHECK(!contains(json, "\"what_if\""));
  rollgate_free(json);
  rollgate_free(json2);
  after = state_of(session);
  json2 = state_of(twin);
  CHECK(same_text(after, json2));
  rollgate_free(after);
  rollgate_free(json2);

  rollgate_free(before);
  rollgate_session_free(session);
  rollgate_session_free(twin);
  rollgate_plan_free(plan);
}

/* Rule 17: a must-gate that passed while its stage was in progress and now
 * fails drifts; one that failed from the start does not. */
static void test_drift(void) {
  rollgate_plan *plan = compile_or_null(kPlan);
  const char *started = "{\"facts\": {\"ok\": true, \"n\": 2}, \"progress\": {\"a\": {\"state\": \"in_progress\"}}}";
  rollgate_session *session = session_with(plan, started);
  rollgate_session *failing = NULL;
  size_t drift = 99;
  char *json;

  json = eval_json(session, T0, NULL, &drift);
  CHECK(drift == 0);
  CHECK(contains(json, "\"drift\": false"));
  rollgate_free(json);

  CHECK(rollgate_session_set_fact(session, "n", 1, "0", 1, NULL) == ROLLGATE_OK);
  json = eval_json(session, T0 + 60, NULL, &drift);
  CHECK(drift == 1);
  CHECK(contains(json, "\"drift\": true"));
  CHECK(contains(json, "\"gate\": \"a/g\""));
  CHECK(contains(json, "\"since\": \"2026-11-23T10:01:00Z\""));
  CHECK(contains(json, "\"status\": \"in_progress\"")); /* drift changes no status */
  rollgate_free(json);

  /* Still drifting later, since when it began. */
  json = eval_json(session, T0 + 120, NULL, &drift);
  CHECK(drift == 1);
  CHECK(contains(json, "\"since\": \"2026-11-23T10:01:00Z\""));
  rollgate_free(json);

  /* Passing again clears it at once (no hold_for). */
  CHECK(rollgate_session_set_fact(session, "n", 1, "5", 1, NULL) == ROLLGATE_OK);
  json = eval_json(session, T0 + 180, NULL, &drift);
  CHECK(drift == 0);
  CHECK(!contains(json, "\"drift\": true"));
  rollgate_free(json);

  /* A gate that was failing when its stage started is fail, not drift. */
  failing = session_with(plan, "{\"facts\": {\"ok\": true, \"n\": 0}, \"progress\": {\"a\": {\"state\": \"in_progress\"}}}");
  json = eval_json(failing, T0, NULL, &drift);
  rollgate_free(json);
  json = eval_json(failing, T0 + 60, NULL, &drift);
  CHECK(drift == 0);
  CHECK(contains(json, "\"drift\": []"));
  rollgate_free(json);

  rollgate_session_free(session);
  rollgate_session_free(failing);
  rollgate_plan_free(plan);
}

/* Rule 20: lowering a threshold loosens; raising it tightens. */
static void test_plan_diff(void) {
  /* kSoakPlan with gate a/m's threshold lowered from n > 1 to n > 0. */
  static const char *kLoose =
      "{\"rollgate\": 1, \"name\": \"soak\", \"target\": \"a\",\n"
      " \"facts\": {\"ok\": {\"type\": \"bool\"}, \"n\": {\"type\": \"int\"}},\n"
      " \"stages\": [{\"id\": \"a\", \"gates\": [{\"id\": \"g\", \"expr\": \"ok\", \"hold_for\": \"1h\"},\n"
      "                                     {\"id\": \"m\", \"expr\": \"n > 0\"}]},\n"
      "            {\"id\": \"b\", \"after\": [\"a\"]}]}";
  /* kPlan with `ok && n > 1` made `ok && n > 0`: `ok` is not a bound, so
   * the change is not classed (rule 20). */
  static const char *kMixed =
      "{\"rollgate\": 1, \"name\": \"capi\", \"target\": \"b\",\n"
      " \"facts\": {\"ok\": {\"type\": \"bool\"}, \"n\": {\"type\": \"int\"}},\n"
      " \"stages\": [{\"id\": \"a\", \"gates\": [{\"id\": \"g\", \"expr\": \"ok && n > 0\"}]},\n"
      "            {\"id\": \"b\", \"after\": [\"a\"]}]}";
  rollgate_plan *old_plan = compile_or_null(kSoakPlan);
  rollgate_plan *new_plan = compile_or_null(kLoose);
  rollgate_plan *plain = compile_or_null(kPlan);
  rollgate_plan *mixed = compile_or_null(kMixed);
  char *out = NULL;
  size_t len = 0;
  int32_t loosened = -1;
  rollgate_error *err = NULL;

  CHECK(rollgate_plan_diff(&out, &len, &loosened, old_plan, new_plan, ROLLGATE_FORMAT_JSON, &err) == ROLLGATE_OK);
  CHECK(err == NULL);
  CHECK(loosened == 1);
  CHECK(out != NULL && len == strlen(out));
  CHECK(contains(out, "\"loosened\": true"));
  CHECK(contains(out, "\"class\": \"loosened\""));
  CHECK(contains(out, "\"id\": \"a/m\""));
  CHECK(contains(out, "\"field\": \"expr\""));
  CHECK(contains(out, "\"change\": \"modified\""));
  CHECK(!contains(out, "\"id\": \"a/g\"")); /* unchanged gates are not listed */
  CHECK(contains(out, rollgate_plan_digest(old_plan)));
  CHECK(contains(out, rollgate_plan_digest(new_plan)));
  rollgate_free(out);
  out = NULL;

  /* The other way round tightens. */
  loosened = -1;
  CHECK(rollgate_plan_diff(&out, NULL, &loosened, new_plan, old_plan, ROLLGATE_FORMAT_JSON, NULL) == ROLLGATE_OK);
  CHECK(loosened == 0);
  CHECK(contains(out, "\"class\": \"tightened\""));
  CHECK(contains(out, "\"loosened\": false"));
  rollgate_free(out);
  out = NULL;

  /* A plan against itself: no changes. */
  loosened = -1;
  CHECK(rollgate_plan_diff(&out, NULL, &loosened, old_plan, old_plan, ROLLGATE_FORMAT_JSON, NULL) == ROLLGATE_OK);
  CHECK(loosened == 0);
  CHECK(contains(out, "\"changes\": []"));
  rollgate_free(out);
  out = NULL;

  /* A bound joined with a bool fact: changed, not loosened. */
  loosened = -1;
  CHECK(rollgate_plan_diff(&out, NULL, &loosened, plain, mixed, ROLLGATE_FORMAT_JSON, NULL) == ROLLGATE_OK);
  CHECK(loosened == 0);
  CHECK(contains(out, "\"class\": \"changed\""));
  CHECK(contains(out, "\"id\": \"a/g\""));
  rollgate_free(out);
  out = NULL;

  /* Text: the loosened change, by id; loosened may be NULL. */
  CHECK(rollgate_plan_diff(&out, &len, NULL, old_plan, new_plan, ROLLGATE_FORMAT_TEXT, NULL) == ROLLGATE_OK);
  CHECK(out != NULL && len == strlen(out));
  CHECK(contains(out, "a/m"));
  CHECK(contains(out, "loosened"));
  CHECK(!contains(out, "\"changes\""));
  rollgate_free(out);
  out = NULL;

  /* An unknown format is EINVAL, with every output cleared. */
  loosened = -1;
  len = 7;
  CHECK(rollgate_plan_diff(&out, &len, &loosened, old_plan, new_plan, (rollgate_format)7, &err) == ROLLGATE_EINVAL);
  CHECK(out == NULL && len == 0 && loosened == 0);
  CHECK(rollgate_error_code(err) == ROLLGATE_EINVAL);
  rollgate_error_free(err);

  rollgate_plan_free(old_plan);
  rollgate_plan_free(new_plan);
  rollgate_plan_free(plain);
  rollgate_plan_free(mixed);
}

/* Every new entry point: NULL arguments give EINVAL and cleared outputs. */
static void test_new_functions_null_safety(void) {
  rollgate_plan *plan = compile_or_null(kPlan);
  rollgate_session *session = session_with(plan, NULL);
  rollgate_report *report = (rollgate_report *)1;
  rollgate_error *err = NULL;
  char *out = (char *)1;
  size_t len = 5;
  int32_t loosened = -1;

  CHECK(rollgate_session_set_state(NULL, "{}", 2, NULL, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_session_set_state(session, NULL, 0, NULL, &err) == ROLLGATE_EINVAL);
  CHECK(rollgate_error_code(err) == ROLLGATE_EINVAL);
  rollgate_error_free(err);
  err = NULL;

  CHECK(rollgate_session_state(NULL, NULL, session, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_session_state(&out, &len, NULL, &err) == ROLLGATE_EINVAL);
  CHECK(out == NULL && len == 0);
  CHECK(rollgate_error_code(err) == ROLLGATE_EINVAL);
  rollgate_error_free(err);
  err = NULL;

  CHECK(rollgate_session_clear_state(NULL, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_session_clear_state(session, NULL) == ROLLGATE_OK); /* no state: fine */

  CHECK(rollgate_session_what_if(NULL, session, "{}", 2, NULL, T0, 0, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_session_what_if(&report, NULL, "{}", 2, NULL, T0, 0, NULL) == ROLLGATE_EINVAL);
  CHECK(report == NULL);
  report = (rollgate_report *)1;
  CHECK(rollgate_session_what_if(&report, session, NULL, 0, NULL, T0, 0, &err) == ROLLGATE_EINVAL);
  CHECK(report == NULL);
  CHECK(rollgate_error_code(err) == ROLLGATE_EINVAL);
  rollgate_error_free(err);
  err = NULL;
  report = (rollgate_report *)1;
  CHECK(rollgate_session_what_if(&report, session, "{}", 2, NULL, T0, 1000000000, NULL) == ROLLGATE_EINVAL);
  CHECK(report == NULL);
  /* A what-if leaves a fresh session without state. */
  CHECK(state_of(session) == NULL);

  CHECK(rollgate_report_drift_count(NULL) == 0);

  out = (char *)1;
  len = 5;
  CHECK(rollgate_plan_diff(NULL, NULL, NULL, plan, plan, ROLLGATE_FORMAT_JSON, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_plan_diff(&out, &len, &loosened, NULL, plan, ROLLGATE_FORMAT_JSON, NULL) == ROLLGATE_EINVAL);
  CHECK(out == NULL && len == 0 && loosened == 0);
  out = (char *)1;
  CHECK(rollgate_plan_diff(&out, NULL, NULL, plan, NULL, ROLLGATE_FORMAT_TEXT, &err) == ROLLGATE_EINVAL);
  CHECK(out == NULL);
  CHECK(rollgate_error_code(err) == ROLLGATE_EINVAL);
  rollgate_error_free(err);

  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

/* rollgate_report_json_with: compact and summary layouts, and the options
 * a library cannot honour. */
static void test_json_options(void) {
  rollgate_plan *plan = NULL;
  rollgate_session *session = NULL;
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  rollgate_json_options options = ROLLGATE_JSON_OPTIONS_INIT;
  char *full = NULL, *json = NULL;
  size_t len = 0;
  const char *plan_text =
      "{\"rollgate\": 1, \"name\": \"layout\", \"facts\": {\"n\": {\"type\": \"int\"}},\n"
      " \"stages\": [{\"id\": \"a\", \"gates\": [{\"id\": \"big\", \"expr\": \"n > 5\"},\n"
      "                                       {\"id\": \"small\", \"expr\": \"n < 5\"}]}]}";
  CHECK(rollgate_plan_compile(&plan, plan_text, ROLLGATE_NUL_TERMINATED, NULL, &err) == ROLLGATE_OK);
  CHECK(rollgate_session_new(&session, plan, &err) == ROLLGATE_OK);
  CHECK(rollgate_session_set_inputs(session, "{\"facts\": {\"n\": 9}}", ROLLGATE_NUL_TERMINATED, NULL, &err) ==
        ROLLGATE_OK);
  CHECK(rollgate_session_evaluate(&report, session, 1795428000, 0, &err) == ROLLGATE_OK);

  /* NULL options and flags 0: the full report, byte for byte. */
  CHECK(rollgate_report_json(&full, NULL, report, &err) == ROLLGATE_OK);
  CHECK(rollgate_report_json_with(&json, &len, report, NULL, &err) == ROLLGATE_OK);
  CHECK(json != NULL && strcmp(json, full) == 0 && len == strlen(full));
  rollgate_free(json);
  CHECK(rollgate_report_json_with(&json, NULL, report, &options, &err) == ROLLGATE_OK);
  CHECK(json != NULL && strcmp(json, full) == 0);
  rollgate_free(json);
  CHECK(contains(full, "\"status\": \"pass\""));

  options.flags = ROLLGATE_JSON_COMPACT;
  CHECK(rollgate_report_json_with(&json, &len, report, &options, &err) == ROLLGATE_OK);
  CHECK(json != NULL && strchr(json, '\n') == json + len - 1 && len < strlen(full));
  CHECK(contains(json, "\"report_version\":1,"));
  rollgate_free(json);

  options.flags = ROLLGATE_JSON_SUMMARY | ROLLGATE_JSON_COMPACT;
  CHECK(rollgate_report_json_with(&json, &len, report, &options, &err) == ROLLGATE_OK);
  CHECK(contains(json, "\"detail\":\"summary\""));
  CHECK(contains(json, "\"id\":\"small\""));
  CHECK(!contains(json, "\"id\":\"big\""));
  CHECK(contains(json, "\"passing_gates\":1"));
  rollgate_free(json);
  json = NULL;

  options.flags = 0x4u;
  CHECK(rollgate_report_json_with(&json, &len, report, &options, &err) == ROLLGATE_EINVAL);
  CHECK(json == NULL && len == 0);
  CHECK(contains(rollgate_error_message(err), "unknown rollgate_json_options flags 4"));
  rollgate_error_free(err);
  err = NULL;
  options.flags = 0;
  options.version = 0;
  CHECK(rollgate_report_json_with(&json, NULL, report, &options, &err) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), "version 0 is not known"));
  rollgate_error_free(err);
  err = NULL;
  options.version = ROLLGATE_JSON_OPTIONS_VERSION + 1;
  CHECK(rollgate_report_json_with(&json, NULL, report, &options, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_report_json_with(NULL, NULL, report, NULL, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_report_json_with(&json, NULL, NULL, NULL, NULL) == ROLLGATE_EINVAL);

  rollgate_free(full);
  rollgate_report_free(report);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

/* rollgate_report_stage_json: one stage as the report's stages[] has it,
 * with that stage's drift, and nothing of the other stages. */
static void test_stage_json(void) {
  rollgate_plan *plan = compile_or_null(kPlan);
  rollgate_session *session =
      session_with(plan, "{\"facts\": {\"ok\": true, \"n\": 2}, \"progress\": {\"a\": {\"state\": \"in_progress\"}}}");
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  rollgate_json_options options = ROLLGATE_JSON_OPTIONS_INIT;
  char *full = NULL, *json = NULL;
  const char *stage_start, *stage_end;
  size_t len = 0, index = 99;

  rollgate_free(eval_json(session, T0, NULL, NULL)); /* the stage starts with its gate passing */
  CHECK(rollgate_session_set_fact(session, "n", 1, "0", 1, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_evaluate(&report, session, T0 + 60, 0, &err) == ROLLGATE_OK);
  options.flags = ROLLGATE_JSON_COMPACT;
  CHECK(rollgate_report_json_with(&full, NULL, report, &options, &err) == ROLLGATE_OK);
  CHECK(rollgate_report_stage_find(&index, report, "a", ROLLGATE_NUL_TERMINATED, &err) == ROLLGATE_OK);

  CHECK(rollgate_report_stage_json(&json, &len, report, index, &options, &err) == ROLLGATE_OK);
  CHECK(json != NULL && len == strlen(json));
  CHECK(contains(json, "{\"report_version\":1,\"plan\":{\"name\":\"capi\","));
  CHECK(contains(json, "\"evaluated_at\":\"2026-11-23T10:01:00Z\""));
  /* The stage object is byte for byte the report's entry for it. */
  stage_start = strstr(json, "\"stage\":{");
  stage_end = strstr(json, ",\"drift\":[");
  CHECK(stage_start != NULL && stage_end != NULL && stage_end > stage_start);
  if (stage_start && stage_end) {
    char entry[4096];
    size_t n = (size_t)(stage_end - stage_start) - strlen("\"stage\":");
    CHECK(n < sizeof entry);
    if (n < sizeof entry) {
      memcpy(entry, stage_start + strlen("\"stage\":"), n);
      entry[n] = '\0';
      CHECK(contains(full, entry));
      CHECK(contains(entry, "\"id\":\"a\""));
    }
  }
  CHECK(contains(json, "\"drift\":[{\"stage\":\"a\",\"gate\":\"a/g\",\"status\":\"fail\""));
  CHECK(!contains(json, "\"id\":\"b\""));
  rollgate_free(json);

  /* Stage b: no drift of its own; the summary layout as for the report. */
  options.flags = ROLLGATE_JSON_COMPACT | ROLLGATE_JSON_SUMMARY;
  CHECK(rollgate_report_stage_json(&json, NULL, report, 1, &options, &err) == ROLLGATE_OK);
  CHECK(contains(json, "\"detail\":\"summary\""));
  CHECK(contains(json, "\"stage\":{\"id\":\"b\""));
  CHECK(contains(json, "\"passing_gates\":0"));
  CHECK(contains(json, "\"drift\":[]}"));
  rollgate_free(json);

  /* NULL options: indented, as rollgate_report_json(). */
  CHECK(rollgate_report_stage_json(&json, NULL, report, 0, NULL, &err) == ROLLGATE_OK);
  CHECK(contains(json, "\n  \"stage\": {\n"));
  rollgate_free(json);

  /* An index past the plan, unknown flags, NULL arguments. */
  json = NULL;
  CHECK(rollgate_report_stage_json(&json, &len, report, 2, NULL, &err) == ROLLGATE_EINVAL);
  CHECK(json == NULL && len == 0);
  CHECK(contains(rollgate_error_message(err), "stage index 2 is out of range (the report has 2 stages)"));
  rollgate_error_free(err);
  err = NULL;
  options.flags = 0x8u;
  CHECK(rollgate_report_stage_json(&json, NULL, report, 0, &options, &err) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), "unknown rollgate_json_options flags 8"));
  rollgate_error_free(err);
  CHECK(rollgate_report_stage_json(NULL, NULL, report, 0, NULL, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_report_stage_json(&json, NULL, NULL, 0, NULL, NULL) == ROLLGATE_EINVAL);

  rollgate_free(full);
  rollgate_report_free(report);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

/* A blocker that holds back more stages than the report lists: the report
 * gives the count and the first 10, rollgate_report_holds_back all of them. */
static void test_holds_back(void) {
  /* gate -> s1 -> s2 ... -> s12: the gate of stage g holds back 13 stages. */
  char plan_text[4096];
  size_t n = 0;
  int i;
  rollgate_plan *plan = NULL;
  rollgate_session *session = NULL;
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  char *json = NULL;
  size_t json_len = 0;

  n += (size_t)snprintf(plan_text + n, sizeof plan_text - n,
                        "{\"rollgate\": 1, \"name\": \"held\", \"facts\": {\"ok\": {\"type\": \"bool\"}},\n"
                        " \"stages\": [{\"id\": \"g\", \"gates\": [{\"id\": \"ok\", \"expr\": \"ok\"}]}");
  for (i = 1; i <= 12; ++i) {
    char upstream[16] = "g";
    if (i > 1) snprintf(upstream, sizeof upstream, "s%d", i - 1);
    n += (size_t)snprintf(plan_text + n, sizeof plan_text - n, ",\n  {\"id\": \"s%d\", \"after\": [\"%s\"]}", i,
                          upstream);
  }
  snprintf(plan_text + n, sizeof plan_text - n, "]}");
  CHECK(rollgate_plan_compile(&plan, plan_text, ROLLGATE_NUL_TERMINATED, NULL, &err) == ROLLGATE_OK);
  if (err) fprintf(stderr, "%s\n", rollgate_error_message(err));
  CHECK(rollgate_session_new(&session, plan, &err) == ROLLGATE_OK);
  CHECK(rollgate_session_set_inputs(session, "{\"facts\": {\"ok\": false}}", ROLLGATE_NUL_TERMINATED, NULL, &err) ==
        ROLLGATE_OK);
  CHECK(rollgate_session_evaluate(&report, session, 1795428000, 0, &err) == ROLLGATE_OK);

  CHECK(rollgate_report_json(&json, NULL, report, &err) == ROLLGATE_OK);
  CHECK(contains(json, "\"holds_back_count\": 13"));
  rollgate_free(json);
  json = NULL;

  CHECK(rollgate_report_holds_back(&json, &json_len, report, "g/ok", ROLLGATE_NUL_TERMINATED, &err) == ROLLGATE_OK);
  CHECK(json != NULL && json_len == strlen(json));
  CHECK(contains(json, "\"g\""));
  CHECK(contains(json, "\"s9\""));
  CHECK(contains(json, "\"s12\""));
  rollgate_free(json);
  json = NULL;

  CHECK(rollgate_report_holds_back(&json, &json_len, report, "g/okay", 4, &err) == ROLLGATE_OK);
  CHECK(contains(json, "\"s12\""));
  rollgate_free(json);
  json = NULL;

  CHECK(rollgate_report_holds_back(&json, &json_len, report, "s3", ROLLGATE_NUL_TERMINATED, &err) == ROLLGATE_EINPUT);
  CHECK(json == NULL && json_len == 0);
  CHECK(rollgate_error_code(err) == ROLLGATE_EINPUT);
  CHECK(contains(rollgate_error_message(err), "'s3' is not a blocker"));
  rollgate_error_free(err);
  err = NULL;
  CHECK(rollgate_report_holds_back(NULL, NULL, report, "g/ok", 4, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_report_holds_back(&json, NULL, NULL, "g/ok", 4, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_report_holds_back(&json, NULL, report, NULL, 0, NULL) == ROLLGATE_EINVAL);

  rollgate_report_free(report);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

int main(int argc, char **argv) {
  if (argc > 1) test_bad_plans(argv[1]);
  else CHECK(!"pass the bad-plans directory as the first argument");
  test_versions();
  test_null_safety();
  test_plan_errors_are_located();
  test_evaluate_and_reports();
  test_soak_across_evaluations();
  test_state_round_trip();
  test_bad_state();
  test_state_from_the_future();
  test_what_if();
  test_drift();
  test_plan_diff();
  test_new_functions_null_safety();
  test_holds_back();
  test_json_options();
  test_stage_json();
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
