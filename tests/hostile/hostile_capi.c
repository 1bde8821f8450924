/* One hostile input through the C ABI, as an embedder would meet it:
 * compiles PLAN, sets FACTS (when given, "-" for none), evaluates at NOW and
 * renders the JSON report.  The first failure's message goes to stderr and
 * the exit status is 2; a report made is exit 0.  run_case.py runs it under
 * a time and memory ceiling (tests/data/hostile/README.md).
 *
 *   rollgate_hostile_capi PLAN FACTS|- NOW */
#include <rollgate.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_all(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  char *data = NULL;
  size_t capacity = 0, used = 0;
  if (!f) return NULL;
  for (;;) {
    size_t got;
    if (used == capacity) {
      char *bigger;
      capacity = capacity ? capacity * 2 : 65536;
      bigger = realloc(data, capacity);
      if (!bigger) break;
      data = bigger;
    }
    got = fread(data + used, 1, capacity - used, f);
    used += got;
    if (got == 0) break;
  }
  fclose(f);
  *size = used;
  return data;
}

static int failed(const char *what, rollgate_error *err) {
  fprintf(stderr, "%s: %s\n", what, err ? rollgate_error_message(err) : "(no error object)");
  rollgate_error_free(err);
  return 2;
}

int main(int argc, char **argv) {
  rollgate_plan *plan = NULL;
  rollgate_session *session = NULL;
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  char *text, *json = NULL;
  size_t size = 0;
  int64_t seconds = 0;
  int32_t nanos = 0;
  int status = 0;
  if (argc != 4) {
    fprintf(stderr, "usage: %s PLAN FACTS|- NOW\n", argv[0]);
    return 64;
  }
  if (rollgate_timestamp_parse(&seconds, &nanos, argv[3], strlen(argv[3]), &err) != ROLLGATE_OK)
    return failed("now", err);
  text = read_all(argv[1], &size);
  if (!text) return failed(argv[1], NULL);
  if (rollgate_plan_compile(&plan, text, size, argv[1], &err) != ROLLGATE_OK) status = failed("plan", err);
  free(text);
  if (status) return status;
  if (rollgate_session_new(&session, plan, &err) != ROLLGATE_OK) status = failed("session", err);
  if (!status && strcmp(argv[2], "-") != 0) {
    text = read_all(argv[2], &size);
    if (!text) status = failed(argv[2], NULL);
    else if (rollgate_session_set_inputs(session, text, size, argv[2], &err) != ROLLGATE_OK)
      status = failed("facts", err);
    free(text);
  }
  if (!status && rollgate_session_evaluate(&report, session, seconds, nanos, &err) != ROLLGATE_OK)
    status = failed("evaluate", err);
  if (!status && rollgate_report_json(&json, &size, report, &err) != ROLLGATE_OK) status = failed("report", err);
  if (!status) printf("report: %zu bytes\n", size);
  rollgate_free(json);
  rollgate_report_free(report);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
  return status;
}
