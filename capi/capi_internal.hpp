// What stands behind the opaque C handles, and the guard that keeps every
// C++ exception on this side of the ABI.
#pragma once

#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "engine/evaluation.hpp"
#include "engine/evaluation_limits.hpp"
#include "engine/incremental.hpp"
#include "engine/inputs.hpp"
#include "json/document_limits.hpp"
#include "plan/model.hpp"
#include "plan/plan_limits.hpp"
#include "plan_outline.hpp"
#include "report_texts.hpp"
#include "state/state.hpp"
#include "state/state_json.hpp"
#include "rollgate.h"
#include "support/diagnostic.hpp"

struct rollgate_error {
  int32_t code = ROLLGATE_EINTERNAL;
  std::string message;  // every problem, one per line, located
  std::vector<rollgate::Diagnostic> problems;  // borrowed through rollgate_error_problem
};

struct rollgate_plan {
  std::shared_ptr<const rollgate::plan::Plan> plan;
  // Built by rollgate_plan_compile for the plan readers (after edges as
  // indices, fact types as text); empty in a plan made otherwise.
  rollgate::capi::PlanOutline outline{};
};

struct rollgate_session {
  explicit rollgate_session(std::shared_ptr<const rollgate::plan::Plan> p)
      : plan(p), evaluator(std::move(p)) {}

  std::shared_ptr<const rollgate::plan::Plan> plan;
  // Shared with the reports made from it, so a report outlives new inputs
  // (copying Inputs is cheap: its parts are persistent, engine/fact_table.hpp).
  // Changed in place (capi/session_inputs.cpp) only while the session is
  // its only owner.
  std::shared_ptr<rollgate::engine::Inputs> inputs;
  // Remembers the last evaluation and its state; the next evaluation from
  // that state is incremental (engine/incremental.hpp).
  rollgate::engine::IncrementalEvaluator evaluator;
  // State restored by set_state and not yet evaluated from: it is the
  // session's state until the next evaluation.
  std::shared_ptr<const rollgate::state::State> restored;
  // Limits, deadline and cancellation flag of its evaluations
  // (rollgate_session_set_options; capi/session_options.cpp).
  rollgate::engine::EvaluationOptions options;
  // Bounds on the documents it reads (rollgate_session_options version 3):
  // facts, progress and what-if patches, and state.
  rollgate::json::DocumentLimits input_limits;
  rollgate::json::DocumentLimits state_limits = rollgate::state::kDefaultStateLimits;

  // The session's state: restored, else the last evaluation's (or null).
  std::shared_ptr<const rollgate::state::State> state() const {
    return restored ? restored : evaluator.state();
  }
};

struct rollgate_report {
  // Shared with the session's evaluator, which copies it before changing
  // anything while a report holds it.
  std::shared_ptr<const rollgate::engine::Evaluation> shared;
  const rollgate::engine::Evaluation& evaluation() const { return *shared; }
  // Gate values and messages and blocker messages for the report readers,
  // made on first read (any thread); the report itself stays immutable.
  mutable rollgate::capi::ReportTexts texts{};
};

namespace rollgate::capi {

// Stores a new error in *err (when err is not NULL) and returns `code`.
rollgate_status fail(rollgate_error** err, rollgate_status code, std::vector<Diagnostic> problems);
rollgate_status fail(rollgate_error** err, rollgate_status code, std::string message);
// One problem of `kind` (docs/ERRORS.md) with an optional "did you mean"
// suggestion, e.g. (ROLLGATE_EINPUT, DiagnosticKind::UnknownId, "... (did
// you mean 'pilot'?)", "pilot").  A problem made without a kind gets the
// status code's (capi/error.cpp).
rollgate_status fail(rollgate_error** err, rollgate_status code, DiagnosticKind kind, std::string message,
                     std::string suggestion = "");

// Fails with ROLLGATE_ELIMIT, ROLLGATE_ETIMEOUT or ROLLGATE_ECANCELLED for
// an evaluation its session's options stopped (capi/session_options.cpp).
rollgate_status stopped(rollgate_error** err, const engine::EvaluationStopped& stop);

// rollgate_plan_compile and rollgate_plan_compile_with: compiles a plan
// within `limits` into *out; `function` names the caller in errors
// (capi/plan_options.cpp).
rollgate_status compile_plan(const char* function, rollgate_plan** out, const char* json, size_t json_len,
                             const char* file_name, const plan::PlanLimits& limits, rollgate_error** err);

// Fails with ROLLGATE_EINVAL unless `depth` (a max_json_depth option of
// `function`'s) is at most json::kMostJsonDepth; returns ROLLGATE_OK when
// it is.
rollgate_status check_json_depth(rollgate_error** err, const char* function, uint64_t depth);

// Fails with ROLLGATE_EINVAL naming the function and the argument that is
// NULL: "rollgate_session_evaluate: out is NULL".
rollgate_status null_argument(rollgate_error** err, const char* function, const char* argument);

// Fails with ROLLGATE_EINVAL unless `version` (of the caller's struct named
// `type`, e.g. "rollgate_stage_info") is 1..`known`; returns ROLLGATE_OK
// when it is.
rollgate_status check_version(rollgate_error** err, const char* function, const char* type,
                              unsigned int version, unsigned int known);

// Hands `text` to the caller as a malloc'ed, NUL-terminated buffer (freed
// with rollgate_free) of *out_len bytes (out_len may be NULL).
rollgate_status copy_out(char** out, size_t* out_len, const std::string& text);

// A (pointer, length) input; ROLLGATE_NUL_TERMINATED measures it.
std::string_view input_text(const char* text, size_t length);

// Runs `body` (which returns a rollgate_status) and turns any exception into
// a status: bad_alloc into ROLLGATE_ENOMEM, anything else into
// ROLLGATE_EINTERNAL with the exception's message.  *err is cleared first.
template <class Body>
rollgate_status guarded(rollgate_error** err, Body&& body) noexcept {
  if (err) *err = nullptr;
  try {
    return body();
  } catch (const std::bad_alloc&) {
    // Building an error object would need memory too: report the code only.
    return ROLLGATE_ENOMEM;
  } catch (const std::exception& e) {
    try {
      return fail(err, ROLLGATE_EINTERNAL, std::string("internal error: ") + e.what());
    } catch (...) {
      return ROLLGATE_EINTERNAL;
    }
  } catch (...) {
    return ROLLGATE_EINTERNAL;
  }
}

// The number a caller passed where the header declares a C enum.  C lets a
// caller pass any int there, and the functions refuse what is out of range;
// but in C++ merely reading an enum object whose value is outside the
// enum's range is undefined behaviour (UBSan's -fsanitize=enum found it,
// tests/fuzz), so the value is copied out as the int it is, then checked.
template <class Enum>
int enum_value(const Enum& e) noexcept {
  static_assert(sizeof(Enum) == sizeof(int), "C enums are int-sized on every ABI rollgate supports");
  int value;
  std::memcpy(&value, &e, sizeof value);
  return value;
}

}  // namespace rollgate::capi
