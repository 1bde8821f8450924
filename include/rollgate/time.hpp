// rollgate/time.hpp — instants and spans of time as rollgate reads them.
#ifndef ROLLGATE_TIME_HPP
#define ROLLGATE_TIME_HPP

#include <cstdint>

namespace rollgate {

/// An instant: seconds since the Unix epoch and 0..999999999 nanoseconds
/// (CEL's range, years 0001 to 9999, which std::chrono's nanosecond clocks
/// do not reach).
struct Timestamp {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;

  friend bool operator==(const Timestamp& a, const Timestamp& b) noexcept {
    return a.seconds == b.seconds && a.nanos == b.nanos;
  }
  friend bool operator!=(const Timestamp& a, const Timestamp& b) noexcept { return !(a == b); }
};

/// A span of time as CEL has it: seconds and nanoseconds of the same sign.
struct Duration {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;

  friend bool operator==(const Duration& a, const Duration& b) noexcept {
    return a.seconds == b.seconds && a.nanos == b.nanos;
  }
  friend bool operator!=(const Duration& a, const Duration& b) noexcept { return !(a == b); }
};

}  // namespace rollgate

#endif  // ROLLGATE_TIME_HPP
