// What the plan and report readers share: clearing a caller's versioned info
// struct, and the error for an index out of range.
#pragma once

#include <cstddef>
#include <string>

#include "capi_internal.hpp"

namespace rollgate::capi {

// Every field of a caller's info struct but `version` to NULL / 0, so that
// a call that fails leaves nothing stale in it.
template <class Info>
void clear_fields(Info* out) {
  const unsigned int version = out->version;
  *out = Info{};
  out->version = version;
}

// The start of every reader: `out` is not NULL and of a version this library
// fills (struct_name names it in the error), and is cleared.
template <class Info>
rollgate_status start_info(rollgate_error** err, const char* function, Info* out, const char* struct_name,
                           unsigned int known_version) {
  if (!out) return null_argument(err, function, "out");
  if (rollgate_status bad = check_version(err, function, struct_name, out->version, known_version)) return bad;
  clear_fields(out);
  return ROLLGATE_OK;
}

// ROLLGATE_EINVAL: "rollgate_report_gate: gate 7 is out of range (3 gates in
// the stage)".
inline rollgate_status out_of_range(rollgate_error** err, const char* function, const char* argument,
                                    size_t index, size_t count, const char* what) {
  return fail(err, ROLLGATE_EINVAL,
              std::string(function) + ": " + argument + " " + std::to_string(index) + " is out of range (" +
                  std::to_string(count) + " " + what + ")");
}

}  // namespace rollgate::capi
