// The limits, deadline and cancellation flag of an evaluation
// (rollgate_session_options; docs/LIMITS.md), and the meter that applies
// them gate by gate.
//
// Per-gate limits (cel::Limits) make the gate an error and the evaluation
// goes on.  The whole-evaluation bounds (max_total_cost, the deadline, the
// cancellation flag) stop it: EvaluationMeter throws EvaluationStopped,
// which unwinds the whole evaluation from whichever gate it was at.  It is
// the one exception used for an expected outcome, because a stop must
// cross every layer of an evaluation at once and leave nothing half done:
// IncrementalEvaluator puts its state back on the way out, and the C ABI
// turns it into ROLLGATE_ELIMIT / ROLLGATE_ETIMEOUT / ROLLGATE_ECANCELLED.
#pragma once

#include <cstdint>
#include <exception>
#include <span>
#include <string>
#include <utility>

#include "cel/common/value.hpp"
#include "cel/limits.hpp"
#include "plan/model.hpp"

namespace rollgate::engine {

// Steps all the gates of one evaluation may take together.
inline constexpr uint64_t kDefaultMaxTotalCost = 1'000'000'000;
// Bytes all the gates of one evaluation may build together (each gate's
// within cel::Limits::max_bytes).
inline constexpr uint64_t kDefaultMaxTotalBytes = uint64_t{1} << 30;

struct EvaluationOptions {
  // Each gate's limits; their deadline and cancellation flag are those of
  // the whole evaluation (looked at between gates and inside long
  // comprehensions).
  cel::Limits gate;
  // The sum of the costs of the gates evaluated (an incremental
  // evaluation evaluates only the gates its changes reach).
  uint64_t max_total_cost = kDefaultMaxTotalCost;
  uint64_t max_total_bytes = kDefaultMaxTotalBytes;
};

enum class StopReason { TotalCost, TotalBytes, Deadline, Cancelled };

class EvaluationStopped : public std::exception {
 public:
  EvaluationStopped(StopReason reason, std::string detail, std::string gate);
  StopReason reason() const noexcept { return reason_; }
  // "evaluation cancelled while evaluating gate 'pilot/uptime'"
  const char* what() const noexcept override { return message_.c_str(); }
  // The same without the gate: "evaluation cancelled"
  const std::string& detail() const noexcept { return detail_; }
  // The full id of the gate being evaluated, or "" before the first one.
  const std::string& gate() const noexcept { return gate_; }

 private:
  StopReason reason_;
  std::string detail_;
  std::string gate_;
  std::string message_;
};

// Gates between two looks at the flag and the clock outside comprehensions
// (a gate without one takes well under a microsecond).
inline constexpr uint32_t kPollGates = 64;

// One evaluation's account: evaluates each gate within the options, adds
// up the cost, and looks at the flag and the clock before the first gate
// and every kPollGates gates.
class EvaluationMeter {
 public:
  EvaluationMeter() = default;
  explicit EvaluationMeter(const EvaluationOptions& options)
      : options_(options), interruptible_(options.gate.interruptible()) {}

  // Throws EvaluationStopped when the flag is already set or the deadline
  // has passed: called before an evaluation starts, so that one with
  // nothing to evaluate stops too.
  void check_start() const;

  // The gate's expression evaluated against `slots`.  Throws
  // EvaluationStopped when a whole-evaluation bound stops it.
  cel::Value evaluate(const plan::Gate& gate, std::span<const cel::Value> slots) {
    if (interruptible_ && --gates_until_poll_ == 0) poll(gate);
    // Invariant: usage_.cost <= max_total_cost (a gate never runs past
    // what is left).
    if (options_.max_total_cost - usage_.cost < options_.gate.max_cost) [[unlikely]]
      return evaluate_near_total(gate, slots);
    cel::Value v = gate.program->evaluate(slots, options_.gate, usage_);
    if (usage_.interrupted != cel::Interruption::None) [[unlikely]] stop_interrupted(&gate);
    // A gate builds at most max_bytes, so the total overshoots by that at most.
    if (usage_.bytes > options_.max_total_bytes) [[unlikely]] stop(StopReason::TotalBytes, &gate);
    return v;
  }

  // Names the evaluation in stop messages, e.g. "what-if, patched inputs".
  void set_phase(const char* phase) { phase_ = phase; }

  uint64_t total_cost() const { return usage_.cost; }
  const EvaluationOptions& options() const { return options_; }

 private:
  cel::Value evaluate_near_total(const plan::Gate& gate, std::span<const cel::Value> slots);
  void poll(const plan::Gate& gate);
  [[noreturn]] void stop_interrupted(const plan::Gate* gate) const;
  [[noreturn]] void stop(StopReason reason, const plan::Gate* gate) const;

  EvaluationOptions options_;
  bool interruptible_ = false;
  uint32_t gates_until_poll_ = 1;
  cel::Usage usage_;
  const char* phase_ = nullptr;
};

}  // namespace rollgate::engine
