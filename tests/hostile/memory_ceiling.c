/* A long-running embedder serving any sequence of inputs stays within a
 * fixed memory ceiling (issue 10, item 2): 100,000 rounds, each with a fresh
 * plan, fresh expressions and a fresh time-zone name from a fact, every
 * handle freed; resident memory after the first 20,000 rounds must not grow
 * by more than 8 MB over the remaining 80,000.  Caches the library keeps
 * (time zones, compiled patterns) are bounded; everything else belongs to a
 * plan, session or report and goes with it.
 *
 *   rollgate_memory_ceiling [ROUNDS]      (default 100000) */
#include <rollgate.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Resident set size in kB, from /proc/self/statm (pages). */
static long resident_kb(void) {
  long pages = 0, resident = 0;
  FILE *f = fopen("/proc/self/statm", "r");
  if (!f) return -1;
  if (fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = -1;
  fclose(f);
  return resident < 0 ? -1 : resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/* One round; 0 when every call did what it should. */
static int round_trip(long i) {
  char plan_text[1024], facts[256], expr[128];
  rollgate_plan *plan = NULL;
  rollgate_session *session = NULL;
  rollgate_report *report = NULL;
  char *json = NULL;
  int failures = 0;
  snprintf(plan_text, sizeof plan_text,
           "{\"rollgate\": 1, \"name\": \"p%ld\", \"facts\": {\"x\": {\"type\": \"int\"}, \"tz\": {\"type\": \"string\"}},"
           " \"stages\": [{\"id\": \"s%ld\", \"gates\": [{\"id\": \"g\", \"expr\": \"x > %ld\"},"
           " {\"id\": \"z\", \"expr\": \"now.getHours(tz) >= 0\"},"
           " {\"id\": \"m\", \"expr\": \"string(x).matches('^%ld[0-9]*$')\"}]}]}",
           i, i, i, i);
  snprintf(facts, sizeof facts, "{\"facts\": {\"x\": %ld, \"tz\": \"Fake/Zone_%ld\"}}", i + 1, i);
  snprintf(expr, sizeof expr, "x * %ld + size(tz)", i);
  if (rollgate_plan_compile(&plan, plan_text, ROLLGATE_NUL_TERMINATED, NULL, NULL) != ROLLGATE_OK) return 1;
  failures += rollgate_session_new(&session, plan, NULL) != ROLLGATE_OK;
  failures += rollgate_session_set_inputs(session, facts, ROLLGATE_NUL_TERMINATED, NULL, NULL) != ROLLGATE_OK;
  failures += rollgate_session_evaluate(&report, session, 1795424400, 0, NULL) != ROLLGATE_OK;
  failures += rollgate_report_json(&json, NULL, report, NULL) != ROLLGATE_OK;
  rollgate_free(json);
  json = NULL;
  failures += rollgate_session_evaluate_expr(&json, NULL, session, expr, strlen(expr), 0, 1795424400, 0, NULL) !=
              ROLLGATE_OK;
  rollgate_free(json);
  rollgate_report_free(report);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
  return failures;
}

int main(int argc, char **argv) {
  const long rounds = argc > 1 ? atol(argv[1]) : 100000;
  const long warm = rounds / 5;
  long at_warm = 0, failures = 0, i;
  for (i = 0; i < rounds; ++i) {
    failures += round_trip(i);
    if (i + 1 == warm) at_warm = resident_kb();
  }
  {
    const long at_end = resident_kb();
    const long growth = at_end - at_warm;
    printf("%ld rounds: resident %ld kB after %ld, %ld kB at the end (growth %ld kB), %ld failed calls\n", rounds,
           at_warm, warm, at_end, growth, failures);
    if (failures) return 1;
    if (at_warm <= 0 || growth > 8 * 1024) {
      fprintf(stderr, "resident memory grew by %ld kB over the last %ld rounds (ceiling 8192 kB)\n", growth,
              rounds - warm);
      return 1;
    }
  }
  return 0;
}
