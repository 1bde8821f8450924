// Arithmetic on timestamps and durations for staleness, soaks, approvals.
#pragma once

#include "cel/time.hpp"

namespace rollgate::engine {

// to - from, normalized so seconds and nanos share a sign.
inline cel::Duration elapsed(cel::Timestamp from, cel::Timestamp to) {
  int64_t seconds = to.seconds - from.seconds;
  int32_t nanos = to.nanos - from.nanos;
  if (seconds > 0 && nanos < 0) {
    --seconds;
    nanos += 1'000'000'000;
  } else if (seconds < 0 && nanos > 0) {
    ++seconds;
    nanos -= 1'000'000'000;
  }
  return {seconds, nanos};
}

}  // namespace rollgate::engine
