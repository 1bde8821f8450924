// A value's JSON, measured and cut short without being written whole: a
// 10 MB fact read by six gates must not put 60 MB of evidence in a report
// (issue 10).  The text is the compact JSON write_value() writes.
#pragma once

#include <cstddef>
#include <string>

#include "cel/common/value.hpp"

namespace rollgate::report {

struct ValuePreview {
  size_t bytes = 0;    // the size of the value's whole compact JSON
  std::string prefix;  // its first bytes: at most the size asked for, whole UTF-8 characters
};

// Whether the value's compact JSON is longer than `limit` bytes; looks at no
// more of the value than the first `limit` bytes need.
bool json_longer_than(const cel::Value& v, size_t limit);

// The size of the value's compact JSON and its first `keep` bytes, in one
// pass over the value with no more than `keep` bytes (and a few kilobytes of
// scratch) held.
ValuePreview preview_json(const cel::Value& v, size_t keep);

}  // namespace rollgate::report
