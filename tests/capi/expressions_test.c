/* Expressions that are not gates (rollgate_session_evaluate_expr: what
 * `rollgate expr` and `rollgate explain` stand on) and inputs merged over a
 * session's (rollgate_session_update_inputs: `--progress`).  Written in C99
 * against rollgate.h only.
 *
 *   rollgate_expressions_test BAD_PLANS_DIR EXAMPLES_DIR
 *
 * Each check prints on failure; the last line is "N passed, N failed". */
#include <rollgate.h>

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 2026-11-23T09:00:00Z */
#define NOW 1795424400

static const char *kPlan =
    "{\"rollgate\": 1, \"name\": \"expressions\",\n"
    " \"facts\": {\"a\": {\"type\": \"int\"}, \"b\": {\"type\": \"int\"},\n"
    "   \"c\": {\"type\": \"int\", \"max_age\": \"1h\"}, \"names\": {\"type\": \"list(string)\"}},\n"
    " \"stages\": [{\"id\": \"pilot\", \"gates\": [{\"id\": \"g\", \"expr\": \"a > 1 && b > 1\"}]},\n"
    "            {\"id\": \"wave\", \"after\": [\"pilot\"]}]}";

/* a = 5, b = 0, c observed two hours before NOW (stale), names set. */
static const char *kFacts =
    "{\"facts\": {\"a\": 5, \"b\": 0,\n"
    "  \"c\": {\"value\": 7, \"observed_at\": \"2026-11-23T07:00:00Z\", \"source\": \"monitor\"},\n"
    "  \"names\": [\"x\", \"y\"]}}";

static rollgate_session *new_session(rollgate_plan **plan) {
  rollgate_session *session = NULL;
  *plan = NULL;
  CHECK(rollgate_plan_compile(plan, kPlan, ROLLGATE_NUL_TERMINATED, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_new(&session, *plan, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_inputs(session, kFacts, ROLLGATE_NUL_TERMINATED, "facts.json", NULL) == ROLLGATE_OK);
  return session;
}

/* The JSON document of one expression (caller frees), or NULL. */
static char *evaluate(rollgate_session *session, const char *expr, unsigned flags) {
  char *json = NULL;
  rollgate_error *err = NULL;
  if (rollgate_session_evaluate_expr(&json, NULL, session, expr, strlen(expr), flags, NOW, 0, &err) != ROLLGATE_OK)
    fprintf(stderr, "%s: %s\n", expr, rollgate_error_message(err));
  rollgate_error_free(err);
  return json;
}

static void test_values_come_back_with_their_cel_text_and_type(rollgate_session *session) {
  char *json = evaluate(session, "names.map(n, n + '!')", 0);
  CHECK(contains(json, "\"type\": \"list(string)\""));
  CHECK(contains(json, "\"outcome\": \"value\""));
  CHECK(contains(json, "\"cel\": \"[\\\"x!\\\", \\\"y!\\\"]\""));
  CHECK(contains(json, "\"fact\": \"names\""));
  rollgate_free(json);
  json = evaluate(session, "a * 2", 0);
  CHECK(contains(json, "\"type\": \"int\"") && contains(json, "\"value\": 10,") && contains(json, "\"cel\": \"10\""));
  rollgate_free(json);
}

static void test_stale_and_missing_facts_make_an_unknown_that_says_why(rollgate_session *session) {
  char *json = evaluate(session, "c > 1", 0);
  CHECK(contains(json, "\"outcome\": \"unknown\""));
  CHECK(contains(json, "fact 'c' is stale (observed 2026-11-23T07:00:00Z, 2h ago; max_age 1h)"));
  CHECK(contains(json, "\"stale\": true") && contains(json, "\"source\": \"monitor\""));
  rollgate_free(json);
  json = evaluate(session, "1 / (a - 5)", 0);
  CHECK(contains(json, "\"outcome\": \"error\"") && contains(json, "division by zero"));
  rollgate_free(json);
}

static void test_operands_say_which_conjunct_decides(rollgate_session *session) {
  /* false && ...: the false conjunct decides; the unknown one does not. */
  char *json = evaluate(session, "a > 1 && b > 1 && (c > 1 || a == 5)", ROLLGATE_EXPR_OPERANDS);
  CHECK(contains(json, "\"operator\": \"&&\""));
  CHECK(contains(json, "\"expr\": \"b > 1\",\n      \"offset\": 9,\n      \"outcome\": \"false\""));
  CHECK(contains(json, "\"outcome\": \"false\",\n      \"value\": false,\n      \"cel\": \"false\",\n      \"message\": null,\n      \"decides\": true"));
  CHECK(contains(json, "\"expr\": \"a > 1\",\n      \"offset\": 0,\n      \"outcome\": \"true\",\n      \"value\": true,\n      \"cel\": \"true\",\n      \"message\": null,\n      \"decides\": false"));
  /* The parenthesised chain is broken down too, without its parentheses. */
  CHECK(contains(json, "\"expr\": \"c > 1 || a == 5\",\n      \"offset\": 19"));
  CHECK(contains(json, "\"operator\": \"||\""));
  rollgate_free(json);
  /* Without the flag: no operands. */
  json = evaluate(session, "a > 1 && b > 1", 0);
  CHECK(json && !contains(json, "\"operands\""));
  rollgate_free(json);
}

static void test_compile_errors_are_located_in_the_expression(rollgate_session *session) {
  char *json = NULL;
  rollgate_error *err = NULL;
  rollgate_problem p = ROLLGATE_PROBLEM_INIT;
  const char *expr = "a > 1 && nmaes == []";
  CHECK(rollgate_session_evaluate_expr(&json, NULL, session, expr, strlen(expr), 0, NOW, 0, &err) == ROLLGATE_EINPUT);
  CHECK(json == NULL);
  CHECK(rollgate_error_problem(&p, err, 0, NULL) == ROLLGATE_OK);
  CHECK(strcmp(p.kind, "cel-type") == 0);
  CHECK(strcmp(p.suggestion, "names") == 0);
  CHECK(p.line == 1 && p.column == 10);
  CHECK(strcmp(p.file, "") == 0 && strcmp(p.pointer, "") == 0);
  rollgate_error_free(err);
  err = NULL;
  CHECK(rollgate_session_evaluate_expr(&json, NULL, session, "a >", 3, 0, NOW, 0, &err) == ROLLGATE_EINPUT);
  CHECK(rollgate_error_problem(&p, err, 0, NULL) == ROLLGATE_OK && strcmp(p.kind, "cel-syntax") == 0);
  rollgate_error_free(err);
  CHECK(rollgate_session_evaluate_expr(&json, NULL, session, "a", 1, 0x80, NOW, 0, NULL) == ROLLGATE_EINVAL);
  CHECK(rollgate_session_evaluate_expr(&json, NULL, NULL, "a", 1, 0, NOW, 0, NULL) == ROLLGATE_EINVAL);
}

static void test_update_inputs_merges_and_keeps(rollgate_session *session) {
  char *inputs = NULL;
  char *json = NULL;
  rollgate_error *err = NULL;
  const char *progress = "{\"progress\": {\"pilot\": {\"state\": \"done\"}},"
                         " \"approvals\": [{\"stage\": \"wave\", \"role\": \"ops\", \"by\": \"kim\"}]}";
  CHECK(rollgate_session_update_inputs(session, progress, ROLLGATE_NUL_TERMINATED, "progress.json", NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_inputs(&inputs, NULL, session, NULL) == ROLLGATE_OK);
  /* The facts are still there; progress and approvals were added. */
  CHECK(contains(inputs, "\"a\": {\n      \"value\": 5") && contains(inputs, "\"state\": \"done\"") && contains(inputs, "\"by\": \"kim\""));
  rollgate_free(inputs);
  json = evaluate(session, "stages.pilot.state == 'done'", 0);
  CHECK(contains(json, "\"outcome\": \"true\""));
  rollgate_free(json);
  /* A fact set to null goes; a bad document changes nothing. */
  CHECK(rollgate_session_update_inputs(session, "{\"facts\": {\"b\": null}}", ROLLGATE_NUL_TERMINATED, NULL, NULL) == ROLLGATE_OK);
  json = evaluate(session, "b > 1", 0);
  CHECK(contains(json, "fact 'b' is missing"));
  rollgate_free(json);
  CHECK(rollgate_session_update_inputs(session, "{\"facts\": {\"a\": \"x\"}, \"progress\": {\"wave\": {\"state\": \"done\"}}}",
                                       ROLLGATE_NUL_TERMINATED, "p.json", &err) == ROLLGATE_EINPUT);
  CHECK(contains(rollgate_error_message(err), "p.json:1:"));
  rollgate_error_free(err);
  json = evaluate(session, "a == 5 && stages.wave.state == 'not_started'", 0);
  CHECK(contains(json, "\"outcome\": \"true\""));
  rollgate_free(json);
  CHECK(rollgate_session_update_inputs(NULL, "{}", 2, NULL, NULL) == ROLLGATE_EINVAL);
}

int main(void) {
  rollgate_plan *plan = NULL;
  rollgate_session *session = new_session(&plan);
  if (!session) return 1;
  test_values_come_back_with_their_cel_text_and_type(session);
  test_stale_and_missing_facts_make_an_unknown_that_says_why(session);
  test_operands_say_which_conjunct_decides(session);
  test_compile_errors_are_located_in_the_expression(session);
  test_update_inputs_merges_and_keeps(session);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
  fprintf(stderr, "%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
