// Timing for the side-by-side benchmark: process CPU time, not wall time,
// so that a machine shared with other work (compilers, other benchmarks)
// disturbs the numbers less.  Peak memory from getrusage.
#pragma once

#include <sys/resource.h>
#include <time.h>

namespace sbs {

inline double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

inline long maxrss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace sbs
