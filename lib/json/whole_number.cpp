#include "json/whole_number.hpp"

#include <cmath>
#include <limits>

namespace rollgate::json {

namespace {

constexpr double kTwoTo53 = 9007199254740992.0;
constexpr double kTwoTo63 = 9223372036854775808.0;
constexpr double kTwoTo64 = 18446744073709551616.0;
constexpr uint64_t kInt64MinMagnitude = uint64_t(1) << 63;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The exact value of a JSON number's text, as a sign and a 64-bit
// magnitude, when it is whole.  The text is valid JSON (the parser read it).
WholeNumber exact_whole(std::string_view text, bool& negative, uint64_t& magnitude) {
  size_t i = 0;
  negative = !text.empty() && text[0] == '-';
  if (negative) ++i;
  // value = significant digits x 10^exponent
  std::string digits;
  int64_t exponent = 0;
  for (; i < text.size() && is_digit(text[i]); ++i) digits += text[i];
  if (i < text.size() && text[i] == '.')
    for (++i; i < text.size() && is_digit(text[i]); ++i, --exponent) digits += text[i];
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    const bool negative_exponent = i < text.size() && text[i] == '-';
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    int64_t written = 0;
    for (; i < text.size() && is_digit(text[i]); ++i)
      written = std::min<int64_t>(written * 10 + (text[i] - '0'), int64_t(1) << 40);  // saturates
    exponent += negative_exponent ? -written : written;
  }
  if (i != text.size() || digits.empty()) return WholeNumber::NotANumber;
  size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) {
    magnitude = 0;
    return WholeNumber::Ok;
  }
  size_t last = digits.find_last_not_of('0');
  exponent += int64_t(digits.size() - 1 - last);
  digits = digits.substr(first, last + 1 - first);
  if (exponent < 0) return WholeNumber::NotWhole;  // the last digit is not 0
  if (int64_t(digits.size()) + exponent > 20) return WholeNumber::OutOfRange;
  uint64_t m = 0;
  for (char c : digits) {
    const uint64_t d = uint64_t(c - '0');
    if (m > (std::numeric_limits<uint64_t>::max() - d) / 10) return WholeNumber::OutOfRange;
    m = m * 10 + d;
  }
  for (int64_t e = 0; e < exponent; ++e) {
    if (m > std::numeric_limits<uint64_t>::max() / 10) return WholeNumber::OutOfRange;
    m *= 10;
  }
  magnitude = m;
  return WholeNumber::Ok;
}

// A double with no text: whole and below 2^53 in magnitude, it is exact.
WholeNumber classify_double(double d) {
  if (!std::isfinite(d)) return WholeNumber::OutOfRange;
  if (std::trunc(d) != d) return WholeNumber::NotWhole;
  if (std::fabs(d) >= kTwoTo53) return WholeNumber::OutOfRange;
  return WholeNumber::Ok;
}

}  // namespace

WholeNumber to_int64(const boost::json::value& v, int64_t& out, std::string_view written) {
  if (v.is_int64()) {
    out = v.get_int64();
    return WholeNumber::Ok;
  }
  if (v.is_uint64()) {
    if (v.get_uint64() > uint64_t(std::numeric_limits<int64_t>::max())) return WholeNumber::OutOfRange;
    out = int64_t(v.get_uint64());
    return WholeNumber::Ok;
  }
  if (!v.is_double()) return WholeNumber::NotANumber;
  if (written.empty()) {
    WholeNumber w = classify_double(v.get_double());
    if (w == WholeNumber::Ok) out = int64_t(v.get_double());
    return w;
  }
  bool negative = false;
  uint64_t magnitude = 0;
  WholeNumber w = exact_whole(written, negative, magnitude);
  if (w != WholeNumber::Ok) return w;
  if (magnitude > (negative ? kInt64MinMagnitude : kInt64MinMagnitude - 1)) return WholeNumber::OutOfRange;
  out = negative ? int64_t(0 - magnitude) : int64_t(magnitude);  // 0 - 2^63 wraps to INT64_MIN
  return WholeNumber::Ok;
}

WholeNumber to_uint64(const boost::json::value& v, uint64_t& out, std::string_view written) {
  if (v.is_uint64()) {
    out = v.get_uint64();
    return WholeNumber::Ok;
  }
  if (v.is_int64()) {
    if (v.get_int64() < 0) return WholeNumber::OutOfRange;
    out = uint64_t(v.get_int64());
    return WholeNumber::Ok;
  }
  if (!v.is_double()) return WholeNumber::NotANumber;
  if (written.empty()) {
    WholeNumber w = classify_double(v.get_double());
    if (w == WholeNumber::Ok && v.get_double() < 0) return WholeNumber::OutOfRange;
    if (w == WholeNumber::Ok) out = uint64_t(v.get_double());
    return w;
  }
  bool negative = false;
  uint64_t magnitude = 0;
  WholeNumber w = exact_whole(written, negative, magnitude);
  if (w != WholeNumber::Ok) return w;
  if (negative && magnitude != 0) return WholeNumber::OutOfRange;
  out = magnitude;
  return WholeNumber::Ok;
}

std::string out_of_range_reason(const boost::json::value& v, bool unsigned_type, std::string_view written) {
  const std::string range = unsigned_type ? "out of uint range 0..18446744073709551615"
                                          : "out of int range -9223372036854775808..9223372036854775807";
  if (!v.is_double() || !written.empty()) return range;
  double d = v.get_double();
  bool beyond = unsigned_type ? (d < 0 || d >= kTwoTo64) : (d <= -kTwoTo63 || d >= kTwoTo63);
  if (beyond || !std::isfinite(d)) return range;
  return "beyond ±2^53, where a number with a fraction or exponent may have been rounded; "
         "write it as a whole number";
}

}  // namespace rollgate::json
