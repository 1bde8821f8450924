/* Plan and document limits through the C ABI: rollgate_plan_options with
 * rollgate_plan_compile_with, the document limits of
 * rollgate_session_options version 3, with callers of versions 1 and 2
 * still served, and the size of a fact's source.  A document past a limit is refused with one problem of
 * kind "limit" naming the limit.  Written in C against rollgate.h only.
 * The last line is "N passed, N failed". */
#include <rollgate.h>

#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int64_t kT0 = 1795428000; /* 2026-11-23T10:00:00Z */

static const char *kPlan =
    "{\"rollgate\": 1, \"name\": \"docs\",\n"
    " \"facts\": {\"n\": {\"type\": \"int\"}, \"items\": {\"type\": \"list(int)\"}},\n"
    " \"stages\": [{\"id\": \"a\", \"gates\": [{\"id\": \"g\", \"expr\": \"n > 1\"}]},\n"
    "            {\"id\": \"b\", \"after\": [\"a\"]}]}";

/* The kind of the error's only problem, "" when it has another count. */
static const char *only_kind(const rollgate_error *err) {
  static char kind[64];
  rollgate_problem p = ROLLGATE_PROBLEM_INIT;
  if (rollgate_error_count(err) != 1 || rollgate_error_problem(&p, err, 0, NULL) != ROLLGATE_OK) return "";
  snprintf(kind, sizeof kind, "%s", p.kind);
  return kind;
}

static rollgate_plan *compile_plan(void) {
  rollgate_plan *plan = NULL;
  if (rollgate_plan_compile(&plan, kPlan, ROLLGATE_NUL_TERMINATED, "plan.json", NULL) != ROLLGATE_OK) exit(2);
  return plan;
}

static void test_plan_options_init_gives_the_defaults(void) {
  rollgate_plan_options options;
  CHECK(rollgate_plan_options_init(&options, ROLLGATE_PLAN_OPTIONS_VERSION) == ROLLGATE_OK);
  CHECK(options.version == ROLLGATE_PLAN_OPTIONS_VERSION);
  CHECK(options.max_document_bytes == 67108864u);
  CHECK(options.max_json_depth == 64u);
  CHECK(options.max_stages == 1000000u);
  CHECK(options.max_gates == 10000000u);
  CHECK(options.max_facts == 1000000u);
  CHECK(options.max_matrix_expansions == 100000u);
  CHECK(options.max_matrix_text_bytes == 67108864u);
  CHECK(options.max_id_bytes == 1024u);
  CHECK(options.max_title_bytes == 4096u);
  CHECK(options.max_expression_bytes == 65536u);
  CHECK(rollgate_plan_options_init(NULL, ROLLGATE_PLAN_OPTIONS_VERSION) == ROLLGATE_EINVAL);
  CHECK(rollgate_plan_options_init(&options, 0) == ROLLGATE_EINVAL);
  CHECK(rollgate_plan_options_init(&options, ROLLGATE_PLAN_OPTIONS_VERSION + 1) == ROLLGATE_EINVAL);
}

static void test_compile_with_applies_the_plan_limits(void) {
  rollgate_plan_options zero = ROLLGATE_PLAN_OPTIONS_INIT;
  rollgate_plan_options options;
  rollgate_plan *plan = NULL;
  rollgate_error *err = NULL;

  /* NULL and all-zero options are the defaults. */
  CHECK(rollgate_plan_compile_with(&plan, kPlan, ROLLGATE_NUL_TERMINATED, "plan.json", NULL, &err) == ROLLGATE_OK);
  CHECK(rollgate_plan_stage_count(plan) == 2);
  rollgate_plan_free(plan);
  CHECK(rollgate_plan_compile_with(&plan, kPlan, ROLLGATE_NUL_TERMINATED, "plan.json", &zero, &err) == ROLLGATE_OK);
  rollgate_plan_free(plan);

  rollgate_plan_options_init(&options, ROLLGATE_PLAN_OPTIONS_VERSION);
  options.max_stages = 1;
  CHECK(rollgate_plan_compile_with(&plan, kPlan, ROLLGATE_NUL_TERMINATED, "plan.json", &options, &err) ==
        ROLLGATE_EPLAN);
  CHECK(plan == NULL);
  CHECK(strcmp(only_kind(err), "limit") == 0);
  CHECK(contains(rollgate_error_message(err),
                 "plan.json:3:12: /stages: the plan has 2 stages, more than the limit of 1 (max_stages)"));
  rollgate_error_free(err);

  rollgate_plan_options_init(&options, ROLLGATE_PLAN_OPTIONS_VERSION);
  options.max_document_bytes = 100;
  CHECK(rollgate_plan_compile_with(&plan, kPlan, ROLLGATE_NUL_TERMINATED, "plan.json", &options, &err) ==
        ROLLGATE_EJSON);
  CHECK(strcmp(only_kind(err), "limit") == 0);
  CHECK(contains(rollgate_error_message(err), "more than the limit of 100 (max_document_bytes)"));
  rollgate_error_free(err);

  rollgate_plan_options_init(&options, ROLLGATE_PLAN_OPTIONS_VERSION);
  options.max_id_bytes = 1;
  options.max_expression_bytes = 4;
  CHECK(rollgate_plan_compile_with(&plan, kPlan, ROLLGATE_NUL_TERMINATED, "plan.json", &options, &err) ==
        ROLLGATE_EPLAN);
  CHECK(contains(rollgate_error_message(err), "/name: the plan's name of 4 bytes, longer than the limit of 1"));
  CHECK(contains(rollgate_error_message(err), "/stages/0/gates/0/expr: gate a/g: an expression of 5 bytes"));
  rollgate_error_free(err);

  rollgate_plan_options_init(&options, ROLLGATE_PLAN_OPTIONS_VERSION);
  options.max_json_depth = 1001;
  CHECK(rollgate_plan_compile_with(&plan, kPlan, ROLLGATE_NUL_TERMINATED, "plan.json", &options, &err) ==
        ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), "max_json_depth 1001 is above the most, 1000"));
  rollgate_error_free(err);
  options.max_json_depth = 1000;
  CHECK(rollgate_plan_compile_with(&plan, kPlan, ROLLGATE_NUL_TERMINATED, "plan.json", &options, NULL) == ROLLGATE_OK);
  rollgate_plan_free(plan);

  options.version = 9;
  CHECK(rollgate_plan_compile_with(&plan, kPlan, ROLLGATE_NUL_TERMINATED, "plan.json", &options, &err) ==
        ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), "rollgate_plan_options"));
  rollgate_error_free(err);
  CHECK(rollgate_plan_compile_with(NULL, kPlan, ROLLGATE_NUL_TERMINATED, NULL, NULL, &err) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), "rollgate_plan_compile_with: out is NULL"));
  rollgate_error_free(err);
}

static void test_session_document_limits(void) {
  static const char *kFacts = "{\"facts\": {\"n\": 5, \"items\": [[1]]}}";
  rollgate_plan *plan = compile_plan();
  rollgate_session *session = NULL;
  rollgate_session_options options;
  rollgate_error *err = NULL;
  char *state = NULL;
  size_t state_len = 0;
  rollgate_report *report = NULL;
  CHECK(rollgate_session_new(&session, plan, NULL) == ROLLGATE_OK);

  CHECK(rollgate_session_options_init(&options, ROLLGATE_SESSION_OPTIONS_VERSION) == ROLLGATE_OK);
  CHECK(options.max_document_bytes == 67108864u);
  CHECK(options.max_state_bytes == 1073741824u);
  CHECK(options.max_json_depth == 64u);

  /* items holds a list of lists: not its type, but refused for its depth
   * first, before it is read. */
  options.max_json_depth = 3;
  CHECK(rollgate_session_set_options(session, &options, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_inputs(session, kFacts, ROLLGATE_NUL_TERMINATED, "facts.json", &err) == ROLLGATE_EJSON);
  CHECK(strcmp(only_kind(err), "limit") == 0);
  CHECK(contains(rollgate_error_message(err), "facts.json:1:30: JSON nested more than 3 deep"));
  rollgate_error_free(err);

  options.max_json_depth = 0;
  options.max_document_bytes = 10;
  CHECK(rollgate_session_set_options(session, &options, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_inputs(session, "{\"facts\": {\"n\": 5}}", ROLLGATE_NUL_TERMINATED, "facts.json",
                                    &err) == ROLLGATE_EJSON);
  CHECK(contains(rollgate_error_message(err),
                 "facts.json: the document is 19 bytes long, more than the limit of 10 (max_document_bytes)"));
  rollgate_error_free(err);
  CHECK(rollgate_session_what_if(&report, session, "{\"facts\": {\"n\": 5}}", ROLLGATE_NUL_TERMINATED, "patch.json",
                                 kT0, 0, &err) == ROLLGATE_EJSON);
  CHECK(report == NULL);
  CHECK(contains(rollgate_error_message(err), "patch.json: the document is 19 bytes long"));
  rollgate_error_free(err);

  /* State has its own size limit; a state that cannot be used is EINPUT. */
  CHECK(rollgate_session_evaluate(&report, session, kT0, 0, NULL) == ROLLGATE_OK);
  rollgate_report_free(report);
  CHECK(rollgate_session_state(&state, &state_len, session, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_state(session, state, state_len, "state.json", NULL) == ROLLGATE_OK);
  options.max_state_bytes = 20;
  CHECK(rollgate_session_set_options(session, &options, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_state(session, state, state_len, "state.json", &err) == ROLLGATE_EINPUT);
  CHECK(strcmp(only_kind(err), "limit") == 0);
  CHECK(contains(rollgate_error_message(err), "more than the limit of 20 (max_state_bytes)"));
  rollgate_error_free(err);

  options.max_json_depth = 1001;
  CHECK(rollgate_session_set_options(session, &options, &err) == ROLLGATE_EINVAL);
  CHECK(contains(rollgate_error_message(err), "rollgate_session_set_options: max_json_depth 1001"));
  rollgate_error_free(err);

  /* NULL options restore every default, the document limits included. */
  CHECK(rollgate_session_set_options(session, NULL, NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_state(session, state, state_len, "state.json", NULL) == ROLLGATE_OK);
  CHECK(rollgate_session_set_inputs(session, "{\"facts\": {\"n\": 5}}", ROLLGATE_NUL_TERMINATED, NULL, NULL) ==
        ROLLGATE_OK);
  rollgate_free(state);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

static void test_a_long_fact_source_is_refused(void) {
  /* A fact's source and evidence are repeated in the evidence of every gate
   * that reads it: each is at most 4,096 bytes, however it is given. */
  static char source[4098];
  rollgate_fact_meta meta = ROLLGATE_FACT_META_INIT;
  rollgate_plan *plan = compile_plan();
  rollgate_session *session = NULL;
  rollgate_error *err = NULL;
  CHECK(rollgate_session_new(&session, plan, NULL) == ROLLGATE_OK);
  memset(source, 's', 4096);
  meta.source = source;
  CHECK(rollgate_session_set_fact_int(session, "n", ROLLGATE_NUL_TERMINATED, 5, &meta, NULL) == ROLLGATE_OK);
  source[4096] = 's';
  CHECK(rollgate_session_set_fact_int(session, "n", ROLLGATE_NUL_TERMINATED, 5, &meta, &err) == ROLLGATE_EINPUT);
  CHECK(strcmp(only_kind(err), "limit") == 0);
  CHECK(contains(rollgate_error_message(err), "a source of 4097 bytes, longer than the limit of 4096"));
  rollgate_error_free(err);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

static void test_a_long_expression_is_refused_unparsed(void) {
  /* rollgate_session_evaluate_expr bounds its expression as a gate's is by
   * default: 65,536 bytes of "1+1+..." would otherwise be parsed. */
  static char expr[65540];
  rollgate_plan *plan = compile_plan();
  rollgate_session *session = NULL;
  rollgate_error *err = NULL;
  char *json = NULL;
  size_t i;
  CHECK(rollgate_session_new(&session, plan, NULL) == ROLLGATE_OK);
  for (i = 0; i + 1 < 65537; i += 2) memcpy(expr + i, "1+", 2);
  memcpy(expr + 65536, "1>0", 3);
  CHECK(rollgate_session_evaluate_expr(&json, NULL, session, expr, 65539, 0, kT0, 0, &err) == ROLLGATE_EINPUT);
  CHECK(json == NULL);
  CHECK(strcmp(only_kind(err), "limit") == 0);
  CHECK(contains(rollgate_error_message(err),
                 "an expression of 65539 bytes, longer than the limit of 65536 (max_expression_bytes)"));
  rollgate_error_free(err);
  CHECK(rollgate_session_evaluate_expr(&json, NULL, session, "n > 1", ROLLGATE_NUL_TERMINATED, 0, kT0, 0, NULL) ==
        ROLLGATE_OK);
  rollgate_free(json);
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

static void test_version_2_options_keep_working(void) {
  /* A caller compiled against version 2 has a struct that ends with
   * max_total_bytes: init writes nothing past it, and set_options reads
   * nothing past it, so the document limits are their defaults. */
  struct {
    rollgate_session_options options;
    char guard[16];
  } v2;
  rollgate_session_options v3;
  rollgate_plan *plan = compile_plan();
  rollgate_session *session = NULL;
  CHECK(rollgate_session_new(&session, plan, NULL) == ROLLGATE_OK);

  rollgate_session_options_init(&v3, ROLLGATE_SESSION_OPTIONS_VERSION);
  v3.max_document_bytes = 10;
  CHECK(rollgate_session_set_options(session, &v3, NULL) == ROLLGATE_OK);

  memset(&v2, 0x5a, sizeof v2);
  CHECK(rollgate_session_options_init(&v2.options, 2) == ROLLGATE_OK);
  CHECK(v2.options.version == 2 && v2.options.max_total_bytes == 1073741824u);
  CHECK(v2.options.max_document_bytes == 0x5a5a5a5a5a5a5a5aull); /* untouched */
  CHECK(v2.options.max_json_depth == 0x5a5a5a5a5a5a5a5aull);
  v2.options.max_bytes = 1000;
  CHECK(rollgate_session_set_options(session, &v2.options, NULL) == ROLLGATE_OK);
  /* 19 bytes, past the 10 of the version-3 call, within the default. */
  CHECK(rollgate_session_set_inputs(session, "{\"facts\": {\"n\": 5}}", ROLLGATE_NUL_TERMINATED, NULL, NULL) ==
        ROLLGATE_OK);
  {
    rollgate_report *report = NULL;
    CHECK(rollgate_session_evaluate(&report, session, kT0, 0, NULL) == ROLLGATE_OK);
    rollgate_report_free(report);
  }
  rollgate_session_free(session);
  rollgate_plan_free(plan);
}

int main(void) {
  test_plan_options_init_gives_the_defaults();
  test_compile_with_applies_the_plan_limits();
  test_session_document_limits();
  test_version_2_options_keep_working();
  test_a_long_fact_source_is_refused();
  test_a_long_expression_is_refused_unparsed();
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
