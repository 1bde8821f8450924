/* What the C tests of the C ABI share: the CHECK macro with its counters,
 * and (test_files.h) reading a test's input files.  Each test ends by printing
 * "N passed, N failed" and exits non-zero when a check failed. */
#ifndef ROLLGATE_TESTS_CAPI_CHECK_H
#define ROLLGATE_TESTS_CAPI_CHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_files.h"

static int passed, failed;

#define CHECK(cond)                                                        \
  do {                                                                     \
    if (cond) {                                                            \
      ++passed;                                                            \
    } else {                                                               \
      ++failed;                                                            \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                      \
  } while (0)

static inline int contains(const char *haystack, const char *needle) {
  return haystack && needle && strstr(haystack, needle) != NULL;
}

/* snprintf into a buffer of expected text; a text that does not fit fails
 * a check instead of being compared cut short. */
static inline void format_checked(char *out, size_t size, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static inline void format_checked(char *out, size_t size, const char *format, ...) {
  va_list args;
  int n;
  va_start(args, format);
  n = vsnprintf(out, size, format, args);
  va_end(args);
  CHECK(n >= 0 && (size_t)n < size);
}

#endif
