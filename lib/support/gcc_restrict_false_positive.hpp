// Silences one known false positive of GCC 12, locally.
//
// At -O3, GCC 12 reports -Wrestrict ("__builtin_memcpy ... may overlap")
// inside libstdc++'s operator+(const char*, std::string&&), which inserts
// the literal at the front of the temporary string: GCC bug 105329, fixed in
// GCC 13.  The project's warning policy stays -Wall -Wextra -Wpedantic
// everywhere; only a function that uses that operator and trips the bug is
// wrapped in these two macros, so any other -Wrestrict still reports.
// Other compilers (clang does not know -Wrestrict) see nothing.
#pragma once

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#define ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN \
  _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wrestrict\"")
#define ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END _Pragma("GCC diagnostic pop")
#else
#define ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
#define ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END
#endif
