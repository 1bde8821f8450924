/* Reading a plan and a report through the C ABI without JSON (rollgate.h,
 * "Reading a report without JSON" and the plan readers), written in C
 * against rollgate.h only.  Runs on examples/bookme (argv[2] is the
 * examples folder) and checks what the readers give against what the JSON
 * report of the same evaluation says.  The last line is "N passed, N failed". */
#include <rollgate.h>

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* The evaluation instant: 2026-10-29T12:00:00Z. */
static const int64_t kNow = 1793275200;

/* `text` as a JSON string body (quotes and backslashes escaped), in a
 * static buffer: enough for the messages of the example. */
static const char *json_escaped(const char *text) {
  static char out[8192];
  size_t n = 0;
  for (; *text && n + 2 < sizeof out; ++text) {
    if (*text == '"' || *text == '\\') out[n++] = '\\';
    out[n++] = *text;
  }
  out[n] = '\0';
  return out;
}

/* The JSON of stage `id` in a compact report, from its object's start to
 * the end of its approvals (the last member of a stage). */
static char *stage_json(const char *json, const char *id) {
  char key[512];
  const char *stages = strstr(json, "\"stages\":[");
  const char *start, *approvals, *end;
  char *out;
  if (!stages) return NULL;
  snprintf(key, sizeof key, "{\"id\":\"%s\",", id);
  start = strstr(stages, key);
  approvals = start ? strstr(start, "\"approvals\":[") : NULL;
  end = approvals ? strstr(approvals, "]}") : NULL;
  if (!end) return NULL;
  end += 2;
  out = (char *)malloc((size_t)(end - start) + 1);
  memcpy(out, start, (size_t)(end - start));
  out[end - start] = '\0';
  return out;
}

static char *timestamp(int64_t seconds, int32_t nanos) {
  char *text = NULL;
  if (rollgate_timestamp_format(&text, NULL, seconds, nanos, NULL) != ROLLGATE_OK) return NULL;
  return text;
}

static rollgate_plan *compile_example(const char *examples, const char *file) {
  char *text = read_file_in(examples, file);
  rollgate_plan *plan = NULL;
  rollgate_error *err = NULL;
  if (rollgate_plan_compile(&plan, text, ROLLGATE_NUL_TERMINATED, file, &err) != ROLLGATE_OK) {
    fprintf(stderr, "%s\n", rollgate_error_message(err));
    exit(2);
  }
  free(text);
  return plan;
}

static rollgate_report *evaluate_example(rollgate_plan *plan, const char *examples, const char *facts_file) {
  char *facts = read_file_in(examples, facts_file);
  rollgate_session *session = NULL;
  rollgate_report *report = NULL;
  rollgate_error *err = NULL;
  if (rollgate_session_new(&session, plan, &err) != ROLLGATE_OK ||
      rollgate_session_set_inputs(session, facts, ROLLGATE_NUL_TERMINATED, facts_file, &err) != ROLLGATE_OK ||
      rollgate_session_evaluate(&report, session, kNow, 0, &err) != ROLLGATE_OK) {
    fprintf(stderr, "%s\n", rollgate_error_message(err));
    exit(2);
  }
  rollgate_session_free(session);
  free(facts);
  return report;
}

static char *compact_json(const rollgate_report *report) {
  rollgate_json_options options = ROLLGATE_JSON_OPTIONS_INIT;
  char *json = NULL;
  options.flags = ROLLGATE_JSON_COMPACT;
  if (rollgate_report_json_with(&json, NULL, report, &options, NULL) != ROLLGATE_OK) exit(2);
  return json;
}

static void test_plan_stages(const rollgate_plan *plan) {
  rollgate_plan_stage_info info = ROLLGATE_PLAN_STAGE_INFO_INIT;
  size_t index = 0;
  CHECK(strcmp(rollgate_plan_target(plan), "full-rollout") == 0);
  CHECK(rollgate_plan_stage_count(plan) == 6);
  /* wave-south: a sequential matrix expansion, after pilot and wave-north */
  CHECK(rollgate_plan_stage_find(&index, plan, "wave-south", ROLLGATE_NUL_TERMINATED, NULL) == ROLLGATE_OK);
  CHECK(index == 3);
  CHECK(rollgate_plan_stage(&info, plan, index, NULL) == ROLLGATE_OK);
  CHECK(strcmp(info.id, "wave-south") == 0);
  CHECK(strcmp(info.title, "Wave south") == 0);
  CHECK(strcmp(info.owner, "regional-lead-south") == 0);
  CHECK(strcmp(info.description, "") == 0);
  CHECK(strcmp(info.matrix_id, "wave") == 0);
  CHECK(info.after_count == 2 && info.after[0] == 1 && info.after[1] == 2);
  CHECK(info.gate_count == 4 && info.approval_count == 0);
  /* full-rollout: `after: ["wave"]` is every expansion */
  CHECK(rollgate_plan_stage(&info, plan, 5, NULL) == ROLLGATE_OK);
  CHECK(strcmp(info.matrix_id, "") == 0);
  CHECK(info.after_count == 3 && info.after[0] == 2 && info.after[1] == 3 && info.after[2] == 4);
  CHECK(info.approval_count == 1);
  /* readiness waits for nothing */
  CHECK(rollgate_plan_stage(&info, plan, 0, NULL) == ROLLGATE_OK);
  CHECK(info.after_count == 0 && info.after == NULL);
  CHECK(strcmp(info.title, "Pre-rollout checklist") == 0);
}

static void test_plan_gates_and_facts(const rollgate_plan *plan) {
  rollgate_plan_gate_info gate = ROLLGATE_PLAN_GATE_INFO_INIT;
  rollgate_fact_info fact = ROLLGATE_FACT_INFO_INIT;
  size_t index = 0;
  CHECK(rollgate_plan_gate(&gate, plan, 1, 4, NULL) == ROLLGATE_OK);
  CHECK(strcmp(gate.id, "pilot/meeting-mix") == 0);
  CHECK(strcmp(gate.name, "meeting-mix") == 0);
  CHECK(gate.kind == ROLLGATE_GATE_SHOULD);
  CHECK(gate.weight == 2.0);
  CHECK(contains(gate.expression, "'video' in pilot.meeting_types"));
  CHECK(gate.has_hold_for == 0);
  CHECK(rollgate_plan_gate(&gate, plan, 4, 2, NULL) == ROLLGATE_OK);
  CHECK(strcmp(gate.id, "wave-west/training") == 0);
  CHECK(strcmp(gate.expression, "training.west_pct >= 80.0") == 0); /* after substitution */
  CHECK(strcmp(gate.owner, "learning") == 0 && strcmp(gate.category, "user") == 0);
  CHECK(rollgate_plan_gate(&gate, plan, 4, 3, NULL) == ROLLGATE_OK);
  CHECK(gate.kind == ROLLGATE_GATE_ADVISORY);

  CHECK(rollgate_plan_fact_count(plan) == 22);
  CHECK(rollgate_plan_fact_find(&index, plan, "uptime_pct", 10, NULL) == ROLLGATE_OK);
  CHECK(rollgate_plan_fact(&fact, plan, index, NULL) == ROLLGATE_OK);
  CHECK(strcmp(fact.name, "uptime_pct") == 0 && strcmp(fact.type, "double") == 0);
  CHECK(strcmp(fact.unit, "%") == 0 && strcmp(fact.owner, "it-ops") == 0);
  CHECK(fact.has_max_age == 1 && fact.max_age_seconds == 24 * 3600 && fact.max_age_nanos == 0);
  CHECK(rollgate_plan_fact_find(&index, plan, "signoffs", ROLLGATE_NUL_TERMINATED, NULL) == ROLLGATE_OK);
  CHECK(rollgate_plan_fact(&fact, plan, index, NULL) == ROLLGATE_OK);
  CHECK(strcmp(fact.type, "list(string)") == 0);
  CHECK(fact.has_max_age == 1 && fact.max_age_seconds == 168 * 3600); /* the plan's default */
  CHECK(contains(fact.description, "signed off"));
}

/* A failed look-up: EINPUT with one problem naming the id. */
static void check_lookup_error(rollgate_status status, rollgate_error *err, const char *subject,
                               rollgate_subject_kind subject_kind, const char *kind, const char *suggestion,
                               const char *in_message) {
  rollgate_problem problem = ROLLGATE_PROBLEM_INIT;
  CHECK(status == ROLLGATE_EINPUT);
  CHECK(rollgate_error_code(err) == ROLLGATE_EINPUT);
  CHECK(rollgate_error_count(err) == 1);
  CHECK(rollgate_error_problem(&problem, err, 0, NULL) == ROLLGATE_OK);
  CHECK(problem.subject && strcmp(problem.subject, subject) == 0);
  CHECK(problem.subject_kind == subject_kind);
  CHECK(problem.kind && strcmp(problem.kind, kind) == 0);
  CHECK(problem.suggestion && strcmp(problem.suggestion, suggestion) == 0);
  CHECK(contains(problem.message, in_message));
  rollgate_error_free(err);
}

static void test_failed_lookups(const rollgate_plan *plan, const rollgate_report *report) {
  rollgate_error *err = NULL;
  size_t index = 0;
  rollgate_status status = rollgate_plan_stage_find(&index, plan, "pilto", ROLLGATE_NUL_TERMINATED, &err);
  CHECK(index == ROLLGATE_NO_INDEX);
  check_lookup_error(status, err, "pilto", ROLLGATE_SUBJECT_STAGE, "unknown-id", "pilot", "did you mean 'pilot'?");
  /* a matrix id is not a stage: the message names its expansions */
  status = rollgate_report_stage_find(&index, report, "wave", 4, &err);
  CHECK(index == ROLLGATE_NO_INDEX);
  check_lookup_error(status, err, "wave", ROLLGATE_SUBJECT_STAGE, "unknown-id", "",
                     "'wave-north', 'wave-south', 'wave-west'");
  status = rollgate_plan_fact_find(&index, plan, "uptime_pc", ROLLGATE_NUL_TERMINATED, &err);
  CHECK(index == ROLLGATE_NO_INDEX);
  check_lookup_error(status, err, "uptime_pc", ROLLGATE_SUBJECT_FACT, "undeclared-fact", "uptime_pct",
                     "fact 'uptime_pc' is not declared by the plan");
  /* id_len is honoured: "pilot" out of "pilotXYZ" */
  CHECK(rollgate_report_stage_find(&index, report, "pilotXYZ", 5, NULL) == ROLLGATE_OK && index == 1);
}

/* Every stage's status, since, drift and score, and every gate's fields,
 * against the compact JSON report. */
static void test_report_stages_match_json(const rollgate_report *report, const char *json) {
  size_t s, g;
  char expected[8192];
  CHECK(rollgate_report_stage_count(report) == 6);
  for (s = 0; s < rollgate_report_stage_count(report); ++s) {
    rollgate_stage_info stage = ROLLGATE_STAGE_INFO_INIT;
    char *stage_text, *since;
    CHECK(rollgate_report_stage(&stage, report, s, NULL) == ROLLGATE_OK);
    stage_text = stage_json(json, stage.id);
    since = timestamp(stage.since_seconds, stage.since_nanos);
    CHECK(stage_text != NULL && since != NULL);
    format_checked(expected, sizeof expected, "\"status\":\"%s\",\"since\":\"%s\",\"drift\":%s,\"score\":",
             rollgate_stage_status_string(stage.status), since, stage.drift ? "true" : "false");
    CHECK(contains(stage_text, expected));
    if (stage.has_score) {
      const char *score = strstr(stage_text, "\"score\":");
      CHECK(score != NULL && strtod(score + 8, NULL) == stage.score);
    } else {
      CHECK(contains(stage_text, "\"score\":null"));
    }
    for (g = 0; g < stage.gate_count; ++g) {
      rollgate_gate_info gate = ROLLGATE_GATE_INFO_INIT;
      char *gate_since;
      CHECK(rollgate_report_gate(&gate, report, s, g, NULL) == ROLLGATE_OK);
      gate_since = timestamp(gate.since_seconds, gate.since_nanos);
      format_checked(expected, sizeof expected,
               "\"kind\":\"%s\",\"status\":\"%s\",\"since\":\"%s\",\"value\":%s,\"message\":\"%s\"",
               gate.kind == ROLLGATE_GATE_MUST ? "must" : gate.kind == ROLLGATE_GATE_SHOULD ? "should" : "advisory",
               rollgate_gate_status_string(gate.status), gate_since, gate.value[0] ? gate.value : "null",
               json_escaped(gate.message));
      CHECK(contains(stage_text, expected));
      if (!contains(stage_text, expected)) fprintf(stderr, "  expected %s\n  in %s\n", expected, stage_text);
      CHECK(strncmp(gate.id, stage.id, strlen(stage.id)) == 0 && gate.id[strlen(stage.id)] == '/');
      rollgate_free(gate_since);
    }
    rollgate_free(since);
    free(stage_text);
  }
}

static void test_report_target_next_blockers(const rollgate_report *report, const char *json) {
  rollgate_target_info target = ROLLGATE_TARGET_INFO_INIT;
  rollgate_blocker_info blocker = ROLLGATE_BLOCKER_INFO_INIT;
  rollgate_stage_info stage = ROLLGATE_STAGE_INFO_INIT;
  char expected[8192];
  size_t i, n;
  CHECK(rollgate_report_target(&target, report, NULL) == ROLLGATE_OK);
  format_checked(expected, sizeof expected, "\"target\":{\"id\":\"%s\",\"status\":\"%s\",\"met\":%s", target.id,
           target.status, target.met ? "true" : "false");
  CHECK(contains(json, expected));
  CHECK(target.met == rollgate_report_target_met(report));

  strcpy(expected, "\"next\":[");
  n = rollgate_report_next_count(report);
  for (i = 0; i < n; ++i) {
    size_t s = rollgate_report_next(report, i);
    CHECK(rollgate_report_stage(&stage, report, s, NULL) == ROLLGATE_OK);
    CHECK(stage.status == ROLLGATE_STAGE_READY);
    strcat(expected, i ? ",\"" : "\"");
    strcat(expected, stage.id);
    strcat(expected, "\"");
  }
  strcat(expected, "]");
  CHECK(contains(json, expected));
  CHECK(rollgate_report_next(report, n) == ROLLGATE_NO_INDEX);

  n = rollgate_report_blocker_count(report);
  CHECK(n > 0);
  for (i = 0; i < n; ++i) {
    CHECK(rollgate_report_blocker(&blocker, report, i, NULL) == ROLLGATE_OK);
    CHECK(rollgate_report_stage(&stage, report, blocker.stage, NULL) == ROLLGATE_OK);
    format_checked(expected, sizeof expected,
             "{\"kind\":\"%s\",\"id\":\"%s\",\"stage\":\"%s\",\"status\":\"%s\",\"owner\":%s%s%s,\"message\":\"%s\"",
             blocker.kind, blocker.id, stage.id, blocker.status, blocker.owner[0] ? "\"" : "",
             blocker.owner[0] ? blocker.owner : "null", blocker.owner[0] ? "\"" : "", json_escaped(blocker.message));
    CHECK(contains(json, expected));
    format_checked(expected, sizeof expected, "\"holds_back_count\":%lu}", (unsigned long)blocker.holds_back_count);
    CHECK(contains(json, expected));
  }
  CHECK(rollgate_report_warning_count(report) == 0);
  CHECK(rollgate_report_warning(report, 0) == NULL);
}

static void test_warnings(const rollgate_plan *plan) {
  rollgate_session *session = NULL;
  rollgate_report *report = NULL;
  char *json;
  CHECK(rollgate_session_new(&session, plan, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_inputs(session, "{\"facts\": {\"uptime\": 1}}", ROLLGATE_NUL_TERMINATED, NULL, NULL) ==
        ROLLGATE_OK);
  CHECK(rollgate_session_evaluate(&report, session, kNow, 0, NULL) == ROLLGATE_OK);
  json = compact_json(report);
  CHECK(rollgate_report_warning_count(report) == 1);
  CHECK(contains(rollgate_report_warning(report, 0), "uptime"));
  CHECK(contains(json, json_escaped(rollgate_report_warning(report, 0))));
  rollgate_free(json);
  rollgate_report_free(report);
  rollgate_session_free(session);
}

static void test_status_strings(void) {
  CHECK(strcmp(rollgate_stage_status_string(ROLLGATE_STAGE_IN_PROGRESS), "in_progress") == 0);
  CHECK(strcmp(rollgate_stage_status_string(ROLLGATE_STAGE_CANCELLED), "cancelled") == 0);
  CHECK(strcmp(rollgate_stage_status_string((rollgate_stage_status)10), "unknown status") == 0);
  CHECK(strcmp(rollgate_stage_status_string((rollgate_stage_status)-1), "unknown status") == 0);
  CHECK(strcmp(rollgate_gate_status_string(ROLLGATE_GATE_SOAKING), "soaking") == 0);
  CHECK(strcmp(rollgate_gate_status_string(ROLLGATE_GATE_PASS), "pass") == 0);
  CHECK(strcmp(rollgate_gate_status_string((rollgate_gate_status)5), "unknown status") == 0);
}

/* An EINVAL whose message names the function and the argument.  Takes
 * &err: the call that sets it is another argument, evaluated in no set
 * order. */
static void check_einval(rollgate_status status, rollgate_error **errp, const char *function, const char *what) {
  rollgate_error *err = *errp;
  *errp = NULL;
  CHECK(status == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), function));
  CHECK(contains(rollgate_error_message(err), what));
  if (!contains(rollgate_error_message(err), what))
    fprintf(stderr, "  %s: message: %s\n", function, rollgate_error_message(err));
  rollgate_error_free(err);
}

static void test_bad_arguments(const rollgate_plan *plan, const rollgate_report *report) {
  rollgate_error *err = NULL;
  size_t index = 7;
  rollgate_plan_stage_info stage = ROLLGATE_PLAN_STAGE_INFO_INIT;
  rollgate_plan_gate_info gate = ROLLGATE_PLAN_GATE_INFO_INIT;
  rollgate_fact_info fact = ROLLGATE_FACT_INFO_INIT;
  rollgate_stage_info rstage = ROLLGATE_STAGE_INFO_INIT;
  rollgate_gate_info rgate = ROLLGATE_GATE_INFO_INIT;
  rollgate_blocker_info blocker = ROLLGATE_BLOCKER_INFO_INIT;
  rollgate_target_info target = ROLLGATE_TARGET_INFO_INIT;

  /* NULL arguments */
  check_einval(rollgate_plan_stage_find(NULL, plan, "a", 1, &err), &err, "rollgate_plan_stage_find", "index is NULL");
  check_einval(rollgate_plan_stage_find(&index, NULL, "a", 1, &err), &err, "rollgate_plan_stage_find", "plan is NULL");
  CHECK(index == ROLLGATE_NO_INDEX);
  check_einval(rollgate_plan_stage_find(&index, plan, NULL, 1, &err), &err, "rollgate_plan_stage_find", "id is NULL");
  check_einval(rollgate_plan_fact_find(&index, plan, NULL, 0, &err), &err, "rollgate_plan_fact_find", "name is NULL");
  check_einval(rollgate_plan_stage(NULL, plan, 0, &err), &err, "rollgate_plan_stage", "out is NULL");
  check_einval(rollgate_plan_stage(&stage, NULL, 0, &err), &err, "rollgate_plan_stage", "plan is NULL");
  check_einval(rollgate_plan_gate(&gate, NULL, 0, 0, &err), &err, "rollgate_plan_gate", "plan is NULL");
  check_einval(rollgate_plan_fact(&fact, NULL, 0, &err), &err, "rollgate_plan_fact", "plan is NULL");
  check_einval(rollgate_report_target(&target, NULL, &err), &err, "rollgate_report_target", "report is NULL");
  check_einval(rollgate_report_stage(&rstage, NULL, 0, &err), &err, "rollgate_report_stage", "report is NULL");
  check_einval(rollgate_report_stage_find(&index, NULL, "a", 1, &err), &err, "rollgate_report_stage_find",
               "report is NULL");
  check_einval(rollgate_report_gate(NULL, report, 0, 0, &err), &err, "rollgate_report_gate", "out is NULL");
  check_einval(rollgate_report_blocker(&blocker, NULL, 0, &err), &err, "rollgate_report_blocker", "report is NULL");
  CHECK(strcmp(rollgate_plan_target(NULL), "") == 0);
  CHECK(rollgate_plan_fact_count(NULL) == 0);
  CHECK(rollgate_report_stage_count(NULL) == 0);
  CHECK(rollgate_report_next_count(NULL) == 0);
  CHECK(rollgate_report_next(NULL, 0) == ROLLGATE_NO_INDEX);
  CHECK(rollgate_report_blocker_count(NULL) == 0);
  CHECK(rollgate_report_warning_count(NULL) == 0);
  CHECK(rollgate_report_warning(NULL, 0) == NULL);

  /* indexes out of range; the struct is cleared */
  check_einval(rollgate_plan_stage(&stage, plan, 6, &err), &err, "rollgate_plan_stage", "stage 6 is out of range");
  CHECK(stage.id == NULL && stage.version == ROLLGATE_PLAN_STAGE_INFO_VERSION);
  check_einval(rollgate_plan_gate(&gate, plan, 0, 7, &err), &err, "rollgate_plan_gate", "gate 7 is out of range");
  check_einval(rollgate_plan_fact(&fact, plan, 22, &err), &err, "rollgate_plan_fact", "index 22 is out of range");
  check_einval(rollgate_report_stage(&rstage, report, 99, &err), &err, "rollgate_report_stage",
               "stage 99 is out of range");
  check_einval(rollgate_report_gate(&rgate, report, 0, 7, &err), &err, "rollgate_report_gate",
               "gate 7 is out of range");
  CHECK(rgate.id == NULL && rgate.message == NULL);
  check_einval(rollgate_report_gate(&rgate, report, 6, 0, &err), &err, "rollgate_report_gate",
               "stage 6 is out of range");
  check_einval(rollgate_report_blocker(&blocker, report, 1000, &err), &err, "rollgate_report_blocker",
               "index 1000 is out of range");

  /* struct versions this library does not know */
  stage.version = 0;
  check_einval(rollgate_plan_stage(&stage, plan, 0, &err), &err, "rollgate_plan_stage", "rollgate_plan_stage_info version 0");
  rgate.version = ROLLGATE_GATE_INFO_VERSION + 1;
  check_einval(rollgate_report_gate(&rgate, report, 0, 0, &err), &err, "rollgate_report_gate", "rollgate_gate_info version 2");
  target.version = 99;
  check_einval(rollgate_report_target(&target, report, &err), &err, "rollgate_report_target", "version 99");
  fact.version = 0;
  check_einval(rollgate_plan_fact(&fact, plan, 0, &err), &err, "rollgate_plan_fact", "rollgate_fact_info version 0");
  blocker.version = 2;
  check_einval(rollgate_report_blocker(&blocker, report, 0, &err), &err, "rollgate_report_blocker", "version 2");
  rstage.version = 2;
  check_einval(rollgate_report_stage(&rstage, report, 0, &err), &err, "rollgate_report_stage", "version 2");
  gate.version = 5;
  check_einval(rollgate_plan_gate(&gate, plan, 0, 0, &err), &err, "rollgate_plan_gate", "version 5");
}

/* Strings read from a report stay valid while it lives, and the same
 * pointer comes back on a second read (kept, not formatted again). */
static void test_strings_are_kept(const rollgate_report *report) {
  rollgate_gate_info a = ROLLGATE_GATE_INFO_INIT, b = ROLLGATE_GATE_INFO_INIT;
  rollgate_blocker_info x = ROLLGATE_BLOCKER_INFO_INIT, y = ROLLGATE_BLOCKER_INFO_INIT;
  CHECK(rollgate_report_gate(&a, report, 2, 1, NULL) == ROLLGATE_OK);
  CHECK(rollgate_report_gate(&b, report, 2, 1, NULL) == ROLLGATE_OK);
  CHECK(a.message == b.message && a.value == b.value);
  CHECK(rollgate_report_blocker(&x, report, 0, NULL) == ROLLGATE_OK);
  CHECK(rollgate_report_blocker(&y, report, 0, NULL) == ROLLGATE_OK);
  CHECK(x.message == y.message);
}

int main(int argc, char **argv) {
  rollgate_plan *plan;
  rollgate_report *report;
  char *json;
  if (argc < 3) {
    fprintf(stderr, "usage: %s BAD_PLANS_DIR EXAMPLES_DIR\n", argv[0]);
    return 2;
  }
  {
    char folder[4096];
    snprintf(folder, sizeof folder, "%s/bookme", argv[2]);
    plan = compile_example(folder, "plan.json");
    report = evaluate_example(plan, folder, "facts-3.json");
  }
  json = compact_json(report);
  test_status_strings();
  test_plan_stages(plan);
  test_plan_gates_and_facts(plan);
  test_failed_lookups(plan, report);
  test_report_stages_match_json(report, json);
  test_report_target_next_blockers(report, json);
  test_strings_are_kept(report);
  test_warnings(plan);
  test_bad_arguments(plan, report);
  rollgate_free(json);
  rollgate_report_free(report);
  rollgate_plan_free(plan);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
