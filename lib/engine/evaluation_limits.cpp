#include "engine/evaluation_limits.hpp"

#include "cel/common/civil_time.hpp"
#include "cel/common/time.hpp"

namespace rollgate::engine {

namespace {

// RFC 3339 where CEL's range allows it (a deadline may be any instant).
std::string describe_instant(cel::Timestamp t) {
  if (cel::detail::timestamp_in_range(t)) return cel::format_timestamp(t);
  return "Unix time " + std::to_string(t.seconds) + "." + std::to_string(t.nanos) + " s";
}

}  // namespace

void EvaluationMeter::check_start() const {
  if (!interruptible_) return;
  switch (cel::poll_interruption(options_.gate)) {
    case cel::Interruption::Cancelled: stop(StopReason::Cancelled, nullptr);
    case cel::Interruption::Deadline: stop(StopReason::Deadline, nullptr);
    case cel::Interruption::None: break;
  }
}

cel::Value EvaluationMeter::evaluate_near_total(const plan::Gate& gate, std::span<const cel::Value> slots) {
  // This gate may take only what is left of the total: past it, the
  // evaluation stops instead of the gate failing.
  cel::Limits limits = options_.gate;
  limits.max_cost = options_.max_total_cost - usage_.cost;
  usage_.cost_exceeded = false;
  cel::Value v = gate.program->evaluate(slots, limits, usage_);
  if (usage_.interrupted != cel::Interruption::None) stop_interrupted(&gate);
  if (usage_.cost_exceeded) stop(StopReason::TotalCost, &gate);
  if (usage_.bytes > options_.max_total_bytes) stop(StopReason::TotalBytes, &gate);
  return v;
}

void EvaluationMeter::poll(const plan::Gate& gate) {
  gates_until_poll_ = kPollGates;
  switch (cel::poll_interruption(options_.gate)) {
    case cel::Interruption::Cancelled: stop(StopReason::Cancelled, &gate);
    case cel::Interruption::Deadline: stop(StopReason::Deadline, &gate);
    case cel::Interruption::None: break;
  }
}

void EvaluationMeter::stop_interrupted(const plan::Gate* gate) const {
  stop(usage_.interrupted == cel::Interruption::Cancelled ? StopReason::Cancelled : StopReason::Deadline,
       gate);
}

void EvaluationMeter::stop(StopReason reason, const plan::Gate* gate) const {
  std::string message;
  switch (reason) {
    case StopReason::Cancelled: message = "evaluation cancelled"; break;
    case StopReason::Deadline:
      message = "evaluation stopped at its deadline, " + describe_instant(*options_.gate.deadline);
      break;
    case StopReason::TotalCost:
      message = "evaluation stopped: " +
                cel::limit_exceeded_message("max_total_cost", options_.max_total_cost, "steps");
      break;
    case StopReason::TotalBytes:
      message = "evaluation stopped: " +
                cel::limit_exceeded_message("max_total_bytes", options_.max_total_bytes, "bytes built");
      break;
  }
  if (!gate) message += " before it started";
  if (phase_) message += std::string(" (") + phase_ + ")";
  throw EvaluationStopped(reason, std::move(message), gate ? gate->full_id : std::string());
}

EvaluationStopped::EvaluationStopped(StopReason reason, std::string detail, std::string gate)
    : reason_(reason), detail_(std::move(detail)), gate_(std::move(gate)) {
  message_ = detail_;
  if (!gate_.empty()) message_ += " while evaluating gate '" + gate_ + "'";
}

}  // namespace rollgate::engine
