// The limits of one evaluation as its Frame applies them (evaluator.hpp).
#include <algorithm>

#include "cel/evaluation/evaluator.hpp"

namespace rollgate::cel::detail {

namespace {

// The next iteration at which to look at the flag and the clock, or the
// limit when there is nothing to look at.
uint64_t checkpoint_after(const Frame& frame) {
  if (!frame.limits->interruptible()) return frame.iteration_limit;
  const uint64_t poll = frame.iterations + std::min(kPollIterations, UINT64_MAX - frame.iterations);
  return std::min(frame.iteration_limit, poll);
}

}  // namespace

void Frame::begin(const Limits& l, uint64_t iterations_allowed, bool from_cost) {
  limits = &l;
  iterations = 0;
  bytes = 0;
  iteration_limit = iterations_allowed;
  cost_binds = from_cost;
  stop = Stop::None;
  next_checkpoint = checkpoint_after(*this);
}

bool Frame::checkpoint() {
  if (stop != Stop::None) return false;
  if (iterations > iteration_limit) {
    stop_with(cost_binds ? Stop::Cost : Stop::Iterations);
    return false;
  }
  switch (poll_interruption(*limits)) {
    case Interruption::Cancelled: stop_with(Stop::Cancelled); return false;
    case Interruption::Deadline: stop_with(Stop::Deadline); return false;
    case Interruption::None: break;
  }
  next_checkpoint = checkpoint_after(*this);
  return true;
}

Value Frame::stop_with(Stop why) {
  if (stop == Stop::None) stop = why;
  next_checkpoint = 0;  // every later iteration goes to checkpoint(), which says stop
  return stopped_error();
}

Value Frame::stopped_error() const {
  switch (stop) {
    case Stop::Cost: return Value::error(limit_exceeded_message("max_cost", limits->max_cost, "steps"));
    case Stop::Iterations:
      return Value::error(limit_exceeded_message("max_iterations", iteration_limit, "comprehension iterations"));
    case Stop::StringBytes:
      return Value::error(limit_exceeded_message("max_string_bytes", limits->max_string_bytes, "bytes in a string"));
    case Stop::ListSize:
      return Value::error(
          limit_exceeded_message("max_list_size", limits->max_list_size, "elements in a list or map"));
    case Stop::Bytes: return Value::error(limit_exceeded_message("max_bytes", limits->max_bytes, "bytes built"));
    case Stop::Cancelled: return Value::error("evaluation cancelled");
    case Stop::Deadline: return Value::error("evaluation deadline passed");
    case Stop::None: break;
  }
  return Value::error("evaluation stopped");
}

}  // namespace rollgate::cel::detail
