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
 * Threads (a test runs 8 threads under ThreadSanitizer in CI):
 *   - A rollgate_plan is immutable once compiled: any number of threads may
 *     read it, and make and use sessions from it, at the same time.
 *   - A rollgate_session belongs to one thread at a time: calls on one
 *     session must not overlap (take turns with your own lock).  Separate
 *     sessions, even of the same plan, need no locking.
 *   - A rollgate_report is immutable: any number of threads may read and
 *     render it at the same time, also while the session that made it
 *     evaluates again on another thread (a report never changes once made).
 *   - An error object is immutable: any thread may read it.
 *   - The only thing a thread may do to a session another thread is using is
 *     set the cancellation flag of rollgate_session_options.
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
#define ROLLGATE_VERSION_MINOR 2
#define ROLLGATE_VERSION_PATCH 0
/* Bumped when the C ABI changes incompatibly (README, "Changing the ABI";
 * tests/abi holds the libabigail baseline the build compares against).
 * Bindings compare it with rollgate_abi_version() when they load the
 * library.  2: rollgate_error_problem replaced rollgate_error_detail, and
 * rollgate_session_clear_state takes an error out-parameter. */
#define ROLLGATE_ABI_VERSION 2

#define ROLLGATE_VERSION_NUMBER                                   \
  ((ROLLGATE_VERSION_MAJOR * 10000) + (ROLLGATE_VERSION_MINOR * 100) + \
   ROLLGATE_VERSION_PATCH)

/* The version of the library actually loaded, as MAJOR*10000 + MINOR*100 +
 * PATCH.  Compare with ROLLGATE_VERSION_NUMBER to detect a header/library
 * mismatch.  Never fails. */
ROLLGATE_API int32_t rollgate_version(void);

/* The loaded library's version as a static string such as "0.2.0".
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
  /* An evaluation went past a limit of rollgate_session_options that bounds
   * the whole evaluation; the session is unchanged. */
  ROLLGATE_ELIMIT = -6,
  /* An evaluation stopped because its cancellation flag was set; the
   * session is unchanged. */
  ROLLGATE_ECANCELLED = -7,
  /* An evaluation stopped at its deadline; the session is unchanged. */
  ROLLGATE_ETIMEOUT = -8,
  /* A bug in rollgate.  The message says what happened; please report it. */
  ROLLGATE_EINTERNAL = -99
} rollgate_status;

/* A static English name for a status code, e.g. "invalid plan".  Never NULL;
 * never free it.  Unknown codes give "unknown status". */
ROLLGATE_API const char *rollgate_status_string(rollgate_status status);

/* An error object: what went wrong and where.  Created by the library,
 * owned by the caller, freed with rollgate_error_free(). */
typedef struct rollgate_error rollgate_error;

/* Frees an error.  NULL is a harmless no-op. */
ROLLGATE_API void rollgate_error_free(rollgate_error *err);

/* The status code the failing call returned.  ROLLGATE_EINVAL for NULL. */
ROLLGATE_API rollgate_status rollgate_error_code(const rollgate_error *err);

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

/* What a problem's subject is. */
typedef enum rollgate_subject_kind {
  ROLLGATE_SUBJECT_NONE = 0,  /* the problem concerns no one stage, gate or fact */
  ROLLGATE_SUBJECT_STAGE = 1, /* a stage id as written: a matrix stage's own id,
                                 not one of its expansions */
  ROLLGATE_SUBJECT_GATE = 2,  /* a full gate id, "stage/gate" */
  ROLLGATE_SUBJECT_FACT = 3   /* a fact name, "pilot.departments" */
} rollgate_subject_kind;

/* One problem of an error, filled in by rollgate_error_problem().  Strings
 * are borrowed from the error object and are "" (never NULL) when the
 * problem has no such part. */
typedef struct rollgate_problem {
  unsigned int version; /* set by the caller: ROLLGATE_PROBLEM_VERSION */
  /* What kind of problem, a stable lower-case code such as "unknown-field",
   * "cycle", "cel-type" or "undeclared-fact"; docs/ERRORS.md lists them. */
  const char *kind;
  const char *message;    /* the plain message, without location prefix */
  /* What the input probably meant, e.g. "pilot.departments" for a
   * misspelt name; "" when there is no close candidate.  The message ends
   * with the same suggestion in words ("did you mean ...?"). */
  const char *suggestion;
  const char *file;       /* the file name given with the input; "" when none */
  const char *pointer;    /* JSON pointer of the offending value, "/stages/1/after/0" */
  const char *subject;    /* the stage id, full gate id or fact name concerned */
  rollgate_subject_kind subject_kind;
  int32_t line;           /* 1-based position in the input; 0 when unknown */
  int32_t column;
} rollgate_problem;

#define ROLLGATE_PROBLEM_VERSION 1
#define ROLLGATE_PROBLEM_INIT {ROLLGATE_PROBLEM_VERSION, 0, 0, 0, 0, 0, 0, ROLLGATE_SUBJECT_NONE, 0, 0}

/* Fills *out with problem `index` (0-based, below rollgate_error_count())
 * of `error`.  Set out->version first (ROLLGATE_PROBLEM_INIT does): the
 * library fills only the fields of that version.
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL out or error, index out of
 * range, unknown version; *err says which). */
ROLLGATE_API rollgate_status rollgate_error_problem(rollgate_problem *out,
                                                    const rollgate_error *error,
                                                    size_t index,
                                                    rollgate_error **err);

/* Frees any buffer the library returned through a `char **` out-parameter.
 * NULL is a harmless no-op.  Do not pass it anything else. */
ROLLGATE_API void rollgate_free(void *buffer);

/* Length value meaning "the string is NUL-terminated; measure it". */
#define ROLLGATE_NUL_TERMINATED ((size_t)-1)

/* ------------------------------------------------------------------------
 * Time
 * --------------------------------------------------------------------- */

/* Parses an RFC 3339 timestamp into seconds and nanoseconds since the Unix
 * epoch.  Accepted: "YYYY-MM-DDTHH:MM:SS", an optional fraction of 1 to 9
 * digits, then "Z" or an offset "+HH:MM" / "-HH:MM" ("T" and "Z" may be
 * lower case), e.g. "2026-11-22T10:00:00Z", "2026-11-22T12:00:00.5+02:00".
 * The range is CEL's: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
 * Leap seconds (":60") are not accepted.
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL (NULL argument), ROLLGATE_EINPUT
 * (malformed or out of range; the message quotes the text). */
ROLLGATE_API rollgate_status rollgate_timestamp_parse(
    int64_t *unix_seconds, int32_t *nanos, const char *text, size_t text_len,
    rollgate_error **err);

/* Formats an instant as RFC 3339 in UTC, the form the reports use:
 * "2026-11-22T10:00:00Z", with a fraction of 3, 6 or 9 digits when nanos is
 * not 0 ("2026-11-22T10:00:00.500Z").  rollgate_timestamp_parse() reads it
 * back to the same instant.  *text is NUL-terminated, *text_len bytes
 * (text_len may be NULL), freed with rollgate_free().
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL (NULL text, nanos outside
 * 0..999999999, or an instant outside the range rollgate_timestamp_parse()
 * accepts), ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_timestamp_format(char **text,
                                                       size_t *text_len,
                                                       int64_t unix_seconds,
                                                       int32_t nanos,
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
 *   file_name  names the input in error locations ("plan.json"); may be
 *              NULL: the problems then name no file (their file is "")
 *
 * An invalid plan is rejected whole and the error lists every problem, each
 * with its JSON pointer, line and column.
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_EJSON, ROLLGATE_EPLAN,
 * ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_plan_compile(
    rollgate_plan **out, const char *json, size_t json_len,
    const char *file_name, rollgate_error **err);

/* Limits on the plans rollgate_plan_compile_with() compiles: how large the
 * document may be and what it may declare and expand to.  Initialise with
 * rollgate_plan_options_init() (or ROLLGATE_PLAN_OPTIONS_INIT), then change
 * the fields you need.  A limit of 0 means its default, which
 * docs/LIMITS.md ("Input limits") lists with the reasons for it; every
 * default is far above a real plan (the 1,000,000-gate benchmark plan
 * compiles under them).  A plan past a limit is refused with
 * ROLLGATE_EPLAN (ROLLGATE_EJSON for the size and nesting of its text)
 * and a problem of kind "limit" located where it goes past, naming the
 * limit, e.g.
 *   plan.json:3:13: /stages/0/id: a stage id of 5000 bytes, longer than
 *   the limit of 1024 (max_id_bytes)  */
typedef struct rollgate_plan_options {
  unsigned int version;            /* ROLLGATE_PLAN_OPTIONS_VERSION */
  /* The plan's JSON text, in bytes; a longer one is refused unread
   * (64 MiB). */
  uint64_t max_document_bytes;
  /* Arrays and objects open at once in the text (64; at most 1000, above
   * which the options are refused: the walks over a document recurse once
   * a level). */
  uint64_t max_json_depth;
  uint64_t max_stages;             /* stages after matrix expansion (1,000,000) */
  uint64_t max_gates;              /* gates after matrix expansion (10,000,000) */
  uint64_t max_facts;              /* facts declared (1,000,000) */
  /* The stages all matrix stages expand to, added up (100,000); one stage
   * may make at most 1,000 whatever this says. */
  uint64_t max_matrix_expansions;
  /* The text the matrix stages' expansions copy, values substituted
   * (64 MiB). */
  uint64_t max_matrix_text_bytes;
  /* Stage and gate ids (an expansion's included), fact names, the plan's
   * name, roles, owners, categories and units, in bytes (1,024). */
  uint64_t max_id_bytes;
  uint64_t max_title_bytes;        /* the plan's and stages' titles (4,096) */
  /* A gate's CEL expression after matrix substitution, in bytes (64 KiB);
   * the parser's nesting limits (docs/LIMITS.md) apply within it. */
  uint64_t max_expression_bytes;
} rollgate_plan_options;

#define ROLLGATE_PLAN_OPTIONS_VERSION 1
#define ROLLGATE_PLAN_OPTIONS_INIT {ROLLGATE_PLAN_OPTIONS_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}

/* Initialises *options to the defaults of `version` (pass
 * ROLLGATE_PLAN_OPTIONS_VERSION): every limit set to its default number,
 * which 0 also means.  libgit2's git_*_options_init.
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL options, unknown version). */
ROLLGATE_API rollgate_status rollgate_plan_options_init(
    rollgate_plan_options *options, unsigned int version);

/* rollgate_plan_compile() within the limits of `options` (copied; NULL:
 * the defaults, as rollgate_plan_compile() uses).
 * Returns what rollgate_plan_compile() returns, and ROLLGATE_EINVAL for
 * options of an unknown version or a max_json_depth above 1000. */
ROLLGATE_API rollgate_status rollgate_plan_compile_with(
    rollgate_plan **out, const char *json, size_t json_len,
    const char *file_name, const rollgate_plan_options *options,
    rollgate_error **err);

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

/* The index value meaning "none" (no such stage, no next stage). */
#define ROLLGATE_NO_INDEX ((size_t)-1)

/* Finds a stage by id (after matrix expansion, e.g. "wave-north").
 *   index  receives the stage's index in plan order
 *   id     id_len bytes (or ROLLGATE_NUL_TERMINATED)
 * Takes constant time (hashed).
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL argument); ROLLGATE_EINPUT (no
 * such stage: the problem's subject is the id and its suggestion the
 * closest stage id; for a matrix id the message names its expansions).
 * *index is ROLLGATE_NO_INDEX on failure. */
ROLLGATE_API rollgate_status rollgate_plan_stage_find(size_t *index,
                                                      const rollgate_plan *plan,
                                                      const char *id,
                                                      size_t id_len,
                                                      rollgate_error **err);

/* The plan's target stage or matrix id (`target` in the plan), or "" when
 * the plan names none (then every stage is the target).  Borrowed from plan;
 * "" for NULL. */
ROLLGATE_API const char *rollgate_plan_target(const rollgate_plan *plan);

/* Gate kinds (the plan's `kind`).  Values are pinned. */
typedef enum rollgate_gate_kind {
  ROLLGATE_GATE_MUST = 0,
  ROLLGATE_GATE_SHOULD = 1,
  ROLLGATE_GATE_ADVISORY = 2
} rollgate_gate_kind;

/* A stage of a compiled plan, filled in by rollgate_plan_stage().  Strings
 * and the `after` array are borrowed from the plan; strings are "" when the
 * plan leaves them out. */
typedef struct rollgate_plan_stage_info {
  unsigned int version;  /* set by the caller: ROLLGATE_PLAN_STAGE_INFO_VERSION */
  const char *id;        /* after expansion: "wave-north" */
  const char *title;
  const char *owner;
  const char *description;
  /* For an expansion, the id of the matrix stage it came from ("wave");
   * for any other stage, "". */
  const char *matrix_id;
  /* The stages this one waits for directly, as stage indices in plan order
   * without repeats: every stage its `after` names (a matrix id: all of its
   * expansions) and, in a sequential matrix, the expansion before it.  These
   * are the edges of the stage graph.  Ascending; NULL when after_count
   * is 0. */
  const size_t *after;
  size_t after_count;
  size_t gate_count;     /* its gates, for rollgate_plan_gate() */
  size_t approval_count; /* its approval requirements (roles) */
} rollgate_plan_stage_info;

#define ROLLGATE_PLAN_STAGE_INFO_VERSION 1
#define ROLLGATE_PLAN_STAGE_INFO_INIT {ROLLGATE_PLAN_STAGE_INFO_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0}

/* Fills *out with stage `stage` (plan order) of the plan.  Set out->version
 * first (ROLLGATE_PLAN_STAGE_INFO_INIT does).  Constant time.
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL argument, stage out of range,
 * unknown version). */
ROLLGATE_API rollgate_status rollgate_plan_stage(rollgate_plan_stage_info *out,
                                                 const rollgate_plan *plan,
                                                 size_t stage,
                                                 rollgate_error **err);

/* A gate of a compiled plan, filled in by rollgate_plan_gate().  Strings are
 * borrowed from the plan; "" when the plan leaves them out. */
typedef struct rollgate_plan_gate_info {
  unsigned int version;     /* set by the caller: ROLLGATE_PLAN_GATE_INFO_VERSION */
  const char *id;           /* full id, "pilot/uptime" */
  const char *name;         /* id within its stage, "uptime" */
  rollgate_gate_kind kind;
  const char *expression;   /* the CEL text, after matrix substitution */
  const char *owner;
  const char *category;
  const char *description;
  double weight;            /* should-gates' weight in the stage's score */
  /* hold_for: how long the expression must hold before the gate passes;
   * has_hold_for is 0 when the gate has none. */
  int32_t has_hold_for;
  int64_t hold_for_seconds;
  int32_t hold_for_nanos;
} rollgate_plan_gate_info;

#define ROLLGATE_PLAN_GATE_INFO_VERSION 1
#define ROLLGATE_PLAN_GATE_INFO_INIT {ROLLGATE_PLAN_GATE_INFO_VERSION, 0, 0, ROLLGATE_GATE_MUST, 0, 0, 0, 0, 0.0, 0, 0, 0}

/* Fills *out with gate `gate` (0-based, below the stage's gate_count) of
 * stage `stage`.  Set out->version first.  Constant time.
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL argument, index out of range,
 * unknown version). */
ROLLGATE_API rollgate_status rollgate_plan_gate(rollgate_plan_gate_info *out,
                                                const rollgate_plan *plan,
                                                size_t stage, size_t gate,
                                                rollgate_error **err);

/* Number of facts the plan declares.  0 for NULL. */
ROLLGATE_API size_t rollgate_plan_fact_count(const rollgate_plan *plan);

/* A fact declaration, filled in by rollgate_plan_fact(): enough to build a
 * form for the facts.  Strings are borrowed from the plan. */
typedef struct rollgate_fact_info {
  unsigned int version;     /* set by the caller: ROLLGATE_FACT_INFO_VERSION */
  const char *name;         /* "pilot.departments" */
  /* The declared CEL type as the plan writes it: "bool", "int", "uint",
   * "double", "string", "bytes", "timestamp", "duration", "list(string)",
   * "map(string, int)", "dyn". */
  const char *type;
  const char *owner;
  const char *unit;
  const char *description;
  /* How old an observation may be before it is stale (its own max_age,
   * else the plan's default); has_max_age is 0 when neither is set. */
  int32_t has_max_age;
  int64_t max_age_seconds;
  int32_t max_age_nanos;
} rollgate_fact_info;

#define ROLLGATE_FACT_INFO_VERSION 1
#define ROLLGATE_FACT_INFO_INIT {ROLLGATE_FACT_INFO_VERSION, 0, 0, 0, 0, 0, 0, 0, 0}

/* Fills *out with fact declaration `index` (declaration order).  Set
 * out->version first.  Constant time.
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL argument, index out of range,
 * unknown version). */
ROLLGATE_API rollgate_status rollgate_plan_fact(rollgate_fact_info *out,
                                                const rollgate_plan *plan,
                                                size_t index,
                                                rollgate_error **err);

/* Finds a fact declaration by name.  *index is ROLLGATE_NO_INDEX on
 * failure.  Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL argument);
 * ROLLGATE_EINPUT (undeclared: the problem's subject is the name, its
 * suggestion the closest declared name). */
ROLLGATE_API rollgate_status rollgate_plan_fact_find(size_t *index,
                                                     const rollgate_plan *plan,
                                                     const char *name,
                                                     size_t name_len,
                                                     rollgate_error **err);

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
 * next report.  file_name names the input in error locations
 * ("facts.json"); may be NULL: the problems then name no file.
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_EJSON, ROLLGATE_EINPUT,
 * ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_session_set_inputs(
    rollgate_session *session, const char *json, size_t json_len,
    const char *file_name, rollgate_error **err);

/* Merges the document `json`, shaped like the facts document, over the
 * session's inputs, as a what-if patch would be (DESIGN rule 21) but kept:
 * its facts replace the session's facts of the same name (JSON null
 * removes one), its progress entries replace those stages' whole progress,
 * its approvals are added.  The command line's `--progress FILE` is this,
 * for progress and approvals kept apart from facts.  All or nothing: on
 * failure the session keeps the inputs it had.  file_name as in
 * rollgate_session_set_inputs().
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_EJSON, ROLLGATE_EINPUT,
 * ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_session_update_inputs(
    rollgate_session *session, const char *json, size_t json_len,
    const char *file_name, rollgate_error **err);

/* Sets one fact, leaving every other input as it is.  `json` is the fact's
 * value: a bare JSON value or a {"value": ..., "observed_at": ...} wrapper,
 * as in the facts document; JSON null makes the fact missing.  All or
 * nothing.
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_EJSON, ROLLGATE_EINPUT
 * (undeclared fact: kind "undeclared-fact", the closest declared name as
 * suggestion; a value that does not convert), ROLLGATE_ENOMEM.  Problems
 * name the fact as subject (ROLLGATE_SUBJECT_FACT) and no file; those in the
 * JSON have their line and column within `json` and a pointer relative to
 * the value ("" for the value itself, "/2" for its third element). */
ROLLGATE_API rollgate_status rollgate_session_set_fact(
    rollgate_session *session, const char *name, size_t name_len,
    const char *json, size_t json_len, rollgate_error **err);

/* Where a fact's value came from, for the typed setters below.  Every field
 * is optional: ROLLGATE_FACT_META_INIT (or passing NULL) gives a fact with
 * no observation time (never stale), no source and no evidence link. */
typedef struct rollgate_fact_meta {
  unsigned int version;          /* ROLLGATE_FACT_META_VERSION */
  int32_t has_observed_at;       /* 1: observed_at_* below are set */
  int64_t observed_at_seconds;   /* when the value was observed (Unix time) */
  int32_t observed_at_nanos;     /* 0..999999999 */
  const char *source;            /* NUL-terminated, or NULL: "monitoring" */
  const char *evidence;          /* NUL-terminated, or NULL: a link to the evidence */
} rollgate_fact_meta;

#define ROLLGATE_FACT_META_VERSION 1
#define ROLLGATE_FACT_META_INIT {ROLLGATE_FACT_META_VERSION, 0, 0, 0, 0, 0}

/* Sets one fact from a C value, leaving every other input as it is: the
 * same as rollgate_session_set_fact() with the value written as JSON, but
 * without writing or parsing any.  So the value converts to the declared
 * type by the facts document's rules (docs/FACTS.md) and suits:
 *   _bool       bool (value 0 or 1)
 *   _int        int; uint when not negative; double
 *   _uint       uint; int up to INT64_MAX; double
 *   _double     double; int and uint when whole and in range (3.0).  NaN
 *               and the infinities are written as proto3 JSON writes them,
 *               the strings "NaN", "Infinity", "-Infinity", which a double
 *               fact reads as those values
 *   _string     string (value_len bytes of UTF-8, or ROLLGATE_NUL_TERMINATED);
 *               also timestamp (RFC 3339), duration ("72h"), bytes (base64)
 *               and double ("NaN", "Infinity"), read as in the facts document
 *   _timestamp  timestamp (Unix seconds and nanos, in the range of
 *               rollgate_timestamp_parse()); string (its RFC 3339 text)
 *   _duration   duration (seconds and nanos, both of the same sign, within
 *               +-10000 years); string (its CEL text, "5400s")
 *   _json       any type, lists and maps included: value is the JSON value
 *               as in the facts document (not a {"value": ...} wrapper);
 *               JSON null makes the fact missing (meta is then unused)
 * Every typed setter also suits a fact declared `dyn`, which gets the value
 * the facts document gives that JSON: a bool, an int (a uint above
 * INT64_MAX), a double, a string (a timestamp or duration as its text), so
 * that rollgate_session_inputs() can write it back.
 *   meta  the observation time, source and evidence link; may be NULL
 * All or nothing: on failure the session keeps the fact it had.
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL session or name, bad meta
 * version or nanos); ROLLGATE_EJSON (_json: malformed JSON, located in
 * the value text); ROLLGATE_EINPUT (undeclared fact, with the closest
 * declared name as suggestion; a value that does not suit the declared type,
 * naming both); ROLLGATE_ENOMEM.  Problems name the fact as subject
 * (ROLLGATE_SUBJECT_FACT) and no file. */
ROLLGATE_API rollgate_status rollgate_session_set_fact_bool(
    rollgate_session *session, const char *name, size_t name_len,
    int32_t value, const rollgate_fact_meta *meta, rollgate_error **err);
ROLLGATE_API rollgate_status rollgate_session_set_fact_int(
    rollgate_session *session, const char *name, size_t name_len,
    int64_t value, const rollgate_fact_meta *meta, rollgate_error **err);
ROLLGATE_API rollgate_status rollgate_session_set_fact_uint(
    rollgate_session *session, const char *name, size_t name_len,
    uint64_t value, const rollgate_fact_meta *meta, rollgate_error **err);
ROLLGATE_API rollgate_status rollgate_session_set_fact_double(
    rollgate_session *session, const char *name, size_t name_len,
    double value, const rollgate_fact_meta *meta, rollgate_error **err);
ROLLGATE_API rollgate_status rollgate_session_set_fact_string(
    rollgate_session *session, const char *name, size_t name_len,
    const char *value, size_t value_len, const rollgate_fact_meta *meta,
    rollgate_error **err);
ROLLGATE_API rollgate_status rollgate_session_set_fact_timestamp(
    rollgate_session *session, const char *name, size_t name_len,
    int64_t unix_seconds, int32_t nanos, const rollgate_fact_meta *meta,
    rollgate_error **err);
ROLLGATE_API rollgate_status rollgate_session_set_fact_duration(
    rollgate_session *session, const char *name, size_t name_len,
    int64_t seconds, int32_t nanos, const rollgate_fact_meta *meta,
    rollgate_error **err);
ROLLGATE_API rollgate_status rollgate_session_set_fact_json(
    rollgate_session *session, const char *name, size_t name_len,
    const char *value, size_t value_len, const rollgate_fact_meta *meta,
    rollgate_error **err);

/* Makes one fact missing (as JSON null does), leaving every other input as
 * it is.  Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL argument);
 * ROLLGATE_EINPUT (undeclared fact, with a suggestion). */
ROLLGATE_API rollgate_status rollgate_session_clear_fact(
    rollgate_session *session, const char *name, size_t name_len,
    rollgate_error **err);

/* A stage's progress (docs/FACTS.md, "Progress").  Values are pinned. */
typedef enum rollgate_progress_state {
  ROLLGATE_PROGRESS_NOT_STARTED = 0,
  ROLLGATE_PROGRESS_IN_PROGRESS = 1,
  ROLLGATE_PROGRESS_DONE = 2,
  ROLLGATE_PROGRESS_HELD = 3,       /* paused by a decision */
  ROLLGATE_PROGRESS_CANCELLED = 4,
  ROLLGATE_PROGRESS_ROLLED_BACK = 5 /* back to not started */
} rollgate_progress_state;

/* One stage's progress for rollgate_session_set_progress(); the fields of
 * a "progress" entry of the facts document. */
typedef struct rollgate_progress {
  unsigned int version;            /* ROLLGATE_PROGRESS_VERSION */
  rollgate_progress_state state;
  int32_t has_started_at;          /* 1: started_at_* are set */
  int64_t started_at_seconds;
  int32_t started_at_nanos;
  int32_t has_done_at;             /* 1: done_at_* are set */
  int64_t done_at_seconds;
  int32_t done_at_nanos;
  const char *requested_by;        /* NUL-terminated, or NULL: who asked for the
                                      stage (their own approvals do not count) */
  const char *reason;              /* NUL-terminated, or NULL */
} rollgate_progress;

#define ROLLGATE_PROGRESS_VERSION 1
#define ROLLGATE_PROGRESS_INIT {ROLLGATE_PROGRESS_VERSION, ROLLGATE_PROGRESS_NOT_STARTED, 0, 0, 0, 0, 0, 0, 0, 0}

/* Sets the progress of one stage, or of every expansion of a matrix id,
 * leaving every other input as it is.  `progress` NULL removes the stage's
 * progress (not started).  All or nothing.
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL session or stage_id, bad
 * version, state or nanos); ROLLGATE_EINPUT (unknown stage id, with a
 * suggestion; subject kind ROLLGATE_SUBJECT_STAGE); ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_session_set_progress(
    rollgate_session *session, const char *stage_id, size_t stage_id_len,
    const rollgate_progress *progress, rollgate_error **err);

/* One approval for rollgate_session_add_approval(); the fields of an
 * "approvals" entry of the facts document. */
typedef struct rollgate_approval {
  unsigned int version;  /* ROLLGATE_APPROVAL_VERSION */
  const char *stage;     /* NUL-terminated stage id (or matrix id); required */
  const char *role;      /* NUL-terminated; required */
  const char *by;        /* NUL-terminated person; required */
  int32_t has_at;        /* 1: at_* are set (needed where the role has a max_age) */
  int64_t at_seconds;
  int32_t at_nanos;
  const char *note;      /* NUL-terminated, or NULL */
} rollgate_approval;

#define ROLLGATE_APPROVAL_VERSION 1
#define ROLLGATE_APPROVAL_INIT {ROLLGATE_APPROVAL_VERSION, 0, 0, 0, 0, 0, 0, 0}

/* Adds one approval to the session's approvals, leaving every other input
 * as it is.  Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL session or approval,
 * bad version or nanos); ROLLGATE_EINPUT (a missing stage, role or by, an
 * unknown stage with a suggestion); ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_session_add_approval(
    rollgate_session *session, const rollgate_approval *approval,
    rollgate_error **err);

/* The session's current inputs as a facts document ({"facts", "progress",
 * "approvals"}, docs/FACTS.md) that rollgate_session_set_inputs() reads back
 * to the same inputs: every fact as a {"value", "observed_at", "source",
 * "evidence"} wrapper (members it lacks left out), missing facts left out.
 * *json is NUL-terminated, *json_len bytes (json_len may be NULL), freed
 * with rollgate_free().
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_session_inputs(
    char **json, size_t *json_len, const rollgate_session *session,
    rollgate_error **err);

/* Limits, a deadline and a cancellation flag for a session's evaluations
 * (rollgate_session_evaluate and rollgate_session_what_if).  Initialise with
 * rollgate_session_options_init() (or ROLLGATE_SESSION_OPTIONS_INIT), then
 * change the fields you need.  A limit of 0 means the default, which
 * docs/LIMITS.md lists.
 *
 * Per-gate limits (max_cost, max_iterations, max_string_bytes,
 * max_list_size, max_bytes): a gate that exceeds one gets the status error
 * with a message naming the limit and its value, as any other CEL error;
 * the evaluation goes on.  Whole-evaluation bounds (max_total_cost,
 * max_total_bytes, the deadline, the cancellation flag) stop the
 * evaluation: the call fails with
 * ROLLGATE_ELIMIT, ROLLGATE_ETIMEOUT or ROLLGATE_ECANCELLED and the session
 * (inputs and state) is as it was before the call. */
typedef struct rollgate_session_options {
  unsigned int version;        /* ROLLGATE_SESSION_OPTIONS_VERSION */
  uint64_t max_cost;           /* cost budget of one gate's expression */
  uint64_t max_iterations;     /* comprehension iterations of one gate */
  uint64_t max_string_bytes;   /* longest string or bytes a gate may build */
  uint64_t max_list_size;      /* most elements of a list or map a gate may build */
  uint64_t max_total_cost;     /* cost budget of one whole evaluation */
  /* Wall-clock deadline (Unix time, as CLOCK_REALTIME); has_deadline 0: none.
   * Checked between gates and every few comprehension iterations. */
  int32_t has_deadline;
  int64_t deadline_seconds;
  int32_t deadline_nanos;
  /* When not NULL, evaluation stops soon after *cancel becomes non-zero.
   * Another thread may set it at any time (with an atomic store, or a plain
   * store to this volatile int32_t); the caller keeps it alive while the
   * session may evaluate, and resets it before the next evaluation. */
  const volatile int32_t *cancel;
  /* Version 2.  The bytes of the strings, lists and maps one gate builds,
   * added up (freed or not): the per-value limits above bound one value,
   * this how many a gate may make. */
  uint64_t max_bytes;
  uint64_t max_total_bytes;    /* the same for one whole evaluation */
  /* Version 3.  The documents the session reads, refused past them with a
   * problem of kind "limit" (ROLLGATE_EJSON; ROLLGATE_EINPUT for a state
   * document, as for any state that cannot be used): the bytes of a facts,
   * progress or what-if document (rollgate_session_set_inputs,
   * _update_inputs, _what_if; 64 MiB), of a state document
   * (rollgate_session_set_state; 1 GiB, since state grows with the plan:
   * about 200 bytes a gate), and how deeply any of them nests (64; at most
   * 1000).  These apply from the next call that reads a document. */
  uint64_t max_document_bytes;
  uint64_t max_state_bytes;
  uint64_t max_json_depth;
} rollgate_session_options;

/* 2 added max_bytes and max_total_bytes, 3 max_document_bytes,
 * max_state_bytes and max_json_depth; a caller compiled against an earlier
 * version passes it and gets the later fields' defaults. */
#define ROLLGATE_SESSION_OPTIONS_VERSION 3
#define ROLLGATE_SESSION_OPTIONS_INIT {ROLLGATE_SESSION_OPTIONS_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}

/* Initialises *options to the defaults of `version` (pass
 * ROLLGATE_SESSION_OPTIONS_VERSION): every limit set to its default number
 * (which 0 also means; docs/LIMITS.md), no deadline, no cancellation flag.
 * libgit2's git_*_options_init.
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL options, unknown version). */
ROLLGATE_API rollgate_status rollgate_session_options_init(
    rollgate_session_options *options, unsigned int version);

/* Sets the limits, deadline and cancellation flag of the session's next
 * evaluations, and the limits of the documents it reads next (copied; the
 * `cancel` pointer itself is kept).  NULL restores the defaults.
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL session, unknown version,
 * deadline nanos out of range, max_json_depth above 1000). */
ROLLGATE_API rollgate_status rollgate_session_set_options(
    rollgate_session *session, const rollgate_session_options *options,
    rollgate_error **err);

/* Restores session state saved by rollgate_session_state() (DESIGN rule
 * 15; docs/STATE.md), replacing the state the session had.  The next
 * evaluation continues from it: soaks carry on, drift and transitions are
 * reported against it.  State saved under an older version of the plan (same
 * name, other digest) is used id by id, and the next report warns about it.
 *
 *   json       the state text, json_len bytes (or ROLLGATE_NUL_TERMINATED)
 *   file_name  names the input in error locations ("state.json"); may be
 *              NULL: the problems then name no file (their file is "")
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
    rollgate_session *session, rollgate_error **err);

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
 * /evaluated_at, and the session is unchanged), ROLLGATE_ENOMEM;
 * ROLLGATE_ELIMIT, ROLLGATE_ETIMEOUT, ROLLGATE_ECANCELLED when the
 * session's options stop it (rollgate_session_options: the error names the
 * gate being evaluated, and the session is unchanged). */
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
 *   file_name  names the patch in error locations ("patch.json"); may be
 *              NULL: the problems then name no file (their file is "")
 *
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_EJSON, ROLLGATE_EINPUT (a
 * patch that cannot be used, or state saved after this instant),
 * ROLLGATE_ENOMEM; ROLLGATE_ELIMIT, ROLLGATE_ETIMEOUT, ROLLGATE_ECANCELLED
 * as rollgate_session_evaluate(). */
ROLLGATE_API rollgate_status rollgate_session_what_if(
    rollgate_report **out, rollgate_session *session, const char *patch,
    size_t patch_len, const char *file_name, int64_t unix_seconds,
    int32_t nanos, rollgate_error **err);

/* Flags of rollgate_session_evaluate_expr(). */
#define ROLLGATE_EXPR_OPERANDS 0x1u /* break the root's && / || chain down */

/* Evaluates the CEL expression `expr` (expr_len bytes, UTF-8) against the
 * session's inputs at the instant unix_seconds + nanos, as a gate of the
 * plan would be evaluated: it may read the plan's declared facts (a fact
 * that is missing, or stale at that instant, is unknown), `now` and
 * `stages`, within the session's options (rollgate_session_set_options).
 * It need not yield a bool.  Nothing in the session changes.
 *
 * *json receives a NUL-terminated JSON document of *json_len bytes
 * (json_len may be NULL), freed with rollgate_free():
 *   {"expr", "type" (the checker's, "list(string)"; "dyn" where it cannot
 *    tell), "value_type" (the value's runtime type, or null), "outcome"
 *    ("true", "false", "unknown", "error" or "value" for a non-bool),
 *    "value" (as JSON, null for unknown or error), "cel" (the value in
 *    CEL's notation, "[\"a\", \"b\"]", or null), "message" (why unknown,
 *    or the error; else null), "facts" (every fact it reads, as the
 *    report's evidence[] with "cel", its value in CEL's notation, after
 *    "value")}
 * With ROLLGATE_EXPR_OPERANDS, and when the expression is a && or ||
 * chain, also "operator" ("&&" or "||") and "operands": each operand
 * {"expr", "offset" (its byte offset in `expr`), "outcome", "value",
 * "cel", "message", "decides", and for a parenthesised chain its own
 * "operator" and "operands"}, evaluated on its own; "decides" is true
 * for the operands whose outcome is the chain's (the false conjuncts of
 * a false &&, the unknown ones of an unknown one, every conjunct of a
 * true one).  docs/REPORT.md "Expressions" has an example.
 *
 * Returns ROLLGATE_OK (also when the expression evaluates to an error or
 * an unknown: the document says so), ROLLGATE_EINVAL (a NULL argument, an
 * unknown flag, nanos out of range), ROLLGATE_EINPUT (the expression does
 * not compile: problems of kind "cel-syntax" or "cel-type", each with its
 * line and column within `expr`, no file and no pointer, and a suggestion
 * for an undeclared name; or one of kind "limit" for an expression longer
 * than 65,536 bytes, the default max_expression_bytes of a gate's),
 * ROLLGATE_ENOMEM.  One thread at a time per session, as for every session
 * function. */
ROLLGATE_API rollgate_status rollgate_session_evaluate_expr(
    char **json, size_t *json_len, rollgate_session *session,
    const char *expr, size_t expr_len, unsigned int flags,
    int64_t unix_seconds, int32_t nanos, rollgate_error **err);

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

/* One stage of the report, as JSON, for a page or a command about that
 * stage alone: an object with the report's report_version, detail (summary
 * layout only), plan and evaluated_at, then
 *
 *   stage  the stage's entry of the report's stages[], in the same layout
 *   drift  its entries of the report's drift[] (empty when none drift)
 *
 * docs/REPORT.md "One stage" has an example.  Takes time linear in the
 * stage's gates and the facts they read, not in the plan: showing one
 * stage of a 1M-gate plan renders no other.
 *
 *   json     receives the document, NUL-terminated, *json_len bytes
 *            (json_len may be NULL); free it with rollgate_free()
 *   report   the report
 *   stage    the stage's index, plan order (rollgate_report_stage_find()
 *            finds it by id)
 *   options  the layout, as for rollgate_report_json_with() (NULL: full,
 *            indented)
 *
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL for a NULL json or report, a stage
 * index out of range, an options version this library does not know or an
 * unknown flag; ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_report_stage_json(
    char **json, size_t *json_len, const rollgate_report *report,
    size_t stage, const rollgate_json_options *options, rollgate_error **err);

/* The report as text for people, the same as `rollgate eval --format text`.
 * *text is NUL-terminated, *text_len bytes (text_len may be NULL), freed
 * with rollgate_free().
 * Returns ROLLGATE_OK, ROLLGATE_EINVAL, ROLLGATE_ENOMEM. */
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

/* ------------------------------------------------------------------------
 * Reading a report without JSON
 *
 * Every function here reads the report in constant time (per item), except
 * where it says otherwise; strings are borrowed from the report and live as
 * long as it does.  They read what the JSON report says, field by field.
 * --------------------------------------------------------------------- */

/* Stage statuses (docs/REPORT.md, DESIGN "Stage status").  Values pinned. */
typedef enum rollgate_stage_status {
  ROLLGATE_STAGE_BLOCKED = 0,
  ROLLGATE_STAGE_UNKNOWN = 1,
  ROLLGATE_STAGE_SOAKING = 2,
  ROLLGATE_STAGE_WAITING = 3,
  ROLLGATE_STAGE_FROZEN = 4,
  ROLLGATE_STAGE_READY = 5,
  ROLLGATE_STAGE_IN_PROGRESS = 6,
  ROLLGATE_STAGE_DONE = 7,
  ROLLGATE_STAGE_HELD = 8,
  ROLLGATE_STAGE_CANCELLED = 9
} rollgate_stage_status;

/* Gate statuses.  Values pinned. */
typedef enum rollgate_gate_status {
  ROLLGATE_GATE_PASS = 0,
  ROLLGATE_GATE_FAIL = 1,
  ROLLGATE_GATE_UNKNOWN = 2,
  ROLLGATE_GATE_ERROR = 3,
  ROLLGATE_GATE_SOAKING = 4
} rollgate_gate_status;

/* The report's name for a stage status ("in_progress") or gate status
 * ("soaking"), as the JSON report writes it.  Static; "unknown status" for
 * a value outside the enum. */
ROLLGATE_API const char *rollgate_stage_status_string(rollgate_stage_status status);
ROLLGATE_API const char *rollgate_gate_status_string(rollgate_gate_status status);

/* The report's target (its "target" member). */
typedef struct rollgate_target_info {
  unsigned int version; /* set by the caller: ROLLGATE_TARGET_INFO_VERSION */
  const char *id;       /* the plan's target id; "" when the plan names none */
  /* The target's status as the report writes it: a stage status name for a
   * stage target, else "done", "ready" or "not_ready". */
  const char *status;
  int32_t met;          /* as rollgate_report_target_met() */
} rollgate_target_info;

#define ROLLGATE_TARGET_INFO_VERSION 1
#define ROLLGATE_TARGET_INFO_INIT {ROLLGATE_TARGET_INFO_VERSION, 0, 0, 0}

/* Fills *out with the report's target.  Set out->version first.
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL argument, unknown version). */
ROLLGATE_API rollgate_status rollgate_report_target(rollgate_target_info *out,
                                                    const rollgate_report *report,
                                                    rollgate_error **err);

/* Number of stages in the report: the plan's stages, in plan order (the
 * stage indices of rollgate_plan_stage()).  0 for NULL. */
ROLLGATE_API size_t rollgate_report_stage_count(const rollgate_report *report);

/* One stage of the report, filled in by rollgate_report_stage(). */
typedef struct rollgate_stage_info {
  unsigned int version;   /* set by the caller: ROLLGATE_STAGE_INFO_VERSION */
  const char *id;
  rollgate_stage_status status;
  int32_t has_score;      /* 0 when the stage has no should-gates */
  double score;           /* weighted share of should-gates passing, 0..1 */
  int64_t since_seconds;  /* since when the stage has had this status */
  int32_t since_nanos;
  int32_t drift;          /* 1 when some gate of the stage drifts (rule 17) */
  size_t gate_count;      /* its gates, for rollgate_report_gate() */
} rollgate_stage_info;

#define ROLLGATE_STAGE_INFO_VERSION 1
#define ROLLGATE_STAGE_INFO_INIT {ROLLGATE_STAGE_INFO_VERSION, 0, ROLLGATE_STAGE_BLOCKED, 0, 0.0, 0, 0, 0, 0}

/* Fills *out with stage `stage` (plan order) of the report; find an index by
 * id with rollgate_plan_stage_find() or rollgate_report_stage_find().
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL argument, stage out of range,
 * unknown version). */
ROLLGATE_API rollgate_status rollgate_report_stage(rollgate_stage_info *out,
                                                   const rollgate_report *report,
                                                   size_t stage,
                                                   rollgate_error **err);

/* rollgate_plan_stage_find() on the report's plan. */
ROLLGATE_API rollgate_status rollgate_report_stage_find(size_t *index,
                                                        const rollgate_report *report,
                                                        const char *id,
                                                        size_t id_len,
                                                        rollgate_error **err);

/* One gate's verdict, filled in by rollgate_report_gate(). */
typedef struct rollgate_gate_info {
  unsigned int version;   /* set by the caller: ROLLGATE_GATE_INFO_VERSION */
  const char *id;         /* full id, "pilot/uptime" */
  rollgate_gate_kind kind;
  rollgate_gate_status status;
  int64_t since_seconds;  /* since when the gate has had this status */
  int32_t since_nanos;
  /* The JSON report's "value" as text: "true" or "false" when the
   * expression gave a bool; a value of another type in CEL notation, as the
   * message quotes it ("3" in "the gate yielded 3, not a bool"); "" for an
   * unknown or an error result (the JSON report writes null, and the
   * message says why). */
  const char *value;
  const char *message;    /* the report's message for the gate */
  int32_t drift;          /* 1 while the gate drifts (rule 17) */
} rollgate_gate_info;

#define ROLLGATE_GATE_INFO_VERSION 1
#define ROLLGATE_GATE_INFO_INIT {ROLLGATE_GATE_INFO_VERSION, 0, ROLLGATE_GATE_MUST, ROLLGATE_GATE_PASS, 0, 0, 0, 0, 0}

/* Fills *out with gate `gate` of stage `stage`.  The value and message
 * strings of a stage's gates are formatted the first time one of them is
 * read (time linear in that stage's gates and evidence) and kept with the
 * report; this is safe from several threads at once.
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL argument, index out of range,
 * unknown version); ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_report_gate(rollgate_gate_info *out,
                                                  const rollgate_report *report,
                                                  size_t stage, size_t gate,
                                                  rollgate_error **err);

/* The report's next[]: the stages ready to start, in plan order.
 * rollgate_report_next() gives the stage index of entry `i`, or
 * ROLLGATE_NO_INDEX when report is NULL or i is out of range. */
ROLLGATE_API size_t rollgate_report_next_count(const rollgate_report *report);
ROLLGATE_API size_t rollgate_report_next(const rollgate_report *report, size_t i);

/* One entry of the report's blockers[] (ranked as there). */
typedef struct rollgate_blocker_info {
  unsigned int version;    /* set by the caller: ROLLGATE_BLOCKER_INFO_VERSION */
  const char *id;          /* "stage/gate", "stage/approval:role" or "stage" */
  const char *kind;        /* "gate", "approval" or "stage" */
  size_t stage;            /* the index of the stage it belongs to */
  const char *status;      /* the gate's or stage's status as the report writes it */
  const char *owner;       /* who can clear it; "" when nobody is named */
  const char *message;     /* the report's message for it */
  size_t holds_back_count; /* stages it keeps from starting (rollgate_report_holds_back) */
} rollgate_blocker_info;

#define ROLLGATE_BLOCKER_INFO_VERSION 1
#define ROLLGATE_BLOCKER_INFO_INIT {ROLLGATE_BLOCKER_INFO_VERSION, 0, 0, 0, 0, 0, 0, 0}

/* Number of entries in the report's blockers[].  0 for NULL. */
ROLLGATE_API size_t rollgate_report_blocker_count(const rollgate_report *report);

/* Fills *out with blocker `index`.  Set out->version first.
 * Returns ROLLGATE_OK; ROLLGATE_EINVAL (NULL argument, index out of range,
 * unknown version); ROLLGATE_ENOMEM. */
ROLLGATE_API rollgate_status rollgate_report_blocker(rollgate_blocker_info *out,
                                                     const rollgate_report *report,
                                                     size_t index,
                                                     rollgate_error **err);

/* The report's warnings[] (undeclared facts, state of another plan
 * version, ...): the count, and warning `i` as a string borrowed from the
 * report (NULL when report is NULL or i is out of range). */
ROLLGATE_API size_t rollgate_report_warning_count(const rollgate_report *report);
ROLLGATE_API const char *rollgate_report_warning(const rollgate_report *report,
                                                 size_t i);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* ROLLGATE_H */
