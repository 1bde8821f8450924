/* The thread rules of rollgate.h, exercised through the C ABI (CI runs this
 * under ThreadSanitizer: the `tsan` preset):
 *
 *   1. One compiled plan (examples/bookme, and a generated plan of a few
 *      hundred stages) is shared by 8 threads.  Each thread has its own
 *      sessions, changes a fact and evaluates at its own instants, renders
 *      every report as JSON, summary JSON and text, and reads it field by
 *      field; every result must equal the one the same sequence gives when
 *      run alone, before any thread starts.
 *   2. Several threads render and read one report (its gate texts formatted
 *      lazily on first read) while the session that made it changes its
 *      inputs and evaluates again on another thread; the report must not
 *      change.
 *
 * Arguments: the bad-plans folder (unused) and the examples folder.  The
 * last line is "N checks, N failed". */
#define _POSIX_C_SOURCE 200809L

#include <rollgate.h>

#include "test_files.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
  kWorkers = 8,          /* threads sharing one plan (part 1) */
  kSteps = 6,            /* evaluations per session and thread */
  kGeneratedStages = 300,
  kGeneratedFacts = 40,
  kReaders = 4,          /* threads reading one report (part 2) */
  kReaderRounds = 12,
  kWriterRounds = 12
};

/* ------------------------------------------------------------ failures */

static pthread_mutex_t failures_lock = PTHREAD_MUTEX_INITIALIZER;
static int checks, failures;

static void check(int ok, const char *format, ...) {
  va_list args;
  pthread_mutex_lock(&failures_lock);
  ++checks;
  if (!ok) {
    ++failures;
    va_start(args, format);
    fputs("threads_test: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
  }
  pthread_mutex_unlock(&failures_lock);
}

/* Reports a failed call with its error's message, then frees the error.
 * (Successful calls are not counted: the shared counter would serialize the
 * threads far more than the library does.) */
static int succeeded(rollgate_status status, rollgate_error *err, const char *what) {
  if (status != ROLLGATE_OK)
    check(0, "%s failed (%d): %s", what, (int)status, rollgate_error_message(err));
  rollgate_error_free(err);
  return status == ROLLGATE_OK;
}

/* ---------------------------------------------------------- fingerprints */

/* FNV-1a over everything a reading of a report produced: two readings are
 * equal when their fingerprints and lengths are (the texts themselves would
 * be megabytes for 8 threads' sequences). */
typedef struct fingerprint {
  uint64_t hash;
  uint64_t length;
} fingerprint;

static void add_bytes(fingerprint *f, const void *data, size_t length) {
  const unsigned char *bytes = (const unsigned char *)data;
  size_t i;
  if (f->length == 0 && f->hash == 0) f->hash = 1469598103934665603ULL;
  for (i = 0; i < length; ++i) {
    f->hash ^= bytes[i];
    f->hash *= 1099511628211ULL;
  }
  f->length += length;
}

static void add_text(fingerprint *f, const char *text) {
  add_bytes(f, text ? text : "(null)", strlen(text ? text : "(null)") + 1);
}

static void add_int(fingerprint *f, int64_t value) { add_bytes(f, &value, sizeof value); }

static void add_double(fingerprint *f, double value) { add_bytes(f, &value, sizeof value); }

static int same_fingerprint(fingerprint a, fingerprint b) {
  return a.hash == b.hash && a.length == b.length;
}

/* ----------------------------------------------------- reading a report */

/* Everything one reading of a report gives, as fingerprints. */
typedef struct reading {
  int complete;           /* 0 when some call failed (already reported) */
  int32_t target_met;
  fingerprint json;       /* rollgate_report_json */
  fingerprint summary;    /* rollgate_report_json_with, compact summary */
  fingerprint text;       /* rollgate_report_text */
  fingerprint fields;     /* every stage, gate, blocker, next and warning */
} reading;

static int fingerprint_rendering(fingerprint *f, rollgate_status status, char *buffer,
                                 size_t length, rollgate_error *err, const char *what) {
  int ok = succeeded(status, err, what);
  if (ok) {
    check(buffer[length] == '\0', "%s: the buffer is not NUL-terminated", what);
    add_bytes(f, buffer, length);
  }
  rollgate_free(buffer);
  return ok;
}

static int read_renderings(reading *out, const rollgate_report *report) {
  char *buffer = NULL;
  size_t length = 0;
  rollgate_error *err = NULL;
  rollgate_json_options options = ROLLGATE_JSON_OPTIONS_INIT;
  rollgate_status status = rollgate_report_json(&buffer, &length, report, &err);
  if (!fingerprint_rendering(&out->json, status, buffer, length, err, "rollgate_report_json"))
    return 0;
  options.flags = ROLLGATE_JSON_COMPACT | ROLLGATE_JSON_SUMMARY;
  status = rollgate_report_json_with(&buffer, &length, report, &options, &err);
  if (!fingerprint_rendering(&out->summary, status, buffer, length, err,
                             "rollgate_report_json_with"))
    return 0;
  status = rollgate_report_text(&buffer, &length, report, &err);
  return fingerprint_rendering(&out->text, status, buffer, length, err, "rollgate_report_text");
}

static int read_gates(fingerprint *f, const rollgate_report *report, size_t stage,
                      size_t gate_count) {
  size_t g;
  for (g = 0; g < gate_count; ++g) {
    rollgate_gate_info gate = ROLLGATE_GATE_INFO_INIT;
    rollgate_error *err = NULL;
    if (!succeeded(rollgate_report_gate(&gate, report, stage, g, &err), err,
                   "rollgate_report_gate"))
      return 0;
    add_text(f, gate.id);
    add_int(f, gate.kind);
    add_int(f, gate.status);
    add_int(f, gate.since_seconds);
    add_int(f, gate.since_nanos);
    add_text(f, gate.value);
    add_text(f, gate.message);
    add_int(f, gate.drift);
  }
  return 1;
}

static int read_stages(fingerprint *f, const rollgate_report *report) {
  size_t s, count = rollgate_report_stage_count(report);
  add_int(f, (int64_t)count);
  for (s = 0; s < count; ++s) {
    rollgate_stage_info stage = ROLLGATE_STAGE_INFO_INIT;
    rollgate_error *err = NULL;
    if (!succeeded(rollgate_report_stage(&stage, report, s, &err), err, "rollgate_report_stage"))
      return 0;
    add_text(f, stage.id);
    add_int(f, stage.status);
    add_int(f, stage.has_score);
    add_double(f, stage.has_score ? stage.score : 0.0);
    add_int(f, stage.since_seconds);
    add_int(f, stage.since_nanos);
    add_int(f, stage.drift);
    if (!read_gates(f, report, s, stage.gate_count)) return 0;
  }
  return 1;
}

static int read_blockers(fingerprint *f, const rollgate_report *report) {
  size_t b, count = rollgate_report_blocker_count(report);
  add_int(f, (int64_t)count);
  for (b = 0; b < count; ++b) {
    rollgate_blocker_info blocker = ROLLGATE_BLOCKER_INFO_INIT;
    rollgate_error *err = NULL;
    if (!succeeded(rollgate_report_blocker(&blocker, report, b, &err), err,
                   "rollgate_report_blocker"))
      return 0;
    add_text(f, blocker.id);
    add_text(f, blocker.kind);
    add_int(f, (int64_t)blocker.stage);
    add_text(f, blocker.status);
    add_text(f, blocker.owner);
    add_text(f, blocker.message);
    add_int(f, (int64_t)blocker.holds_back_count);
  }
  return 1;
}

static int read_fields(fingerprint *f, const rollgate_report *report) {
  rollgate_target_info target = ROLLGATE_TARGET_INFO_INIT;
  rollgate_error *err = NULL;
  size_t i;
  if (!succeeded(rollgate_report_target(&target, report, &err), err, "rollgate_report_target"))
    return 0;
  add_text(f, target.id);
  add_text(f, target.status);
  add_int(f, target.met);
  if (!read_stages(f, report) || !read_blockers(f, report)) return 0;
  for (i = 0; i < rollgate_report_next_count(report); ++i)
    add_int(f, (int64_t)rollgate_report_next(report, i));
  for (i = 0; i < rollgate_report_warning_count(report); ++i)
    add_text(f, rollgate_report_warning(report, i));
  add_int(f, (int64_t)rollgate_report_drift_count(report));
  return 1;
}

/* Reads the report every way the ABI offers.  The field reads come first
 * so that, on a fresh report, the lazy formatting of gate texts races with
 * the other threads' reads. */
static reading read_report(const rollgate_report *report) {
  reading r;
  memset(&r, 0, sizeof r);
  r.target_met = rollgate_report_target_met(report);
  r.complete = read_fields(&r.fields, report) && read_renderings(&r, report);
  return r;
}

static int same_reading(const reading *a, const reading *b) {
  return a->complete && b->complete && a->target_met == b->target_met &&
         same_fingerprint(a->json, b->json) && same_fingerprint(a->summary, b->summary) &&
         same_fingerprint(a->text, b->text) && same_fingerprint(a->fields, b->fields);
}

/* ------------------------------------------------------------- inputs */

/* A growing NUL-terminated string, for the generated plan and facts. */
typedef struct text_buffer {
  char *data;
  size_t length, capacity;
} text_buffer;

static void append(text_buffer *b, const char *format, ...) {
  va_list args;
  int needed;
  va_start(args, format);
  needed = vsnprintf(NULL, 0, format, args);
  va_end(args);
  if (needed < 0) abort();
  while (b->length + (size_t)needed + 1 > b->capacity) {
    b->capacity = b->capacity ? 2 * b->capacity : 4096;
    b->data = (char *)realloc(b->data, b->capacity);
    if (!b->data) abort();
  }
  va_start(args, format);
  vsnprintf(b->data + b->length, (size_t)needed + 1, format, args);
  va_end(args);
  b->length += (size_t)needed;
}

/* A chain of stages, each also waiting for the stage half its index away,
 * with must, should, soaking and clock gates over int facts that go stale
 * one after the other (max_age 48h, observed an hour apart), and a freeze:
 * each evaluation instant gives a different report. */
static char *generated_plan(void) {
  text_buffer b = {0, 0, 0};
  int i;
  append(&b, "{\"rollgate\": 1, \"name\": \"threads-generated\", \"target\": \"s%d\",\n",
         kGeneratedStages - 1);
  append(&b, " \"defaults\": {\"max_age\": \"48h\"},\n \"facts\": {\"ready\": {\"type\": \"bool\"}");
  for (i = 0; i < kGeneratedFacts; ++i)
    append(&b, ", \"f%d\": {\"type\": \"int\", \"owner\": \"team-%d\"}", i, i % 7);
  append(&b, "},\n \"freezes\": [{\"from\": \"2026-11-21T00:00:00Z\", "
             "\"to\": \"2026-11-21T06:00:00Z\", \"reason\": \"maintenance\"}],\n \"stages\": [");
  for (i = 0; i < kGeneratedStages; ++i) {
    append(&b, "%s\n  {\"id\": \"s%d\", \"owner\": \"lead-%d\"", i ? "," : "", i, i % 5);
    if (i > 0) append(&b, ", \"after\": [\"s%d\"", i - 1);
    if (i > 2) append(&b, ", \"s%d\"", i / 2);
    if (i > 0) append(&b, "]");
    append(&b,
           ", \"gates\": [\n"
           "    {\"id\": \"level\", \"expr\": \"f%d >= %d\"},\n"
           "    {\"id\": \"trend\", \"expr\": \"f%d > f%d\", \"kind\": \"should\", \"weight\": 2},\n"
           "    {\"id\": \"soak\", \"expr\": \"ready\", \"hold_for\": \"%dh\"},\n"
           "    {\"id\": \"clock\", \"expr\": \"now >= timestamp('2026-11-20T%02d:00:00Z')\", "
           "\"kind\": \"advisory\"}]}",
           i % kGeneratedFacts, i % 4, (i + 1) % kGeneratedFacts, (i + 2) % kGeneratedFacts,
           1 + i % 3, i % 24);
  }
  append(&b, "]}\n");
  return b.data;
}

static char *generated_facts(void) {
  text_buffer b = {0, 0, 0};
  int i;
  append(&b, "{\"facts\": {\"ready\": true");
  for (i = 0; i < kGeneratedFacts; ++i)
    append(&b, ", \"f%d\": {\"value\": %d, \"observed_at\": \"2026-11-%02dT%02d:00:00Z\"}", i,
           (i * 7) % 5, 18 + i / 24, i % 24);
  append(&b, "},\n \"progress\": {\"s0\": {\"state\": \"done\", "
             "\"done_at\": \"2026-11-19T12:00:00Z\"}}}\n");
  return b.data;
}

static int64_t instant(const char *text) {
  int64_t seconds = 0;
  int32_t nanos = 0;
  rollgate_error *err = NULL;
  if (!succeeded(rollgate_timestamp_parse(&seconds, &nanos, text, ROLLGATE_NUL_TERMINATED, &err),
                 err, "rollgate_timestamp_parse"))
    exit(2);
  return seconds;
}

/* A plan with the inputs the sequences start from and the fact they vary. */
typedef struct subject {
  const char *label;
  rollgate_plan *plan;
  const char *facts;
  const char *varied_fact;
  int64_t start;           /* the first evaluation instant */
} subject;

static rollgate_plan *compile(const char *text, const char *file_name) {
  rollgate_plan *plan = NULL;
  rollgate_error *err = NULL;
  if (!succeeded(rollgate_plan_compile(&plan, text, ROLLGATE_NUL_TERMINATED, file_name, &err),
                 err, file_name))
    exit(2);
  return plan;
}

static rollgate_session *new_session(const subject *s) {
  rollgate_session *session = NULL;
  rollgate_error *err = NULL;
  if (!succeeded(rollgate_session_new(&session, s->plan, &err), err, "rollgate_session_new"))
    return NULL;
  if (!succeeded(rollgate_session_set_inputs(session, s->facts, ROLLGATE_NUL_TERMINATED,
                                             "facts.json", &err),
                 err, "rollgate_session_set_inputs")) {
    rollgate_session_free(session);
    return NULL;
  }
  return session;
}

/* Sets the varied fact to a value that depends on the worker and step. */
static int vary_input(rollgate_session *session, const subject *s, int worker, int step) {
  char value[32];
  rollgate_error *err = NULL;
  snprintf(value, sizeof value, "%d", 6 + (worker + step) % 6);
  return succeeded(rollgate_session_set_fact(session, s->varied_fact, ROLLGATE_NUL_TERMINATED,
                                             value, ROLLGATE_NUL_TERMINATED, &err),
                   err, "rollgate_session_set_fact");
}

/* ------------------------------------------ part 1: one plan, 8 threads */

/* Everything one worker reads from its sessions: per subject and step. */
typedef struct sequence {
  const subject *subjects;
  size_t subject_count;
  int worker;
  fingerprint outline[2];
  reading readings[2][kSteps];
} sequence;

/* The plan as the introspection functions give it, stage by stage. */
static fingerprint outline_of(const rollgate_plan *plan) {
  fingerprint f = {0, 0};
  size_t s, g, a, count = rollgate_plan_stage_count(plan);
  add_text(&f, rollgate_plan_name(plan));
  add_text(&f, rollgate_plan_digest(plan));
  add_text(&f, rollgate_plan_target(plan));
  for (s = 0; s < count; ++s) {
    rollgate_plan_stage_info stage = ROLLGATE_PLAN_STAGE_INFO_INIT;
    rollgate_error *err = NULL;
    if (!succeeded(rollgate_plan_stage(&stage, plan, s, &err), err, "rollgate_plan_stage"))
      return f;
    add_text(&f, stage.id);
    add_text(&f, stage.matrix_id);
    for (a = 0; a < stage.after_count; ++a) add_int(&f, (int64_t)stage.after[a]);
    for (g = 0; g < stage.gate_count; ++g) {
      rollgate_plan_gate_info gate = ROLLGATE_PLAN_GATE_INFO_INIT;
      if (!succeeded(rollgate_plan_gate(&gate, plan, s, g, &err), err, "rollgate_plan_gate"))
        return f;
      add_text(&f, gate.id);
      add_text(&f, gate.expression);
    }
  }
  return f;
}

static int64_t step_instant(const subject *s, int worker, int step) {
  /* Workers start 90 minutes apart and step 4 hours at a time. */
  return s->start + (int64_t)worker * 5400 + (int64_t)step * 4 * 3600;
}

/* The worker's sequence: per subject, a session of its own that changes the
 * varied fact and evaluates at increasing instants (so state carries from
 * one evaluation to the next: soaks complete, drift appears). */
static void *run_sequence(void *argument) {
  sequence *seq = (sequence *)argument;
  rollgate_session *sessions[2] = {NULL, NULL};
  size_t i;
  int step;
  for (i = 0; i < seq->subject_count; ++i) {
    seq->outline[i] = outline_of(seq->subjects[i].plan);
    sessions[i] = new_session(&seq->subjects[i]);
  }
  for (step = 0; step < kSteps; ++step) {
    for (i = 0; i < seq->subject_count; ++i) {
      rollgate_report *report = NULL;
      rollgate_error *err = NULL;
      const subject *s = &seq->subjects[i];
      if (!sessions[i] || (step > 0 && !vary_input(sessions[i], s, seq->worker, step))) continue;
      if (!succeeded(rollgate_session_evaluate(&report, sessions[i],
                                               step_instant(s, seq->worker, step), 0, &err),
                     err, "rollgate_session_evaluate"))
        continue;
      seq->readings[i][step] = read_report(report);
      rollgate_report_free(report);
    }
  }
  for (i = 0; i < seq->subject_count; ++i) rollgate_session_free(sessions[i]);
  return NULL;
}

static void test_one_plan_shared_by_workers(const subject *subjects, size_t subject_count) {
  static sequence alone[kWorkers], together[kWorkers];
  pthread_t threads[kWorkers];
  int w, step, distinct = 0;
  size_t i;
  for (w = 0; w < kWorkers; ++w) {
    memset(&alone[w], 0, sizeof alone[w]);
    alone[w].subjects = subjects;
    alone[w].subject_count = subject_count;
    alone[w].worker = w;
    together[w] = alone[w];
    run_sequence(&alone[w]); /* the reference: one sequence at a time */
  }
  for (w = 0; w < kWorkers; ++w)
    check(pthread_create(&threads[w], NULL, run_sequence, &together[w]) == 0, "pthread_create");
  for (w = 0; w < kWorkers; ++w) pthread_join(threads[w], NULL);

  for (w = 0; w < kWorkers; ++w) {
    for (i = 0; i < subject_count; ++i) {
      check(same_fingerprint(alone[w].outline[i], together[w].outline[i]),
            "%s: worker %d read another plan outline than alone", subjects[i].label, w);
      for (step = 0; step < kSteps; ++step) {
        const reading *a = &alone[w].readings[i][step], *t = &together[w].readings[i][step];
        check(a->complete, "%s: worker %d step %d failed alone", subjects[i].label, w, step);
        check(same_reading(a, t),
              "%s: worker %d step %d: the report read with 8 threads differs from the one "
              "read alone (json %d, summary %d, text %d, fields %d)",
              subjects[i].label, w, step, same_fingerprint(a->json, t->json),
              same_fingerprint(a->summary, t->summary), same_fingerprint(a->text, t->text),
              same_fingerprint(a->fields, t->fields));
        if (step > 0 && !same_fingerprint(a->fields, alone[w].readings[i][step - 1].fields))
          ++distinct;
      }
    }
  }
  /* The sequences must really differ from step to step, or equal results
   * would prove little. */
  printf("%d of %d evaluations after the first changed some stage or gate\n", distinct,
         kWorkers * (int)subject_count * (kSteps - 1));
  check(distinct >= kWorkers * (int)subject_count * (kSteps - 1) / 2,
        "only %d of the evaluations changed some stage or gate", distinct);
}

/* ------------------- part 2: readers of one report, its session evaluating */

typedef struct shared_report {
  const rollgate_report *report;
  const reading *expected;
  pthread_barrier_t *start;
} shared_report;

static void *read_repeatedly(void *argument) {
  const shared_report *shared = (const shared_report *)argument;
  int round;
  pthread_barrier_wait(shared->start);
  for (round = 0; round < kReaderRounds; ++round) {
    reading r = read_report(shared->report);
    check(same_reading(&r, shared->expected),
          "round %d: a report read while its session evaluates again changed", round);
  }
  return NULL;
}

/* The session of the shared report changes its inputs and evaluates, again
 * and again, while the readers read: the report must not see any of it. */
static void evaluate_repeatedly(rollgate_session *session, const subject *s, int64_t from) {
  int round;
  for (round = 0; round < kWriterRounds; ++round) {
    rollgate_report *report = NULL;
    rollgate_error *err = NULL;
    if (!vary_input(session, s, round, 1)) return;
    if (!succeeded(rollgate_session_evaluate(&report, session, from + (round + 1) * 1800, 0, &err),
                   err, "rollgate_session_evaluate (writer)"))
      return;
    (void)read_report(report);
    rollgate_report_free(report);
  }
}

static void test_report_read_while_its_session_evaluates(const subject *s) {
  rollgate_session *session = new_session(s), *twin = new_session(s);
  rollgate_report *report = NULL, *reference = NULL;
  rollgate_error *err = NULL;
  pthread_t readers[kReaders];
  pthread_barrier_t start;
  shared_report shared;
  reading expected;
  int r;
  if (!session || !twin) return;
  /* The twin session makes the same report; reading it gives the expected
   * values and leaves the shared report's lazy texts unformatted. */
  if (!succeeded(rollgate_session_evaluate(&reference, twin, s->start, 0, &err), err,
                 "rollgate_session_evaluate (twin)") ||
      !succeeded(rollgate_session_evaluate(&report, session, s->start, 0, &err), err,
                 "rollgate_session_evaluate (shared)"))
    return;
  expected = read_report(reference);
  check(expected.complete, "reading the reference report failed");

  pthread_barrier_init(&start, NULL, kReaders + 1);
  shared.report = report;
  shared.expected = &expected;
  shared.start = &start;
  for (r = 0; r < kReaders; ++r)
    check(pthread_create(&readers[r], NULL, read_repeatedly, &shared) == 0, "pthread_create");
  pthread_barrier_wait(&start);
  evaluate_repeatedly(session, s, s->start);
  for (r = 0; r < kReaders; ++r) pthread_join(readers[r], NULL);
  pthread_barrier_destroy(&start);

  /* Still the same after its session has moved on, and after the session
   * is gone. */
  rollgate_session_free(session);
  {
    reading after = read_report(report);
    check(same_reading(&after, &expected), "the report changed after its session was freed");
  }
  rollgate_report_free(report);
  rollgate_report_free(reference);
  rollgate_session_free(twin);
}

/* ------------------------------------------------------------------ main */

int main(int argc, char **argv) {
  char *bookme_plan, *bookme_facts, *plan_text, *facts_text;
  subject subjects[2];
  if (argc < 3) {
    fprintf(stderr, "usage: %s BAD_PLANS_DIR EXAMPLES_DIR\n", argv[0]);
    return 2;
  }
  bookme_plan = read_file_in(argv[2], "bookme/plan.json");
  bookme_facts = read_file_in(argv[2], "bookme/facts.json");
  plan_text = generated_plan();
  facts_text = generated_facts();

  subjects[0].label = "bookme";
  subjects[0].plan = compile(bookme_plan, "bookme/plan.json");
  subjects[0].facts = bookme_facts;
  subjects[0].varied_fact = "pilot.advisors";
  subjects[0].start = instant("2026-11-21T06:00:00Z");
  subjects[1].label = "generated";
  subjects[1].plan = compile(plan_text, "generated.json");
  subjects[1].facts = facts_text;
  subjects[1].varied_fact = "f1";
  subjects[1].start = instant("2026-11-20T00:00:00Z");
  check(rollgate_plan_stage_count(subjects[1].plan) == kGeneratedStages,
        "the generated plan has %d stages", (int)rollgate_plan_stage_count(subjects[1].plan));

  test_one_plan_shared_by_workers(subjects, 2);
  test_report_read_while_its_session_evaluates(&subjects[1]);
  test_report_read_while_its_session_evaluates(&subjects[0]);

  rollgate_plan_free(subjects[0].plan);
  rollgate_plan_free(subjects[1].plan);
  free(bookme_plan);
  free(bookme_facts);
  free(plan_text);
  free(facts_text);
  printf("%d checks, %d failed\n", checks, failures);
  return failures ? 1 : 0;
}
