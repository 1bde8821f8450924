/*
 * rollgate.h — the C ABI of rollgate, the rollout readiness engine.
 *
 * This header is the specification of the C interface: every function is
 * documented where it is declared, with who owns what, what happens on NULL,
 * and which status codes it may return.
 *
 * Conventions (after libgit2 and SQLite):
 *   - Names are rollgate_<noun>_<verb>.  Handles are opaque.
 *   - A function that can fail returns a rollgate_status.  Outputs come first
 *     as out-parameters; on failure every output is set to NULL / 0.
 *   - The last parameter of a fallible function is `rollgate_error **err`.
 *     On failure, when err is not NULL, *err receives a new error object
 *     (code, message, location) that the caller frees with
 *     rollgate_error_free().  On success *err is set to NULL.  Pass NULL to
 *     get the status code only.  There is no thread-local "last error".
 *   - Strings are UTF-8.  Inputs are (pointer, length) pairs; a length of
 *     ROLLGATE_NUL_TERMINATED means "read up to the first NUL".
 *   - Every buffer the library returns through a `char **` out-parameter is
 *     owned by the caller and freed with rollgate_free().  Strings returned
 *     as `const char *` are borrowed from their parent object and live as
 *     long as it does.
 *   - Every entry point accepts NULL handles without crashing (it returns
 *     ROLLGATE_EINVAL), every free function accepts NULL, and no C++
 *     exception ever crosses this boundary.
 *
 * Threads: a rollgate_plan is immutable once compiled and may be shared by
 * any number of threads and sessions.  A rollgate_session (and the reports
 * it produces) belongs to one thread at a time.
 *
 * State: a session remembers the state of its last evaluation (every gate's
 * and stage's status, since when, soaks and drift), so that a long-lived
 * process gets soaks that complete, drift and transitions without saving
 * anything.  rollgate_session_state() and rollgate_session_set_state() save
 * and restore that state as JSON, for restarts and for the command line.
 */
#ifndef ROLLGATE_H
#define ROLLGATE_H

#include <stddef.h>
#include <stdint.h>

/* ROLLGATE_API marks the exported functions.  The build defines
 * ROLLGATE_BUILDING; consumers of a Windows DLL define ROLLGATE_SHARED. */
#if defined(_WIN32)
#  if defined(ROLLGATE_BUILDING)
#    define ROLLGATE_API __declspec(dllexport)
#  elif defined(ROLLGATE_SHARED)
#    define ROLLGATE_API __declspec(dllimport)
#  else
#    define ROLLGATE_API
#  endif
#else
#  define ROLLGATE_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------
 * Versions
 * --------------------------------------------------------------------- */

/* The version of this header.  CMake reads these lines: they are the one
 * place the version is written down. */
#define ROLLGATE_VERSION_MAJOR 0
#define ROLLGATE_VERSION_MINOR 1
#define ROLLGATE_VERSION_PATCH 0
/* Bumped when the C ABI changes incompatibly.  Bindings compare it with
 * rollgate_abi_version() when they load the library. */
#define ROLLGATE_ABI_VERSION 1

#define ROLLGATE_VERSION_NUMBER                                   \
  ((ROLLGATE_VERSION_MAJOR * 10000) + (ROLLGATE_VERSION_MINOR * 100) + \
   ROLLGATE_VERSION_PATCH)

/* The version of the library actually loaded, as MAJOR*10000 + MINOR*100 +
 * PATCH.  Compare with ROLLGATE_VERSION_NUMBER to detect a header/library
 * mismatch.  Never fails. */
ROLLGATE_API int32_t rollgate_version(void);

/* The loaded library's version as a static string such as "0.1.0".
 * Never NULL; never free it. */
ROLLGATE_API const char *rollgate_version_string(void);

/* The loaded library's ABI version (see ROLLGATE_ABI_VERSION). */
ROLLGATE_API int32_t rollgate_abi_version(void);

/* ------------------------------------------------------------------------
 * Status codes and errors
 * --------------------------------------------------------------------- */

/* Status codes.  Values are pinned: new codes are only ever appended. */
typedef enum rollgate_status {
  ROLLGATE_OK = 0,
  /* A NULL handle or out-parameter, or an argument out of its range. */
  ROLLGATE_EINVAL = -1,
  /* Input that is not well-formed JSON (plan or facts). */
  ROLLGATE_EJSON = -2,
  /* A plan that is well-formed JSON but invalid: unknown fields, duplicate
   * or unknown ids, cycles, CEL syntax or type errors, undeclared facts. */
  ROLLGATE_EPLAN = -3,
  /* Facts, progress, approvals, a what-if patch or session state that
   * cannot be used with this plan (state: malformed, even as JSON; of an
   * unknown version; of a plan with another name; saved after the
   * evaluation instant). */
  ROLLGATE_EINPUT = -4,
  /* Memory could not be allocated. */
  ROLLGATE_ENOMEM = -5,
  /* A bug in rollgate.  The message says what happened; please report it. */
  ROLLGATE_EINTERNAL = -99
} rollgate_status;

/* A static English name for a status code, e.g. "invalid plan".  Never NULL;
 * never free it.  Unknown codes give "unknown status". */
ROLLGATE_API const char *rollgate_status_string(int32_t status);

/* An error object: what went wrong and where.  Created by the library,
 * owned by the caller, freed with rollgate_error_free(). */
typedef struct rollgate_error rollgate_error;

/* Frees an error.  NULL is a harmless no-op. */
ROLLGATE_API void rollgate_error_free(rollgate_error *err);

/* The status code the failing call returned.  ROLLGATE_EINVAL for NULL. */
ROLLGATE_API int32_t rollgate_error_code(const rollgate_error *err);

/* The whole error as text, one line per problem, each prefixed with its
 * location, e.g.
 *   plan.json:14:20: /stages/1/gates/0/expr: gate pilot/departments:
 *   undeclared reference to 'pilot.departmnts' (did you mean
 *   'pilot.departments'?)
 * Borrowed from err; "" for NULL. */
ROLLGATE_API const char *rollgate_error_message(const rollgate_error *err);

/* Number of located problems the error carries (an invalid plan lists every
 * problem it has).  0 for NULL. */
ROLLGATE_API size_t rollgate_error_count(const rollgate_error *err);

/* Problem `index` (0-based) of the error.  Every out-parameter is optional
 * (pass NULL to skip it).  Strings are borrowed from err and are "" when the
 * problem has no such part:
 *   message  the plain message, without the location prefix
 *   file     the file name given when the input was passed in
 *   pointer  the JSON pointer of the offending value, e.g. "/stages/1/after/0"
 *   subject  the stage id or full gate id ("pilot/uptime") it concerns
 *   line, column  1-based position in the input text; 0 when unknown
 * Returns ROLLGATE_EINVAL for a NULL err or an index out of range. */
ROLLGATE_API rollgate_status rollgate_error_detail(
    const char **message, const char **file, const char **pointer,
    const char **subject, int32_t *line, int32_t *column,
    const rollgate_error *err, size_t index);

/* Frees any buffer the library returned through a `char **` out-parameter.
 * NULL is a harmless no-op.  Do not pass it anything else. */
ROLLGATE_API void rollgate_free(void *buffer);

/* Length value meaning "the string is NUL-terminated; measure it". */
#define ROLLGATE_NUL_TERMINATED ((size_t)-1)

/* ------------------------------------------------------------------------
 * Time
 * --------------------------------------------------------------------- */

/* Parses an RFC 3339 timestamp ("2026-11-22T10:00:00Z",
 * "2026-11-22T12:00:00.5+02:00") into seconds and nanoseconds since the
 * Unix epoch.  Returns ROLLGATE_EINPUT for malformed text. */
ROLLGATE_API rollgate_status rollgate_timestamp_parse(
    int64_t *unix_seconds, int32_t *nanos, const char *text, size_t text_len,
    rollgate_error **err);

/* ------------------------------------------------------------------------
 * Plans
 * --------------------------------------------------------------------- */

/* A compiled plan: stages, gates (CEL compiled to slots) and fact
 * declarations.  Immutable; may be shared across threads. */
typedef struct rollgate_plan rollgate_plan;

/* Compiles a plan from its JSON text (the plan format of docs/PLAN.md).
 *
 *   out        receives the plan; free it with rollgate_plan_free()
 *   json       the plan text, json_len bytes (or ROLLGATE_NUL_TERMINATED)
 *   file_name  names the input in error locations ("plan.json"); may be NULL
 *
 * An invalid plan is rejected whole and the error lists every problem, each
 * with its JSON pointer, line and column.
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_EJSON, ROLLGATE_EPLAN,
 * ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_plan_compile(
    rollgate_plan **out, const char *json, size_t json_len,
    const char *file_name, rollgate_error **err);

/* Frees a plan.  NULL is a harmless no-op.  Sessions made from the plan keep
 * it alive: freeing the plan first is safe. */
ROLLGATE_API void rollgate_plan_free(rollgate_plan *plan);

/* The plan's `name`.  Borrowed from plan; "" for NULL. */
ROLLGATE_API const char *rollgate_plan_name(const rollgate_plan *plan);

/* The plan's digest: "sha256:" and 64 hex digits over the canonical form of
 * the plan, so that two texts that differ only in layout share a digest.
 * Borrowed from plan; "" for NULL. */
ROLLGATE_API const char *rollgate_plan_digest(const rollgate_plan *plan);

/* Number of stages after matrix expansion.  0 for NULL. */
ROLLGATE_API size_t rollgate_plan_stage_count(const rollgate_plan *plan);

/* Id of stage `index` in plan order (expansions in value order), or NULL
 * when plan is NULL or index is out of range.  Borrowed from plan. */
ROLLGATE_API const char *rollgate_plan_stage_id(const rollgate_plan *plan,
                                                size_t index);

/* Output formats for functions that render a document. */
typedef enum rollgate_format {
  ROLLGATE_FORMAT_JSON = 0,
  ROLLGATE_FORMAT_TEXT = 1
} rollgate_format;

/* Compares two plans as written (DESIGN rule 20; docs/DIFF.md): every
 * change to a stage, gate, fact or plan field, each classed as tightened,
 * loosened or changed, so that a loosened definition of good can be made to
 * need more scrutiny.
 *
 *   out        receives the diff, NUL-terminated, *out_len bytes (out_len
 *              may be NULL); free it with rollgate_free().  JSON:
 *              {"old": digest, "new": digest, "changes": [{"id", "field",
 *              "from", "to", "change", "class"}], "loosened": bool}; text:
 *              loosened changes first, one per line.
 *   loosened   receives 1 when some change loosens, else 0 (may be NULL)
 *   old_plan, new_plan  compiled plans; neither is modified
 *   format     ROLLGATE_FORMAT_JSON or ROLLGATE_FORMAT_TEXT
 *
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL (NULL plan or out, unknown format),
 * ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_plan_diff(
    char **out, size_t *out_len, int32_t *loosened,
    const rollgate_plan *old_plan, const rollgate_plan *new_plan,
    rollgate_format format, rollgate_error **err);

/* ------------------------------------------------------------------------
 * Sessions
 * --------------------------------------------------------------------- */

/* A session holds the inputs (facts, progress, approvals) for one plan and
 * evaluates them.  One thread at a time. */
typedef struct rollgate_session rollgate_session;

/* Creates a session with no facts, no progress and no approvals.  The
 * session holds its own reference to the plan.
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_session_new(rollgate_session **out,
                                                  const rollgate_plan *plan,
                                                  rollgate_error **err);

/* Frees a session.  NULL is a harmless no-op. */
ROLLGATE_API void rollgate_session_free(rollgate_session *session);

/* Replaces all inputs of the session with the facts document `json`:
 *   { "facts": {...}, "progress": {...}, "approvals": [...] }
 * (every member optional; see docs/FACTS.md).  Values are converted to the
 * declared fact types.  All or nothing: on failure the session keeps the
 * inputs it had.  Facts the plan does not declare become warnings in the
 * next report.
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_EJSON, ROLLGATE_EINPUT,
 * ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_session_set_inputs(
    rollgate_session *session, const char *json, size_t json_len,
    const char *file_name, rollgate_error **err);

/* Sets one fact, leaving every other input as it is.  `json` is the fact's
 * value: a bare JSON value or a {"value": ..., "observed_at": ...} wrapper,
 * as in the facts document; JSON null makes the fact missing.
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_EJSON, ROLLGATE_EINPUT
 * (undeclared fact, or a value that does not convert), ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_session_set_fact(
    rollgate_session *session, const char *name, size_t name_len,
    const char *json, size_t json_len, rollgate_error **err);

/* Restores session state saved by rollgate_session_state() (DESIGN rule
 * 15; docs/STATE.md), replacing the state the session had.  The next
 * evaluation continues from it: soaks carry on, drift and transitions are
 * reported against it.  State saved under an older version of the plan (same
 * name, other digest) is used id by id, and the next report warns about it.
 *
 *   json       the state text, json_len bytes (or ROLLGATE_NUL_TERMINATED)
 *   file_name  names the input in error locations ("state.json"); may be NULL
 *
 * All or nothing: on failure the session keeps the state it had.
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_EINPUT (malformed JSON or
 * fields, an empty text, an unknown rollgate_state version, the state of a
 * plan with another name; every problem located by file, line, column and
 * JSON pointer), ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_session_set_state(
    rollgate_session *session, const char *json, size_t json_len,
    const char *file_name, rollgate_error **err);

/* The session's state: that of its last evaluation, or the state last
 * restored when it has not evaluated since (then without the records of
 * stages and gates this plan does not have, which rule 19 drops).  *json receives NUL-terminated
 * JSON of *json_len bytes (json_len may be NULL), freed with
 * rollgate_free(); *json is NULL (and *json_len 0) when the session has no
 * state yet.  A what-if evaluation never changes it.
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_session_state(
    char **json, size_t *json_len, const rollgate_session *session,
    rollgate_error **err);

/* Forgets the session's state: the next evaluation is a first one (DESIGN
 * rule 1: soaks start, no drift, no transitions).
 * Returns ROLLGATE_OK or ROLLGATE_EINVAL (NULL session). */
ROLLGATE_API rollgate_status rollgate_session_clear_state(
    rollgate_session *session);

/* ------------------------------------------------------------------------
 * Reports
 * --------------------------------------------------------------------- */

/* The outcome of one evaluation: every stage's status, every gate's verdict
 * with its evidence, blockers, the stages ready to start, the target. */
typedef struct rollgate_report rollgate_report;

/* Evaluates the session's inputs at the instant `unix_seconds` + `nanos`
 * (nanos in 0..999999999), continuing from the session's state, and returns
 * a new report.  The session's state becomes this evaluation's.
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_EINPUT (the session's state
 * was saved after this instant; the error names the state's file and
 * /evaluated_at, and the session is unchanged), ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_session_evaluate(
    rollgate_report **out, rollgate_session *session, int64_t unix_seconds,
    int32_t nanos, rollgate_error **err);

/* What if (DESIGN rule 21): evaluates the session's inputs with `patch`
 * applied, at the given instant and from the session's state, and changes
 * neither the session's inputs nor its state.  The patch is a facts document
 * ({"facts", "progress", "approvals"}): its facts replace the session's facts
 * of the same name (null removes one), its progress entries replace those
 * stages' whole progress, its approvals are added.  The report is the patched
 * evaluation's (target, drift and transitions included) and its JSON carries
 * "what_if": {"changes": [{"id", "from", "to"}]}, every stage and gate whose
 * status differs from the unpatched evaluation.
 *
 *   file_name  names the patch in error locations ("patch.json"); may be NULL
 *
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_EJSON, ROLLGATE_EINPUT (a
 * patch that cannot be used, or state saved after this instant),
 * ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_session_what_if(
    rollgate_report **out, rollgate_session *session, const char *patch,
    size_t patch_len, const char *file_name, int64_t unix_seconds,
    int32_t nanos, rollgate_error **err);

/* Frees a report.  NULL is a harmless no-op. */
ROLLGATE_API void rollgate_report_free(rollgate_report *report);

/* The report as JSON (docs/REPORT.md describes every field).  *json
 * receives a NUL-terminated buffer of *json_len bytes (json_len may be NULL);
 * free it with rollgate_free().
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_report_json(char **json,
                                                  size_t *json_len,
                                                  const rollgate_report *report,
                                                  rollgate_error **err);

/* How rollgate_report_json_with() lays the report out.  Set version to
 * ROLLGATE_JSON_OPTIONS_VERSION (ROLLGATE_JSON_OPTIONS_INIT does), then the
 * fields you need: a later rollgate that adds fields reads only those of
 * the version the caller was compiled against. */
typedef struct rollgate_json_options {
  unsigned int version; /* ROLLGATE_JSON_OPTIONS_VERSION */
  unsigned int flags;   /* ROLLGATE_JSON_* bits, or 0 for the full report */
} rollgate_json_options;

#define ROLLGATE_JSON_OPTIONS_VERSION 1
#define ROLLGATE_JSON_OPTIONS_INIT {ROLLGATE_JSON_OPTIONS_VERSION, 0}

/* No whitespace between tokens: the same document, about a third smaller. */
#define ROLLGATE_JSON_COMPACT 0x1u
/* Summary detail, for organisation-sized plans: each stage lists only its
 * gates that do not pass, with every field of the full report, and counts
 * the others in "passing_gates"; the report carries "detail": "summary".
 * Everything else (target, next, blockers, drift, transitions, warnings)
 * is as in the full report.  docs/REPORT.md has the sizes. */
#define ROLLGATE_JSON_SUMMARY 0x2u

/* rollgate_report_json() laid out as `options` says (NULL: the full,
 * indented report).  Ownership as for rollgate_report_json().
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL for a NULL argument, an options
 * version this library does not know, or an unknown flag; ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_report_json_with(
    char **json, size_t *json_len, const rollgate_report *report,
    const rollgate_json_options *options, rollgate_error **err);

/* The report as text for people, the same as `rollgate eval --format text`.
 * Ownership as for rollgate_report_json(). */
ROLLGATE_API rollgate_status rollgate_report_text(char **text,
                                                  size_t *text_len,
                                                  const rollgate_report *report,
                                                  rollgate_error **err);

/* 1 when the plan's target (or, without a target, every stage) is ready or
 * done — the condition under which the command line exits 0 — else 0.
 * 0 for NULL. */
ROLLGATE_API int32_t rollgate_report_target_met(const rollgate_report *report);

/* The number of drifting gates in the report's drift[] (DESIGN rule 17):
 * must-gates of started stages that passed and now fail, error or are
 * unknown.  The command line's --fail-on-drift exits 1 when it is not 0.
 * 0 for NULL. */
ROLLGATE_API size_t rollgate_report_drift_count(const rollgate_report *report);

/* Every stage that a blocker of the report holds back.  The report's
 * blockers[] give each blocker's holds_back_count and only the first 10 of
 * those stages (holds_back, plan order), so that a report stays linear in
 * the plan's size; this gives them all.
 *
 *   json        receives a JSON array of stage ids, the stages not yet
 *               started that the blocker keeps from starting, in plan order
 *               (for a gate or approval its own stage and everything
 *               downstream, for a stage everything downstream), as a
 *               NUL-terminated buffer of *json_len bytes (json_len may be
 *               NULL); free it with rollgate_free()
 *   report      the report whose blockers[] names the blocker
 *   blocker_id  a blocker's `id` as in blockers[]: "stage/gate",
 *               "stage/approval:role" or "stage"; id_len bytes (or
 *               ROLLGATE_NUL_TERMINATED)
 *
 * Takes time linear in the plan's stages and dependencies.
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL (NULL json, report or blocker_id),
 * ROLLGATE_EINPUT (no blocker of the report has that id; the message names
 * it), ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_report_holds_back(
    char **json, size_t *json_len, const rollgate_report *report,
    const char *blocker_id, size_t id_len, rollgate_error **err);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ROLLGATE_H */
