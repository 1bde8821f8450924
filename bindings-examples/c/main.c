/*
 * rollgate-c-example — evaluate a plan against facts through the C ABI only.
 *
 *   rollgate-c-example PLAN.json FACTS.json [INSTANT]
 *
 * Compiles PLAN, loads FACTS into a session, evaluates at INSTANT (RFC 3339;
 * default 2026-11-23T09:00:00Z, fixed so that the output is reproducible)
 * and prints the text report.  On failure prints the error with every
 * problem and its location.
 *
 * Exit status: 0 when the evaluation succeeded (whatever the target's
 * status), 1 for usage, I/O or version-mismatch errors, 2 when rollgate
 * rejected an input (its status code is printed).
 */
#include <rollgate.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_INSTANT "2026-11-23T09:00:00Z"

/* Reads a whole file into a new NUL-terminated buffer; *len gets its size. */
static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  size_t cap = 0, n = 0;
  if (f == NULL) {
    perror(path);
    return NULL;
  }
  for (;;) {
    size_t got;
    if (cap - n < 4096) {
      size_t new_cap = cap ? cap * 2 : 8192;
      char *grown = realloc(buf, new_cap + 1);
      if (grown == NULL) {
        fprintf(stderr, "%s: out of memory\n", path);
        free(buf);
        fclose(f);
        return NULL;
      }
      buf = grown;
      cap = new_cap;
    }
    got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  if (ferror(f)) {
    perror(path);
    free(buf);
    fclose(f);
    return NULL;
  }
  fclose(f);
  buf[n] = '\0';
  *len = n;
  return buf;
}

/* Prints a failed call: the status, the whole message, then every problem
 * with its parts.  Frees err.  Returns the exit status to use (2). */
static int report_error(const char *what, rollgate_status status,
                        rollgate_error *err) {
  size_t i, count = rollgate_error_count(err);
  fflush(stdout); /* keep stdout and stderr in order when both are piped */
  fprintf(stderr, "error: %s failed: %s (%d)\n", what,
          rollgate_status_string(status), (int)status);
  if (err != NULL) {
    if (rollgate_error_code(err) != (int32_t)status) {
      fprintf(stderr, "warning: error object carries code %d, call returned %d\n",
              (int)rollgate_error_code(err), (int)status);
    }
    fprintf(stderr, "%s\n", rollgate_error_message(err));
  }
  for (i = 0; i < count; ++i) {
    static const char *const subject_kinds[] = {"none", "stage", "gate", "fact"};
    rollgate_problem p = ROLLGATE_PROBLEM_INIT;
    if (rollgate_error_problem(&p, err, i, NULL) != ROLLGATE_OK) {
      fprintf(stderr, "  problem %zu: <no detail>\n", i + 1);
      continue;
    }
    fprintf(stderr,
            "  problem %zu: file=%s line=%d column=%d pointer=%s subject=%s"
            " subject_kind=%s kind=%s\n"
            "    %s\n",
            i + 1, p.file, (int)p.line, (int)p.column, p.pointer, p.subject,
            subject_kinds[p.subject_kind <= ROLLGATE_SUBJECT_FACT ? p.subject_kind : 0],
            p.kind, p.message);
    if (p.suggestion[0] != '\0') fprintf(stderr, "    suggestion: %s\n", p.suggestion);
  }
  rollgate_error_free(err);
  return 2;
}

int main(int argc, char **argv) {
  const char *plan_path, *facts_path, *instant;
  char *plan_text = NULL, *facts_text = NULL, *text = NULL;
  size_t plan_len = 0, facts_len = 0, text_len = 0, i, stages;
  rollgate_plan *plan = NULL;
  rollgate_session *session = NULL;
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  rollgate_status status;
  int64_t seconds = 0;
  int32_t nanos = 0;
  int exit_code = 1;

  if (argc < 3 || argc > 4) {
    fprintf(stderr, "usage: %s PLAN.json FACTS.json [INSTANT]\n", argv[0]);
    return 1;
  }
  plan_path = argv[1];
  facts_path = argv[2];
  instant = argc == 4 ? argv[3] : DEFAULT_INSTANT;

  /* The header this program was compiled with must match the library. */
  if (rollgate_version() != ROLLGATE_VERSION_NUMBER ||
      rollgate_abi_version() != ROLLGATE_ABI_VERSION) {
    fprintf(stderr,
            "error: librollgate %s (version %d, ABI %d) does not match "
            "rollgate.h (version %d, ABI %d)\n",
            rollgate_version_string(), (int)rollgate_version(),
            (int)rollgate_abi_version(), ROLLGATE_VERSION_NUMBER,
            ROLLGATE_ABI_VERSION);
    return 1;
  }
  printf("librollgate %s (ABI %d)\n", rollgate_version_string(),
         (int)rollgate_abi_version());

  plan_text = read_file(plan_path, &plan_len);
  if (plan_text == NULL) goto done;
  facts_text = read_file(facts_path, &facts_len);
  if (facts_text == NULL) goto done;

  status = rollgate_timestamp_parse(&seconds, &nanos, instant,
                                    ROLLGATE_NUL_TERMINATED, &err);
  if (status != ROLLGATE_OK) {
    exit_code = report_error("rollgate_timestamp_parse", status, err);
    goto done;
  }

  /* The file name only labels error locations: pass the path as given. */
  status = rollgate_plan_compile(&plan, plan_text, plan_len, plan_path, &err);
  if (status != ROLLGATE_OK) {
    exit_code = report_error("rollgate_plan_compile", status, err);
    goto done;
  }
  printf("plan: %s\ndigest: %s\nstages:", rollgate_plan_name(plan),
         rollgate_plan_digest(plan));
  stages = rollgate_plan_stage_count(plan);
  for (i = 0; i < stages; ++i) printf(" %s", rollgate_plan_stage_id(plan, i));
  printf("\n");

  status = rollgate_session_new(&session, plan, &err);
  if (status != ROLLGATE_OK) {
    exit_code = report_error("rollgate_session_new", status, err);
    goto done;
  }
  /* The session keeps the plan alive; dropping our reference early is
   * allowed and exercises that promise. */
  rollgate_plan_free(plan);
  plan = NULL;

  status = rollgate_session_set_inputs(session, facts_text, facts_len,
                                       facts_path, &err);
  if (status != ROLLGATE_OK) {
    exit_code = report_error("rollgate_session_set_inputs", status, err);
    goto done;
  }

  status = rollgate_session_evaluate(&report, session, seconds, nanos, &err);
  if (status != ROLLGATE_OK) {
    exit_code = report_error("rollgate_session_evaluate", status, err);
    goto done;
  }

  status = rollgate_report_text(&text, &text_len, report, &err);
  if (status != ROLLGATE_OK) {
    exit_code = report_error("rollgate_report_text", status, err);
    goto done;
  }
  printf("evaluated at: %s\n", instant);
  fwrite(text, 1, text_len, stdout);
  if (text_len > 0 && text[text_len - 1] != '\n') putchar('\n');
  printf("target met: %s\n", rollgate_report_target_met(report) ? "yes" : "no");
  exit_code = 0;

done:
  rollgate_free(text);
  rollgate_report_free(report);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
  free(facts_text);
  free(plan_text);
  return exit_code;
}
