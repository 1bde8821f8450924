/* Session inputs one at a time through the C ABI (issue 8, item 2): typed
 * fact setters, clearing a fact, one stage's progress, one approval, and
 * the inputs read back as a facts document that set_inputs reads back to
 * the same inputs.  Written in C99 against rollgate.h only.
 *
 *   rollgate_inputs_test BAD_PLANS_DIR EXAMPLES_DIR
 *
 * Each check prints on failure; the last line is "N passed, N failed". */
#include <rollgate.h>

#include "check.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* 2026-11-23T09:00:00Z */
#define NOW 1795424400

/* A fact of every type, each read by a gate that passes only for the value
 * the tests set; "wave" is a matrix stage with an approval requirement. */
static const char *kPlan =
    "{\"rollgate\": 1, \"name\": \"inputs\",\n"
    " \"facts\": {\"b\": {\"type\": \"bool\"}, \"i\": {\"type\": \"int\"},\n"
    "   \"u\": {\"type\": \"uint\"}, \"d\": {\"type\": \"double\"},\n"
    "   \"s\": {\"type\": \"string\"}, \"t\": {\"type\": \"timestamp\", \"max_age\": \"24h\"},\n"
    "   \"du\": {\"type\": \"duration\"}, \"by\": {\"type\": \"bytes\"},\n"
    "   \"l\": {\"type\": \"list(int)\"}, \"m\": {\"type\": \"map(string, int)\"},\n"
    "   \"y\": {\"type\": \"dyn\"}, \"pilot.advisors\": {\"type\": \"int\"}},\n"
    " \"stages\": [\n"
    "  {\"id\": \"a\", \"gates\": [{\"id\": \"b\", \"expr\": \"b\"}, {\"id\": \"i\", \"expr\": \"i == -5\"},\n"
    "    {\"id\": \"u\", \"expr\": \"u == 18446744073709551615u\"}, {\"id\": \"d\", \"expr\": \"d == 2.5\"},\n"
    "    {\"id\": \"s\", \"expr\": \"s == 'héllo'\"}, {\"id\": \"du\", \"expr\": \"du == duration('90m')\"},\n"
    "    {\"id\": \"t\", \"expr\": \"t < now\"}, {\"id\": \"by\", \"expr\": \"by == b'hi'\"},\n"
    "    {\"id\": \"l\", \"expr\": \"l == [1, 2]\"}, {\"id\": \"m\", \"expr\": \"m['k'] == 3\"},\n"
    "    {\"id\": \"y\", \"expr\": \"type(y) == double && y == 3.0\"}]},\n"
    "  {\"id\": \"wave\", \"after\": [\"a\"], \"matrix\": {\"region\": [\"north\", \"south\"]},\n"
    "   \"approvals\": [{\"role\": \"security\", \"min\": 1}]},\n"
    "  {\"id\": \"last\", \"after\": [\"wave\"]}]}";

static rollgate_plan *compile(const char *text) {
  rollgate_plan *plan = NULL;
  rollgate_error *err = NULL;
  if (rollgate_plan_compile(&plan, text, ROLLGATE_NUL_TERMINATED, NULL, &err) != ROLLGATE_OK)
    fprintf(stderr, "plan: %s\n", rollgate_error_message(err));
  rollgate_error_free(err);
  return plan;
}

static rollgate_session *new_session(const rollgate_plan *plan) {
  rollgate_session *session = NULL;
  CHECK(rollgate_session_new(&session, plan, NULL) == ROLLGATE_OK);
  return session;
}

/* The session's inputs as a facts document (caller frees). */
static char *inputs_of(const rollgate_session *session) {
  char *json = NULL;
  CHECK(rollgate_session_inputs(&json, NULL, session, NULL) == ROLLGATE_OK);
  return json;
}

/* The report of evaluating `session` at `now`, as JSON (caller frees). */
static char *evaluate_json(rollgate_session *session, int64_t now) {
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  char *json = NULL;
  if (rollgate_session_evaluate(&report, session, now, 0, &err) != ROLLGATE_OK) {
    fprintf(stderr, "evaluate: %s\n", rollgate_error_message(err));
    rollgate_error_free(err);
    return NULL;
  }
  CHECK(rollgate_report_json(&json, NULL, report, NULL) == ROLLGATE_OK);
  rollgate_report_free(report);
  return json;
}

static char *state_of(const rollgate_session *session) {
  char *json = NULL;
  CHECK(rollgate_session_state(&json, NULL, session, NULL) == ROLLGATE_OK);
  return json;
}

/* Whether gate `gate_id` ("stage/gate") passes in a report's JSON: the
 * status after the gate's "id" (the stage's own id, then the gate's). */
static int gate_passes(const char *report, const char *gate_id) {
  char needle[128];
  const char *at, *slash = strchr(gate_id, '/');
  if (!slash) return 0;
  snprintf(needle, sizeof needle, "\"id\": \"%.*s\"", (int)(slash - gate_id), gate_id);
  at = report ? strstr(report, needle) : NULL;
  if (!at) return 0;
  snprintf(needle, sizeof needle, "\"id\": \"%s\",\n          \"kind\"", slash + 1);
  at = strstr(at, needle);
  if (!at) return 0;
  at = strstr(at, "\"status\": \"");
  return at && strncmp(at + 11, "pass\"", 5) == 0;
}

/* Problem 0 of `err`, for the checks. */
static rollgate_problem first_problem(const rollgate_error *err) {
  rollgate_problem problem = ROLLGATE_PROBLEM_INIT;
  if (rollgate_error_problem(&problem, err, 0, NULL) != ROLLGATE_OK) {
    rollgate_problem empty = ROLLGATE_PROBLEM_INIT;
    return empty;
  }
  return problem;
}

static int same_text(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

/* Every typed setter, converting as the facts document does: the gates
 * that pass only for the values set all pass. */
static void test_typed_setters_set_every_type(const rollgate_plan *plan) {
  rollgate_session *session = new_session(plan);
  rollgate_fact_meta meta = ROLLGATE_FACT_META_INIT;
  char *report;
  const char *gates[] = {"a/b", "a/i", "a/u", "a/d", "a/s", "a/du", "a/t", "a/by", "a/l", "a/m", "a/y"};
  size_t g;
  meta.has_observed_at = 1;
  meta.observed_at_seconds = NOW - 3600;
  meta.source = "monitoring";
  meta.evidence = "https://example.internal/t";
  CHECK(rollgate_session_set_fact_bool(session, "b", 1, 1, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_int(session, "i", ROLLGATE_NUL_TERMINATED, -5, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_uint(session, "u", 1, UINT64_MAX, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_double(session, "d", 1, 2.5, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_string(session, "s", 1, "h\xc3\xa9llo", ROLLGATE_NUL_TERMINATED, NULL, NULL) ==
        ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_duration(session, "du", 2, 5400, 0, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_timestamp(session, "t", 1, NOW - 7200, 500000000, &meta, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_string(session, "by", 2, "aGk=", 4, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_json(session, "l", 1, "[1, 2.0]", ROLLGATE_NUL_TERMINATED, NULL, NULL) ==
        ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_json(session, "m", 1, "{\"k\": 3}", ROLLGATE_NUL_TERMINATED, NULL, NULL) ==
        ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_double(session, "y", 1, 3.0, NULL, NULL) == ROLLGATE_OK);
  report = evaluate_json(session, NOW);
  for (g = 0; g < sizeof gates / sizeof gates[0]; ++g) {
    if (!gate_passes(report, gates[g])) fprintf(stderr, "gate %s does not pass\n", gates[g]);
    CHECK(gate_passes(report, gates[g]));
  }
  rollgate_free(report);
  rollgate_session_free(session);
}

/* The conversions are the facts document's: a whole double for an int, an
 * int for a double, a duration's text for a duration; and what the facts
 * document rejects is rejected, naming the fact as subject, without a file
 * or a position. */
static void test_typed_setters_convert_as_the_facts_document(const rollgate_plan *plan) {
  rollgate_session *session = new_session(plan);
  rollgate_error *err = NULL;
  rollgate_problem problem;
  char *report;
  CHECK(rollgate_session_set_fact_double(session, "i", 1, -5.0, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_int(session, "d", 1, 2, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_string(session, "du", 2, "1h30m", ROLLGATE_NUL_TERMINATED, NULL, NULL) ==
        ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_int(session, "y", 1, 3, NULL, NULL) == ROLLGATE_OK);
  report = evaluate_json(session, NOW);
  CHECK(gate_passes(report, "a/i"));
  CHECK(gate_passes(report, "a/du"));
  CHECK(!gate_passes(report, "a/d")); /* 2.0, not 2.5 */
  CHECK(!gate_passes(report, "a/y")); /* a dyn int 3 is not 3.0 */
  rollgate_free(report);

  CHECK(rollgate_session_set_fact_double(session, "i", 1, 3.5, NULL, &err) == ROLLGATE_EINPUT);
  problem = first_problem(err);
  CHECK(same_text(problem.kind, "wrong-type"));
  CHECK(contains(problem.message, "expected int, got 3.5"));
  CHECK(problem.subject_kind == ROLLGATE_SUBJECT_FACT);
  CHECK(same_text(problem.subject, "i"));
  CHECK(same_text(problem.file, ""));
  CHECK(same_text(problem.pointer, ""));
  CHECK(problem.line == 0 && problem.column == 0);
  rollgate_error_free(err);
  CHECK(rollgate_session_set_fact_int(session, "u", 1, -1, NULL, &err) == ROLLGATE_EINPUT);
  CHECK(contains(rollgate_error_message(err), "expected uint, got -1"));
  rollgate_error_free(err);
  CHECK(rollgate_session_set_fact_uint(session, "i", 1, UINT64_MAX, NULL, &err) == ROLLGATE_EINPUT);
  rollgate_error_free(err);
  CHECK(rollgate_session_set_fact_bool(session, "s", 1, 1, NULL, &err) == ROLLGATE_EINPUT);
  CHECK(contains(rollgate_error_message(err), "expected string, got true"));
  rollgate_error_free(err);
  CHECK(rollgate_session_set_fact_string(session, "t", 1, "yesterday", 9, NULL, &err) == ROLLGATE_EINPUT);
  CHECK(contains(rollgate_error_message(err), "RFC 3339"));
  rollgate_error_free(err);
  /* Arguments out of their range are EINVAL. */
  CHECK(rollgate_session_set_fact_bool(session, "b", 1, 2, NULL, &err) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), "rollgate_session_set_fact_bool"));
  rollgate_error_free(err);
  CHECK(rollgate_session_set_fact_timestamp(session, "t", 1, NOW, 1000000000, NULL, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_session_set_fact_duration(session, "du", 2, 5, -1, NULL, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_session_set_fact_string(session, "s", 1, "\xff", 1, NULL, &err) == ROLLGATE_EINPUT);
  CHECK(contains(rollgate_error_message(err), "UTF-8"));
  rollgate_error_free(err);
  CHECK(rollgate_session_set_fact_int(NULL, "i", 1, 1, NULL, &err) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), "rollgate_session_set_fact_int: session is NULL"));
  rollgate_error_free(err);
  CHECK(rollgate_session_set_fact_json(session, "l", 1, NULL, 0, NULL, NULL) == ROLLGATE_EINVAL);
  rollgate_session_free(session);
}

/* Issue 8's set_fact defects: no invented file, an undeclared fact has a
 * kind, a subject and a suggestion; a value that does not convert is
 * located within the value text. */
static void test_set_fact_errors_name_the_fact(const rollgate_plan *plan) {
  rollgate_session *session = new_session(plan);
  rollgate_error *err = NULL;
  rollgate_problem problem;
  rollgate_fact_meta meta = ROLLGATE_FACT_META_INIT;

  CHECK(rollgate_session_set_fact(session, "pilot.advisor", ROLLGATE_NUL_TERMINATED, "9", 1, &err) ==
        ROLLGATE_EINPUT);
  problem = first_problem(err);
  CHECK(same_text(problem.kind, "undeclared-fact"));
  CHECK(same_text(problem.message,
                  "fact 'pilot.advisor' is not declared by the plan (did you mean 'pilot.advisors'?)"));
  CHECK(same_text(problem.suggestion, "pilot.advisors"));
  CHECK(problem.subject_kind == ROLLGATE_SUBJECT_FACT);
  CHECK(same_text(problem.subject, "pilot.advisor"));
  CHECK(same_text(problem.file, ""));
  rollgate_error_free(err);
  /* The same from every setter. */
  CHECK(rollgate_session_set_fact_int(session, "pilot.advisor", ROLLGATE_NUL_TERMINATED, 9, NULL, &err) ==
        ROLLGATE_EINPUT);
  CHECK(same_text(first_problem(err).suggestion, "pilot.advisors"));
  rollgate_error_free(err);
  CHECK(rollgate_session_clear_fact(session, "pilot.advisor", ROLLGATE_NUL_TERMINATED, &err) == ROLLGATE_EINPUT);
  CHECK(same_text(first_problem(err).kind, "undeclared-fact"));
  rollgate_error_free(err);

  CHECK(rollgate_session_set_fact(session, "l", 1, "[1,\n 2.5]", ROLLGATE_NUL_TERMINATED, &err) ==
        ROLLGATE_EINPUT);
  problem = first_problem(err);
  CHECK(same_text(problem.file, ""));
  CHECK(same_text(problem.pointer, "/1"));
  CHECK(problem.line == 2 && problem.column == 2);
  CHECK(problem.subject_kind == ROLLGATE_SUBJECT_FACT);
  CHECK(same_text(problem.subject, "l"));
  CHECK(!contains(rollgate_error_message(err), "fact l:1"));
  rollgate_error_free(err);
  CHECK(rollgate_session_set_fact(session, "i", 1, "{\"value\": 1, \"when\": 2}", ROLLGATE_NUL_TERMINATED,
                                  &err) == ROLLGATE_EINPUT);
  problem = first_problem(err);
  CHECK(same_text(problem.kind, "unknown-field"));
  CHECK(problem.subject_kind == ROLLGATE_SUBJECT_FACT);
  rollgate_error_free(err);
  CHECK(rollgate_session_set_fact_json(session, "m", 1, "{\"k\":\n  1,\n \"k2\" 2}", ROLLGATE_NUL_TERMINATED,
                                       NULL, &err) == ROLLGATE_EJSON);
  problem = first_problem(err);
  CHECK(problem.line == 3);
  CHECK(same_text(problem.file, ""));
  CHECK(problem.subject_kind == ROLLGATE_SUBJECT_FACT);
  CHECK(same_text(problem.subject, "m"));
  rollgate_error_free(err);
  /* _json takes the value alone: a map's "value" key is the map's. */
  CHECK(rollgate_session_set_fact_json(session, "m", 1, "{\"value\": 1}", ROLLGATE_NUL_TERMINATED, NULL, NULL) ==
        ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_json(session, "m", 1, "{\"k\": \"x\"}", ROLLGATE_NUL_TERMINATED, NULL, &err) ==
        ROLLGATE_EINPUT);
  CHECK(same_text(first_problem(err).pointer, "/k"));
  rollgate_error_free(err);
  meta.version = 99;
  CHECK(rollgate_session_set_fact_int(session, "i", 1, 1, &meta, &err) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), "rollgate_fact_meta version 99"));
  rollgate_error_free(err);
  meta.version = ROLLGATE_FACT_META_VERSION;
  meta.has_observed_at = 1;
  meta.observed_at_nanos = -1;
  CHECK(rollgate_session_set_fact_int(session, "i", 1, 1, &meta, NULL) == ROLLGATE_EINVAL);
  rollgate_session_free(session);
}

/* A failed set leaves the inputs as they were; a report made before a
 * change keeps what it said. */
static void test_all_or_nothing_and_earlier_reports_unchanged(const rollgate_plan *plan) {
  rollgate_session *session = new_session(plan);
  rollgate_report *first = NULL;
  char *before, *after, *first_json = NULL, *first_again = NULL;
  CHECK(rollgate_session_set_fact_int(session, "i", 1, -5, NULL, NULL) == ROLLGATE_OK);
  before = inputs_of(session);
  CHECK(rollgate_session_set_fact_double(session, "i", 1, 0.5, NULL, NULL) == ROLLGATE_EINPUT);
  CHECK(rollgate_session_set_progress(session, "nope", 4, NULL, NULL) == ROLLGATE_EINPUT);
  after = inputs_of(session);
  CHECK(same_text(before, after));
  rollgate_free(after);

  CHECK(rollgate_session_evaluate(&first, session, NOW, 0, NULL) == ROLLGATE_OK);
  CHECK(rollgate_report_json(&first_json, NULL, first, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_int(session, "i", 1, 7, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_clear_fact(session, "b", 1, NULL) == ROLLGATE_OK);
  after = inputs_of(session);
  CHECK(!same_text(before, after));
  CHECK(contains(after, "\"value\": 7"));
  rollgate_free(evaluate_json(session, NOW + 60));
  CHECK(rollgate_report_json(&first_again, NULL, first, NULL) == ROLLGATE_OK);
  CHECK(same_text(first_json, first_again));
  CHECK(gate_passes(first_json, "a/i"));
  rollgate_free(before);
  rollgate_free(after);
  rollgate_free(first_json);
  rollgate_free(first_again);
  rollgate_report_free(first);
  rollgate_session_free(session);
}

/* set_progress on a matrix id sets every expansion; NULL removes it;
 * unknown stages are EINPUT with a suggestion and subject kind stage. */
static void test_progress_one_stage_at_a_time(const rollgate_plan *plan) {
  rollgate_session *session = new_session(plan);
  rollgate_progress progress = ROLLGATE_PROGRESS_INIT;
  rollgate_error *err = NULL;
  rollgate_problem problem;
  char *json;
  progress.state = ROLLGATE_PROGRESS_DONE;
  progress.has_done_at = 1;
  progress.done_at_seconds = NOW - 60;
  progress.reason = "finished early";
  CHECK(rollgate_session_set_progress(session, "wave", ROLLGATE_NUL_TERMINATED, &progress, NULL) == ROLLGATE_OK);
  progress.state = ROLLGATE_PROGRESS_IN_PROGRESS;
  progress.has_done_at = 0;
  progress.reason = NULL;
  progress.requested_by = "kim";
  CHECK(rollgate_session_set_progress(session, "a", 1, &progress, NULL) == ROLLGATE_OK);
  json = inputs_of(session);
  CHECK(contains(json, "\"wave-north\": {\n      \"state\": \"done\""));
  CHECK(contains(json, "\"wave-south\": {\n      \"state\": \"done\""));
  CHECK(contains(json, "\"reason\": \"finished early\""));
  CHECK(contains(json, "\"requested_by\": \"kim\""));
  rollgate_free(json);
  json = evaluate_json(session, NOW);
  CHECK(contains(json, "\"status\": \"in_progress\""));
  rollgate_free(json);

  CHECK(rollgate_session_set_progress(session, "wave-south", ROLLGATE_NUL_TERMINATED, NULL, NULL) == ROLLGATE_OK);
  json = inputs_of(session);
  CHECK(contains(json, "wave-north"));
  CHECK(!contains(json, "wave-south"));
  rollgate_free(json);

  CHECK(rollgate_session_set_progress(session, "wavee", ROLLGATE_NUL_TERMINATED, &progress, &err) ==
        ROLLGATE_EINPUT);
  problem = first_problem(err);
  CHECK(same_text(problem.kind, "unknown-id"));
  CHECK(same_text(problem.suggestion, "wave"));
  CHECK(problem.subject_kind == ROLLGATE_SUBJECT_STAGE);
  CHECK(same_text(problem.subject, "wavee"));
  CHECK(same_text(problem.message, "progress names unknown stage 'wavee' (did you mean 'wave'?)"));
  rollgate_error_free(err);
  progress.state = (rollgate_progress_state)9;
  CHECK(rollgate_session_set_progress(session, "a", 1, &progress, &err) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), "progress->state 9"));
  rollgate_error_free(err);
  progress.state = ROLLGATE_PROGRESS_DONE;
  progress.version = 0;
  CHECK(rollgate_session_set_progress(session, "a", 1, &progress, NULL) == ROLLGATE_EINVAL);
  progress.version = ROLLGATE_PROGRESS_VERSION;
  progress.has_started_at = 1;
  progress.started_at_nanos = 1000000000;
  CHECK(rollgate_session_set_progress(session, "a", 1, &progress, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_session_set_progress(session, NULL, 0, NULL, NULL) == ROLLGATE_EINVAL);
  rollgate_session_free(session);
}

/* add_approval counts toward the stage's requirement at once. */
static void test_add_approval(const rollgate_plan *plan) {
  rollgate_session *session = new_session(plan);
  rollgate_approval approval = ROLLGATE_APPROVAL_INIT;
  rollgate_error *err = NULL;
  rollgate_problem problem;
  char *json;
  approval.stage = "wave";
  approval.role = "security";
  approval.by = "alice";
  approval.has_at = 1;
  approval.at_seconds = NOW - 600;
  approval.note = "pen test 42";
  json = evaluate_json(session, NOW);
  CHECK(contains(json, "needs 1 approval(s) by security, has 0"));
  rollgate_free(json);
  CHECK(rollgate_session_add_approval(session, &approval, NULL) == ROLLGATE_OK);
  json = evaluate_json(session, NOW);
  CHECK(!contains(json, "needs 1 approval(s) by security"));
  CHECK(contains(json, "alice"));
  rollgate_free(json);
  json = inputs_of(session);
  CHECK(contains(json, "\"stage\": \"wave\""));
  CHECK(contains(json, "\"note\": \"pen test 42\""));
  rollgate_free(json);

  approval.stage = "wav";
  CHECK(rollgate_session_add_approval(session, &approval, &err) == ROLLGATE_EINPUT);
  problem = first_problem(err);
  CHECK(same_text(problem.kind, "unknown-id"));
  CHECK(same_text(problem.suggestion, "wave"));
  CHECK(problem.subject_kind == ROLLGATE_SUBJECT_STAGE);
  rollgate_error_free(err);
  approval.stage = "wave";
  approval.by = NULL;
  CHECK(rollgate_session_add_approval(session, &approval, &err) == ROLLGATE_EINPUT);
  problem = first_problem(err);
  CHECK(same_text(problem.kind, "missing-field"));
  CHECK(contains(problem.message, "'by'"));
  rollgate_error_free(err);
  approval.by = "bob";
  approval.at_nanos = -3;
  CHECK(rollgate_session_add_approval(session, &approval, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_session_add_approval(session, NULL, NULL) == ROLLGATE_EINVAL);
  json = inputs_of(session);
  CHECK(!contains(json, "bob"));
  rollgate_free(json);
  rollgate_session_free(session);
}

/* set_inputs(inputs()) gives the same inputs and the same report. */
static int round_trips(const rollgate_plan *plan, rollgate_session *session, const char *what) {
  rollgate_session *copy = new_session(plan);
  rollgate_error *err = NULL;
  char *json = inputs_of(session), *again = NULL, *report = NULL, *copy_report = NULL;
  int ok = 1;
  if (rollgate_session_set_inputs(copy, json, ROLLGATE_NUL_TERMINATED, "inputs.json", &err) != ROLLGATE_OK) {
    fprintf(stderr, "%s: inputs() does not read back: %s\n%s\n", what, rollgate_error_message(err), json);
    ok = 0;
  } else {
    again = inputs_of(copy);
    /* Both evaluations first ones: no state, no transitions. */
    CHECK(rollgate_session_clear_state(session, NULL) == ROLLGATE_OK);
    report = evaluate_json(session, NOW);
    copy_report = evaluate_json(copy, NOW);
    if (!same_text(json, again)) {
      fprintf(stderr, "%s: inputs differ after the round trip:\n%s\n%s\n", what, json, again);
      ok = 0;
    }
    /* Facts the plan does not declare come back as nothing, and so does
     * their warning. */
    if (contains(report, "\"warnings\": []") && !same_text(report, copy_report)) {
      fprintf(stderr, "%s: the reports differ after the round trip:\n%s\n%s\n", what, report, copy_report);
      ok = 0;
    }
  }
  rollgate_error_free(err);
  rollgate_free(json);
  rollgate_free(again);
  rollgate_free(report);
  rollgate_free(copy_report);
  rollgate_session_free(copy);
  return ok;
}

static void test_typed_sets_round_trip(const rollgate_plan *plan) {
  rollgate_session *session = new_session(plan);
  rollgate_fact_meta meta = ROLLGATE_FACT_META_INIT;
  rollgate_progress progress = ROLLGATE_PROGRESS_INIT;
  rollgate_approval approval = ROLLGATE_APPROVAL_INIT;
  char *json;
  meta.has_observed_at = 1;
  meta.observed_at_seconds = NOW - 100;
  meta.observed_at_nanos = 123000000;
  meta.source = "s\"rc";
  CHECK(round_trips(plan, session, "empty"));
  CHECK(rollgate_session_set_fact_bool(session, "b", 1, 0, &meta, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_int(session, "i", 1, INT64_MIN, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_uint(session, "u", 1, UINT64_MAX, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_double(session, "d", 1, 0.1, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_string(session, "s", 1, "a\nb\"c\\", ROLLGATE_NUL_TERMINATED, &meta, NULL) ==
        ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_timestamp(session, "t", 1, NOW - 7200, 1, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_duration(session, "du", 2, -1, -500, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_string(session, "by", 2, "AP8=", 4, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_json(session, "m", 1, "{\"b\": 2, \"a\": 1}", ROLLGATE_NUL_TERMINATED, NULL,
                                       NULL) == ROLLGATE_OK);
  CHECK(round_trips(plan, session, "typed scalars"));
  /* dyn: an integral double stays a double, a big uint a uint, a
   * timestamp becomes its text, NaN its proto3 string. */
  CHECK(rollgate_session_set_fact_double(session, "y", 1, 3.0, NULL, NULL) == ROLLGATE_OK);
  CHECK(round_trips(plan, session, "dyn double"));
  CHECK(rollgate_session_set_fact_json(session, "y", 1, "[1, 2.0, \"x\", null, {\"k\": [true]}, 18446744073709551615]",
                                       ROLLGATE_NUL_TERMINATED, NULL, NULL) == ROLLGATE_OK);
  CHECK(round_trips(plan, session, "dyn json"));
  CHECK(rollgate_session_set_fact_timestamp(session, "y", 1, NOW, 0, NULL, NULL) == ROLLGATE_OK);
  json = inputs_of(session);
  CHECK(contains(json, "\"y\": {\n      \"value\": \"2026-11-23T09:00:00Z\""));
  rollgate_free(json);
  CHECK(round_trips(plan, session, "dyn timestamp"));
  CHECK(rollgate_session_set_fact_double(session, "y", 1, NAN, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_double(session, "d", 1, -INFINITY, NULL, NULL) == ROLLGATE_OK);
  json = inputs_of(session);
  CHECK(contains(json, "\"value\": \"NaN\""));
  CHECK(contains(json, "\"value\": \"-Infinity\""));
  rollgate_free(json);
  CHECK(round_trips(plan, session, "NaN and infinity"));
  progress.state = ROLLGATE_PROGRESS_HELD;
  progress.reason = "incident 7";
  CHECK(rollgate_session_set_progress(session, "wave", 4, &progress, NULL) == ROLLGATE_OK);
  approval.stage = "wave";
  approval.role = "security";
  approval.by = "alice";
  CHECK(rollgate_session_add_approval(session, &approval, NULL) == ROLLGATE_OK);
  approval.stage = "wave-south";
  approval.by = "bob";
  CHECK(rollgate_session_add_approval(session, &approval, NULL) == ROLLGATE_OK);
  CHECK(round_trips(plan, session, "progress and approvals"));
  CHECK(rollgate_session_clear_fact(session, "u", 1, NULL) == ROLLGATE_OK);
  CHECK(round_trips(plan, session, "cleared"));
  rollgate_session_free(session);
}

/* Every example's plans with every facts document of it that they take. */
static void test_examples_round_trip(const char *examples) {
  const char *dirs[] = {"bookme", "big-bang", "hybrid", "quality-monitoring"};
  const char *plans[] = {"plan.json", "plan-with-soak.json", "plan-v2.json"};
  size_t d, p;
  int f, tried = 0;
  for (d = 0; d < sizeof dirs / sizeof dirs[0]; ++d) {
    for (p = 0; p < sizeof plans / sizeof plans[0]; ++p) {
      char path[1024];
      char *plan_text;
      rollgate_plan *plan;
      snprintf(path, sizeof path, "%s/%s/%s", examples, dirs[d], plans[p]);
      plan_text = read_file(path, NULL);
      if (!plan_text) continue;
      plan = compile(plan_text);
      CHECK(plan != NULL);
      for (f = 0; f <= 9 && plan; ++f) {
        char *facts;
        rollgate_session *session;
        if (f == 0) snprintf(path, sizeof path, "%s/%s/facts.json", examples, dirs[d]);
        else snprintf(path, sizeof path, "%s/%s/facts-%d.json", examples, dirs[d], f);
        facts = read_file(path, NULL);
        if (!facts) continue;
        session = new_session(plan);
        if (rollgate_session_set_inputs(session, facts, ROLLGATE_NUL_TERMINATED, path, NULL) == ROLLGATE_OK) {
          ++tried;
          CHECK(round_trips(plan, session, path));
        }
        rollgate_session_free(session);
        free(facts);
      }
      rollgate_plan_free(plan);
      free(plan_text);
    }
  }
  fprintf(stderr, "%d example facts documents round-tripped\n", tried);
  CHECK(tried >= 30);
}

/* After a typed set, the session's incremental evaluation equals a full
 * evaluation of the same inputs from the same state: report and state,
 * byte for byte. */
static void test_incremental_after_typed_set_equals_full(const rollgate_plan *plan) {
  rollgate_session *session = new_session(plan);
  rollgate_session *fresh = new_session(plan);
  rollgate_progress progress = ROLLGATE_PROGRESS_INIT;
  rollgate_approval approval = ROLLGATE_APPROVAL_INIT;
  int step;
  CHECK(rollgate_session_set_fact_bool(session, "b", 1, 1, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_fact_int(session, "i", 1, -5, NULL, NULL) == ROLLGATE_OK);
  rollgate_free(evaluate_json(session, NOW));
  for (step = 0; step < 6; ++step) {
    char *state = state_of(session), *inputs, *incremental, *full, *state_after, *fresh_state;
    int64_t now = NOW + 60 * (step + 1);
    switch (step) {
      case 0: CHECK(rollgate_session_set_fact_int(session, "i", 1, 4, NULL, NULL) == ROLLGATE_OK); break;
      case 1: CHECK(rollgate_session_set_fact_double(session, "d", 1, 2.5, NULL, NULL) == ROLLGATE_OK); break;
      case 2:
        progress.state = ROLLGATE_PROGRESS_DONE;
        CHECK(rollgate_session_set_progress(session, "a", 1, &progress, NULL) == ROLLGATE_OK);
        break;
      case 3:
        approval.stage = "wave-north";
        approval.role = "security";
        approval.by = "carol";
        CHECK(rollgate_session_add_approval(session, &approval, NULL) == ROLLGATE_OK);
        break;
      case 4: CHECK(rollgate_session_clear_fact(session, "b", 1, NULL) == ROLLGATE_OK); break;
      default: CHECK(rollgate_session_set_progress(session, "a", 1, NULL, NULL) == ROLLGATE_OK); break;
    }
    inputs = inputs_of(session);
    CHECK(rollgate_session_set_state(fresh, state, ROLLGATE_NUL_TERMINATED, NULL, NULL) == ROLLGATE_OK);
    CHECK(rollgate_session_set_inputs(fresh, inputs, ROLLGATE_NUL_TERMINATED, NULL, NULL) == ROLLGATE_OK);
    incremental = evaluate_json(session, now);
    full = evaluate_json(fresh, now);
    state_after = state_of(session);
    fresh_state = state_of(fresh);
    CHECK(incremental != NULL && same_text(incremental, full));
    CHECK(same_text(state_after, fresh_state));
    rollgate_free(state);
    rollgate_free(inputs);
    rollgate_free(incremental);
    rollgate_free(full);
    rollgate_free(state_after);
    rollgate_free(fresh_state);
  }
  rollgate_session_free(fresh);
  rollgate_session_free(session);
}

int main(int argc, char **argv) {
  rollgate_plan *plan = compile(kPlan);
  char *empty = NULL;
  CHECK(plan != NULL);
  if (!plan) return 1;
  CHECK(rollgate_session_inputs(&empty, NULL, NULL, NULL) == ROLLGATE_EINVAL);
  CHECK(empty == NULL);
  test_typed_setters_set_every_type(plan);
  test_typed_setters_convert_as_the_facts_document(plan);
  test_set_fact_errors_name_the_fact(plan);
  test_all_or_nothing_and_earlier_reports_unchanged(plan);
  test_progress_one_stage_at_a_time(plan);
  test_add_approval(plan);
  test_typed_sets_round_trip(plan);
  test_incremental_after_typed_set_equals_full(plan);
  if (argc > 2) test_examples_round_trip(argv[2]);
  else CHECK(!"the examples folder is argument 2");
  rollgate_plan_free(plan);
  fprintf(stderr, "%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
