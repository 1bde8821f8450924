// Arithmetic on timestamps and durations for staleness, soaks, approvals.
#pragma once

#include "cel/common/time.hpp"

namespace rollgate::engine {

// seconds + nanos normalized so that both share a sign.
inline cel::Duration normalized(int64_t seconds, int32_t nanos) {
  if (seconds > 0 && nanos < 0) {
    --seconds;
    nanos += 1'000'000'000;
  } else if (seconds < 0 && nanos > 0) {
    ++seconds;
    nanos -= 1'000'000'000;
  }
  return {seconds, nanos};
}

// to - from.
inline cel::Duration elapsed(cel::Timestamp from, cel::Timestamp to) {
  return normalized(to.seconds - from.seconds, to.nanos - from.nanos);
}

// a - b, e.g. the rest of a soak.
inline cel::Duration difference(cel::Duration a, cel::Duration b) {
  return normalized(a.seconds - b.seconds, a.nanos - b.nanos);
}

}  // namespace rollgate::engine
