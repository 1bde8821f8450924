/* Tests of the C ABI, written in C against rollgate.h only.  Each check
 * prints on failure; the last line is "N passed, N failed". */
#include <rollgate.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

#define CHECK(cond)                                                        \
  do {                                                                     \
    if (cond) {                                                            \
      ++passed;                                                            \
    } else {                                                               \
      ++failed;                                                            \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                      \
  } while (0)

static const char *kPlan =
    "{\"rollgate\": 1, \"name\": \"capi\", \"target\": \"b\",\n"
    " \"facts\": {\"ok\": {\"type\": \"bool\"}, \"n\": {\"type\": \"int\"}},\n"
    " \"stages\": [{\"id\": \"a\", \"gates\": [{\"id\": \"g\", \"expr\": \"ok && n > 1\"}]},\n"
    "            {\"id\": \"b\", \"after\": [\"a\"]}]}";

static int contains(const char *haystack, const char *needle) {
  return haystack && strstr(haystack, needle) != NULL;
}

static void test_versions(void) {
  CHECK(rollgate_version() == ROLLGATE_VERSION_NUMBER);
  CHECK(rollgate_abi_version() == ROLLGATE_ABI_VERSION);
  CHECK(strcmp(rollgate_version_string(), "0.1.0") == 0);
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
  const char *message, *file, *pointer, *subject;
  int32_t line, column;
  CHECK(rollgate_plan_compile(&plan, cycle, strlen(cycle), "cycle.json", &err) == ROLLGATE_EPLAN);
  CHECK(plan == NULL);
  CHECK(rollgate_error_code(err) == ROLLGATE_EPLAN);
  CHECK(rollgate_error_count(err) == 1);
  CHECK(rollgate_error_detail(&message, &file, &pointer, &subject, &line, &column, err, 0) == ROLLGATE_OK);
  CHECK(contains(message, "dependency cycle: a -> b -> a"));
  CHECK(strcmp(file, "cycle.json") == 0);
  CHECK(strcmp(pointer, "/stages/0/after") == 0);
  CHECK(strcmp(subject, "a") == 0);
  CHECK(line == 2);
  CHECK(column == 24);
  CHECK(contains(rollgate_error_message(err), "cycle.json:2:24: /stages/0/after: stage a: dependency cycle"));
  CHECK(rollgate_error_detail(NULL, NULL, NULL, NULL, NULL, NULL, err, 1) == ROLLGATE_EINVAL);
  rollgate_error_free(err);

  err = NULL;
  CHECK(rollgate_plan_compile(&plan, "{\"rollgate\": ", ROLLGATE_NUL_TERMINATED, NULL, &err) == ROLLGATE_EJSON);
  CHECK(contains(rollgate_error_message(err), "plan.json:1:"));
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

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buffer;
  long size;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  buffer = (char *)malloc((size_t)size + 1);
  *len = fread(buffer, 1, (size_t)size, f);
  buffer[*len] = '\0';
  fclose(f);
  return buffer;
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
    const char *message = NULL, *file = NULL, *pointer = NULL;
    int32_t line = 0, column = 0;
    snprintf(path, sizeof path, "%s/%s", dir, cases[i].file);
    text = read_file(path, &len);
    CHECK(text != NULL);
    if (!text) continue;
    CHECK(rollgate_plan_compile(&plan, text, len, cases[i].file, &err) == cases[i].status);
    CHECK(plan == NULL);
    CHECK(rollgate_error_count(err) >= 1);
    CHECK(rollgate_error_detail(&message, &file, &pointer, NULL, &line, &column, err, 0) == ROLLGATE_OK);
    if (message) {
      CHECK(strcmp(file, cases[i].file) == 0);
      CHECK(strcmp(pointer, cases[i].pointer) == 0);
      CHECK(line == cases[i].line);
      CHECK(cases[i].column == 0 ? column > 0 : column == cases[i].column);
      CHECK(contains(message, cases[i].text));
      if (!contains(message, cases[i].text)) fprintf(stderr, "  %s: %s\n", cases[i].file, message);
    }
    rollgate_error_free(err);
    free(text);
  }
}

int main(int argc, char **argv) {
  if (argc > 1) test_bad_plans(argv[1]);
  else CHECK(!"pass the bad-plans directory as the first argument");
  test_versions();
  test_null_safety();
  test_plan_errors_are_located();
  test_evaluate_and_reports();
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
