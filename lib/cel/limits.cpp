#include "cel/limits.hpp"

#include <chrono>

namespace rollgate::cel {

namespace {

Timestamp wall_clock_now() {
  using namespace std::chrono;
  const auto since_epoch = system_clock::now().time_since_epoch();
  const auto seconds = floor<std::chrono::seconds>(since_epoch);
  return Timestamp{static_cast<int64_t>(seconds.count()),
                   static_cast<int32_t>(duration_cast<nanoseconds>(since_epoch - seconds).count())};
}

}  // namespace

Interruption poll_interruption(const Limits& limits) {
  // Relaxed: the flag orders nothing else, it only has to be seen soon.
  if (limits.cancel && __atomic_load_n(limits.cancel, __ATOMIC_RELAXED) != 0)
    return Interruption::Cancelled;
  if (limits.deadline && !(wall_clock_now() < *limits.deadline)) return Interruption::Deadline;
  return Interruption::None;
}

std::string limit_exceeded_message(const char* limit, uint64_t value, const char* unit) {
  return std::string(limit) + " limit exceeded: more than " + std::to_string(value) + " " + unit;
}

}  // namespace rollgate::cel
