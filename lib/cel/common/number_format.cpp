#include "cel/common/number_format.hpp"
#include "support/gcc_restrict_false_positive.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace rollgate::cel::detail {

namespace {

// The shortest decimal digits of |d| and the exponent of the first digit
// (d = 0.DIGITS x 10^(exp+1)).
struct Decimal {
  std::string digits;
  int exponent = 0;
};

Decimal shortest_decimal(double d) {
  char buf[64];
  const auto result =
      std::to_chars(buf, buf + sizeof buf, std::fabs(d), std::chars_format::scientific);
  const std::string_view text(buf, static_cast<size_t>(result.ptr - buf));
  const size_t e = text.find('e');
  Decimal out;
  for (const char c : text.substr(0, e))
    if (c != '.') out.digits += c;
  out.exponent = std::atoi(std::string(text.substr(e + 1)).c_str());
  while (out.digits.size() > 1 && out.digits.back() == '0') out.digits.pop_back();
  return out;
}

// GCC 12 at -O3: a false -Wrestrict in "literal" + std::string&& (GCC bug 105329).
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN
std::string exponent_form(const Decimal& dec) {
  std::string out(1, dec.digits[0]);
  if (dec.digits.size() > 1) out += "." + dec.digits.substr(1);
  const int e = dec.exponent;
  out += e < 0 ? "e-" : "e+";
  const int magnitude = e < 0 ? -e : e;
  if (magnitude < 10) out += "0";
  return out + std::to_string(magnitude);
}
ROLLGATE_GCC12_RESTRICT_FALSE_POSITIVE_END

std::string fixed_form(const Decimal& dec) {
  const int point = dec.exponent + 1;  // digits before the decimal point
  if (point <= 0) return "0." + std::string(static_cast<size_t>(-point), '0') + dec.digits;
  if (static_cast<size_t>(point) >= dec.digits.size())
    return dec.digits + std::string(static_cast<size_t>(point) - dec.digits.size(), '0');
  return dec.digits.substr(0, static_cast<size_t>(point)) + "." +
         dec.digits.substr(static_cast<size_t>(point));
}

}  // namespace

std::string format_double_g(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
  if (d == 0) return std::signbit(d) ? "-0" : "0";
  const Decimal dec = shortest_decimal(d);
  // Go's %g with shortest digits switches to the exponent form below 1e-4
  // and from 1e+06 on.
  const bool exponent = dec.exponent < -4 || dec.exponent >= 6;
  const std::string body = exponent ? exponent_form(dec) : fixed_form(dec);
  return d < 0 ? "-" + body : body;
}

std::string format_double_literal(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "+Inf" : "-Inf";
  char buf[64];
  const auto result = std::to_chars(buf, buf + sizeof buf, d);
  std::string text(buf, static_cast<size_t>(result.ptr - buf));
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

std::optional<double> parse_double(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || text[0] == '+' || text[0] == '-') return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (end != text.data() + text.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // Go returns +-Inf for overflow and 0 for underflow, with an error for
    // the former only.
    const bool tiny = text.find("e-") != std::string_view::npos ||
                      text.find("E-") != std::string_view::npos;
    if (!tiny) return std::nullopt;
    value = 0;
  } else if (ec != std::errc()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

}  // namespace rollgate::cel::detail
