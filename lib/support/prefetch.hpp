// A hint to the CPU to start fetching memory that will be read soon; no
// effect on results, and nothing on compilers without the builtin.
#pragma once

namespace rollgate {

inline void prefetch(const void* address) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(address);
#else
  (void)address;
#endif
}

}  // namespace rollgate
