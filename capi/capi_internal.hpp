// What stands behind the opaque C handles, and the guard that keeps every
// C++ exception on this side of the ABI.
#pragma once

#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "engine/evaluation.hpp"
#include "engine/incremental.hpp"
#include "engine/inputs.hpp"
#include "plan/model.hpp"
#include "state/state.hpp"
#include "rollgate.h"
#include "support/diagnostic.hpp"

struct rollgate_error {
  int32_t code = ROLLGATE_EINTERNAL;
  std::string message;  // every problem, one per line, located
  std::vector<rollgate::Diagnostic> problems;  // borrowed through rollgate_error_detail
};

struct rollgate_plan {
  std::shared_ptr<const rollgate::plan::Plan> plan;
};

struct rollgate_session {
  explicit rollgate_session(std::shared_ptr<const rollgate::plan::Plan> p)
      : plan(p), evaluator(std::move(p)) {}

  std::shared_ptr<const rollgate::plan::Plan> plan;
  // Shared with the reports made from it, so a report outlives new inputs
  // (copying Inputs is cheap: its parts are persistent, engine/fact_table.hpp).
  // Changed in place (set_fact) only while the session is its only owner.
  std::shared_ptr<rollgate::engine::Inputs> inputs;
  // Remembers the last evaluation and its state; the next evaluation from
  // that state is incremental (engine/incremental.hpp).
  rollgate::engine::IncrementalEvaluator evaluator;
  // State restored by set_state and not yet evaluated from: it is the
  // session's state until the next evaluation.
  std::shared_ptr<const rollgate::state::State> restored;

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
};

namespace rollgate::capi {

// Stores a new error in *err (when err is not NULL) and returns `code`.
rollgate_status fail(rollgate_error** err, rollgate_status code, std::vector<Diagnostic> problems);
rollgate_status fail(rollgate_error** err, rollgate_status code, std::string message);

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

}  // namespace rollgate::capi
