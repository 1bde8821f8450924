// JSON numbers as int64 / uint64, exactly or not at all (docs/FACTS.md,
// "Numbers").  Boost.JSON reads a number written as a whole number within
// int64 or uint64 as that integer, and any other number (a fraction, an
// exponent, or a whole number beyond both ranges) as a double, rounded (and
// not always correctly: Boost 1.81 may be one unit off past 15 digits).  So:
//   - an integer is taken when it is within the wanted type's range, and is
//     out of range otherwise;
//   - a double is read again from the number's text as written, exactly: it
//     is taken when that text is a whole number within the range (3.0,
//     1e3, 9223372036854775807.0), whatever its notation, and is out of
//     range beyond it (-9223372036854775809, 1e19 for int);
//   - a double whose text is not at hand is taken only when it is whole and
//     below 2^53 in magnitude, where a double holds every whole number; at
//     or beyond 2^53 it is out of range, since it may have been rounded.
#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace rollgate::json {

enum class WholeNumber {
  Ok,
  NotANumber,  // not a JSON number at all
  NotWhole,    // a number with a fractional part
  OutOfRange,  // beyond the type's range (or a double without its text at or beyond 2^53)
};

// `written` is the number's JSON text (SourceMap::number_text), or "" when
// it is not known; it is read only when `v` is a double.
WholeNumber to_int64(const boost::json::value& v, int64_t& out, std::string_view written = {});
WholeNumber to_uint64(const boost::json::value& v, uint64_t& out, std::string_view written = {});

// Why a number is out of range, for messages: "out of int range
// -9223372036854775808..9223372036854775807" (or uint's), or, for a double
// without its text within that range, "beyond ±2^53, where ...".
std::string out_of_range_reason(const boost::json::value& v, bool unsigned_type,
                                std::string_view written = {});

}  // namespace rollgate::json
