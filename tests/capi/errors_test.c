/* Errors through the C ABI: rollgate_error_problem, kinds, suggestions,
 * subjects and their kinds, no invented file names, the int fact range and
 * the digest of a matrix's key order.  C99 against rollgate.h only; the last
 * line is "N passed, N failed". */
#include <rollgate.h>

#include "check.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>


static int same(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

/* The plan's error, or NULL when it compiles (then freed). */
static rollgate_error *plan_error(const char *text, const char *file_name) {
  rollgate_plan *plan = NULL;
  rollgate_error *err = NULL;
  if (rollgate_plan_compile(&plan, text, ROLLGATE_NUL_TERMINATED, file_name, &err) == ROLLGATE_OK) {
    rollgate_plan_free(plan);
    return NULL;
  }
  return err;
}

/* Problem `index` of err whose message contains `words`, into *out. */
static int find_problem(rollgate_problem *out, const rollgate_error *err, const char *words) {
  size_t i, count = rollgate_error_count(err);
  for (i = 0; i < count; ++i) {
    rollgate_problem p = ROLLGATE_PROBLEM_INIT;
    if (rollgate_error_problem(&p, err, i, NULL) == ROLLGATE_OK && contains(p.message, words)) {
      *out = p;
      return 1;
    }
  }
  fprintf(stderr, "  no problem says '%s' in:\n%s\n", words, rollgate_error_message(err));
  return 0;
}

static void test_problem_fields(void) {
  const char *text =
      "{\"rollgate\": 1, \"facts\": {\"uptime\": {\"type\": \"double\"}},\n"
      " \"stages\": [{\"id\": \"a\", \"gates\": [{\"id\": \"g\", \"expr\": \"uptme > 1.0\"}]}]}";
  rollgate_error *err = plan_error(text, "plan.json");
  rollgate_problem p = ROLLGATE_PROBLEM_INIT;
  CHECK(err != NULL);
  CHECK(rollgate_error_count(err) == 1);
  CHECK(rollgate_error_problem(&p, err, 0, NULL) == ROLLGATE_OK);
  CHECK(p.version == ROLLGATE_PROBLEM_VERSION);
  CHECK(same(p.kind, "cel-type"));
  CHECK(same(p.message, "undeclared reference to 'uptme' (did you mean 'uptime'?)"));
  CHECK(same(p.suggestion, "uptime"));
  CHECK(same(p.file, "plan.json"));
  CHECK(same(p.pointer, "/stages/0/gates/0/expr"));
  CHECK(same(p.subject, "a/g"));
  CHECK(p.subject_kind == ROLLGATE_SUBJECT_GATE);
  CHECK(p.line == 2);
  CHECK(p.column == 56);
  rollgate_error_free(err);
}

/* Strings are "" (never NULL) for the parts a problem does not have. */
static void test_absent_parts_are_empty(void) {
  rollgate_error *err = plan_error("{\"rollgate\": 1, \"stages\": [{\"id\": \"s\"}], \"zzzzzzzz\": 1}", NULL);
  rollgate_problem p = ROLLGATE_PROBLEM_INIT;
  CHECK(rollgate_error_problem(&p, err, 0, NULL) == ROLLGATE_OK);
  CHECK(same(p.kind, "unknown-field"));
  CHECK(same(p.suggestion, ""));
  CHECK(same(p.file, ""));
  CHECK(same(p.subject, ""));
  CHECK(p.subject_kind == ROLLGATE_SUBJECT_NONE);
  CHECK(p.line == 1);
  rollgate_error_free(err);
}

static void test_subjects_and_their_kinds(void) {
  const char *text =
      "{\"rollgate\": 1, \"facts\": {\"ok\": {\"type\": \"bool\", \"owenr\": \"x\"}},\n"
      " \"stages\": [{\"id\": \"a\", \"titel\": \"A\",\n"
      "              \"gates\": [{\"id\": \"g\", \"expr\": \"ok\", \"kinds\": \"must\"}]},\n"
      "            {\"id\": \"w\", \"matrix\": {\"n\": [1, 2]}, \"after\": [\"b\"],\n"
      "             \"gates\": [{\"id\": \"h\", \"expr\": \"ok\", \"wieght\": 2}]}]}";
  rollgate_error *err = plan_error(text, "plan.json");
  rollgate_problem p = ROLLGATE_PROBLEM_INIT;
  CHECK(err != NULL);
  if (find_problem(&p, err, "'kinds'")) {
    CHECK(same(p.subject, "a/g"));
    CHECK(p.subject_kind == ROLLGATE_SUBJECT_GATE);
    CHECK(same(p.suggestion, "kind"));
  }
  if (find_problem(&p, err, "'titel'")) {
    CHECK(same(p.subject, "a"));
    CHECK(p.subject_kind == ROLLGATE_SUBJECT_STAGE);
  }
  if (find_problem(&p, err, "'owenr'")) {
    CHECK(same(p.subject, "ok"));
    CHECK(p.subject_kind == ROLLGATE_SUBJECT_FACT);
    CHECK(same(p.suggestion, "owner"));
  }
  if (find_problem(&p, err, "'wieght'")) {
    CHECK(same(p.subject, "w/h"));  /* the matrix id, not w-1 */
    CHECK(p.subject_kind == ROLLGATE_SUBJECT_GATE);
  }
  if (find_problem(&p, err, "unknown stage 'b'")) {
    CHECK(same(p.kind, "unknown-id"));
    CHECK(same(p.subject, "w"));
    CHECK(p.subject_kind == ROLLGATE_SUBJECT_STAGE);
  }
  rollgate_error_free(err);
}

static void test_error_problem_rejects_bad_arguments(void) {
  rollgate_error *err = plan_error("{\"rollgate\": 1, \"stages\": []}", NULL);
  rollgate_error *why = NULL;
  rollgate_problem p = ROLLGATE_PROBLEM_INIT;
  rollgate_problem future = ROLLGATE_PROBLEM_INIT;
  CHECK(rollgate_error_count(err) == 1);

  CHECK(rollgate_error_problem(NULL, err, 0, &why) == ROLLGATE_EINVAL);
  CHECK(same(rollgate_error_message(why), "rollgate_error_problem: out is NULL"));
  rollgate_error_free(why);

  CHECK(rollgate_error_problem(&p, NULL, 0, &why) == ROLLGATE_EINVAL);
  CHECK(same(rollgate_error_message(why), "rollgate_error_problem: error is NULL"));
  CHECK(p.message == NULL && p.kind == NULL);
  /* The error about the error is a problem of its own, of kind invalid-argument. */
  CHECK(rollgate_error_problem(&p, why, 0, NULL) == ROLLGATE_OK);
  CHECK(same(p.kind, "invalid-argument"));
  rollgate_error_free(why);

  CHECK(rollgate_error_problem(&p, err, 1, &why) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(why), "index 1 is out of range (the error has 1 problems)"));
  CHECK(p.message == NULL);
  rollgate_error_free(why);

  future.version = ROLLGATE_PROBLEM_VERSION + 1;
  CHECK(rollgate_error_problem(&future, err, 0, &why) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(why), "rollgate_problem version 2"));
  CHECK(future.message == NULL);
  rollgate_error_free(why);
  future.version = 0;
  CHECK(rollgate_error_problem(&future, err, 0, &why) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(why), "version 0"));
  rollgate_error_free(why);

  /* On success *err is set to NULL. */
  why = (rollgate_error *)&p;
  CHECK(rollgate_error_problem(&p, err, 0, &why) == ROLLGATE_OK);
  CHECK(why == NULL);
  rollgate_error_free(err);
}

/* Without a file name, no error invents one: the file is "" and the message
 * starts at the line. */
static void test_no_file_name_is_invented(void) {
  rollgate_plan *plan = NULL;
  rollgate_session *session = NULL;
  rollgate_report *report = NULL;
  rollgate_error *err = plan_error("{\"rollgate\": 1,\n \"stages\": [{\"id\": \"a\", \"after\": [\"x\"]}]}", NULL);
  rollgate_problem p = ROLLGATE_PROBLEM_INIT;
  CHECK(rollgate_error_problem(&p, err, 0, NULL) == ROLLGATE_OK);
  CHECK(same(p.file, ""));
  CHECK(same(rollgate_error_message(err), "2:35: /stages/0/after/0: stage a: 'after' names unknown stage 'x'"));
  rollgate_error_free(err);

  CHECK(rollgate_plan_compile(&plan, "{\"rollgate\": 1, \"facts\": {\"n\": {\"type\": \"int\"}},"
                              " \"stages\": [{\"id\": \"a\"}]}",
                              ROLLGATE_NUL_TERMINATED, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_new(&session, plan, NULL) == ROLLGATE_OK);
  err = NULL;
  CHECK(rollgate_session_set_inputs(session, "{\"facts\": {\"n\": true}}", ROLLGATE_NUL_TERMINATED, NULL,
                                    &err) == ROLLGATE_EINPUT);
  CHECK(rollgate_error_problem(&p, err, 0, NULL) == ROLLGATE_OK);
  CHECK(same(p.file, ""));
  CHECK(!contains(rollgate_error_message(err), "facts.json"));
  rollgate_error_free(err);
  err = NULL;
  CHECK(rollgate_session_what_if(&report, session, "{\"facts\": {\"n\": 1.5}}", ROLLGATE_NUL_TERMINATED, NULL,
                                 1800000000, 0, &err) == ROLLGATE_EINPUT);
  CHECK(rollgate_error_problem(&p, err, 0, NULL) == ROLLGATE_OK);
  CHECK(same(p.file, ""));
  CHECK(!contains(rollgate_error_message(err), "patch.json"));
  rollgate_error_free(err);
  err = NULL;
  CHECK(rollgate_session_set_state(session, "{\"rollgate_state\": 9}", ROLLGATE_NUL_TERMINATED, NULL, &err) ==
        ROLLGATE_EINPUT);
  CHECK(rollgate_error_problem(&p, err, 0, NULL) == ROLLGATE_OK);
  CHECK(same(p.file, ""));
  CHECK(same(p.kind, "unsupported-version"));
  CHECK(!contains(rollgate_error_message(err), "state.json"));
  rollgate_error_free(err);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

/* -9223372036854775809 is rejected like 9223372036854775808, not clamped. */
static void test_int_fact_range(void) {
  static const char *const outside[] = {"-9223372036854775809", "9223372036854775808"};
  rollgate_plan *plan = NULL;
  rollgate_session *session = NULL;
  size_t i;
  CHECK(rollgate_plan_compile(&plan, "{\"rollgate\": 1, \"facts\": {\"n\": {\"type\": \"int\"}},"
                              " \"stages\": [{\"id\": \"a\"}]}",
                              ROLLGATE_NUL_TERMINATED, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_new(&session, plan, NULL) == ROLLGATE_OK);
  for (i = 0; i < sizeof outside / sizeof outside[0]; ++i) {
    char facts[128];
    rollgate_error *err = NULL;
    rollgate_problem p = ROLLGATE_PROBLEM_INIT;
    snprintf(facts, sizeof facts, "{\"facts\": {\"n\": %s}}", outside[i]);
    CHECK(rollgate_session_set_inputs(session, facts, ROLLGATE_NUL_TERMINATED, "facts.json", &err) ==
          ROLLGATE_EINPUT);
    CHECK(rollgate_error_problem(&p, err, 0, NULL) == ROLLGATE_OK);
    CHECK(same(p.kind, "out-of-range"));
    CHECK(same(p.pointer, "/facts/n"));
    CHECK(same(p.subject, "n"));
    CHECK(p.subject_kind == ROLLGATE_SUBJECT_FACT);
    CHECK(p.line == 1 && p.column == 17);
    CHECK(contains(p.message, "out of int range"));
    rollgate_error_free(err);
  }
  CHECK(rollgate_session_set_inputs(session, "{\"facts\": {\"n\": -9223372036854775808}}", ROLLGATE_NUL_TERMINATED,
                                    NULL, NULL) == ROLLGATE_OK);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

/* The order of a matrix's keys makes the stage ids (w-1-x, w-x-1), so it is
 * part of the digest; layout is not. */
static void test_digest_keeps_matrix_key_order(void) {
  rollgate_plan *ab = NULL, *ba = NULL, *ab_again = NULL;
  CHECK(rollgate_plan_compile(&ab, "{\"rollgate\": 1, \"stages\": [{\"id\": \"w\", "
                              "\"matrix\": {\"a\": [1, 2], \"b\": [\"x\", \"y\"]}}]}",
                              ROLLGATE_NUL_TERMINATED, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_plan_compile(&ba, "{\"rollgate\": 1, \"stages\": [{\"id\": \"w\", "
                              "\"matrix\": {\"b\": [\"x\", \"y\"], \"a\": [1, 2]}}]}",
                              ROLLGATE_NUL_TERMINATED, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_plan_compile(&ab_again, "{\"stages\":[{\"matrix\":{\"a\":[1,2],\"b\":[\"x\",\"y\"]},"
                              "\"id\":\"w\"}],\"rollgate\":1}",
                              ROLLGATE_NUL_TERMINATED, NULL, NULL) == ROLLGATE_OK);
  CHECK(same(rollgate_plan_stage_id(ab, 0), "w-1-x"));
  CHECK(same(rollgate_plan_stage_id(ba, 0), "w-x-1"));
  CHECK(!same(rollgate_plan_digest(ab), rollgate_plan_digest(ba)));
  CHECK(same(rollgate_plan_digest(ab), rollgate_plan_digest(ab_again)));
  rollgate_plan_free(ab);
  rollgate_plan_free(ba);
  rollgate_plan_free(ab_again);
}

/* Every problem says its kind, also those made without a loader. */
static void test_argument_errors_have_a_kind(void) {
  rollgate_plan *plan = NULL;
  rollgate_error *err = NULL;
  rollgate_problem p = ROLLGATE_PROBLEM_INIT;
  CHECK(rollgate_plan_compile(NULL, "{}", 2, NULL, &err) == ROLLGATE_EINVAL);
  CHECK(rollgate_error_problem(&p, err, 0, NULL) == ROLLGATE_OK);
  CHECK(same(p.kind, "invalid-argument"));
  CHECK(same(p.message, "rollgate_plan_compile: out is NULL"));
  rollgate_error_free(err);
  err = NULL;
  CHECK(rollgate_plan_compile(&plan, "{", 1, NULL, &err) == ROLLGATE_EJSON);
  CHECK(plan == NULL);
  CHECK(rollgate_error_problem(&p, err, 0, NULL) == ROLLGATE_OK);
  CHECK(same(p.kind, "json-syntax"));
  rollgate_error_free(err);
}

int main(void) {
  test_problem_fields();
  test_absent_parts_are_empty();
  test_subjects_and_their_kinds();
  test_error_problem_rejects_bad_arguments();
  test_no_file_name_is_invented();
  test_int_fact_range();
  test_digest_keeps_matrix_key_order();
  test_argument_errors_have_a_kind();
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
