#include "cel/common/time.hpp"

#include <cstdio>

#include "cel/common/civil_time.hpp"

namespace rollgate::cel {

namespace {

using detail::kNanosPerSecond;

// Reads exactly `digits` decimal digits at `pos`.
std::optional<int> read_fixed(std::string_view text, size_t& pos, int digits) {
  if (pos + static_cast<size_t>(digits) > text.size()) return std::nullopt;
  int value = 0;
  for (int i = 0; i < digits; ++i) {
    const char c = text[pos + static_cast<size_t>(i)];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  pos += static_cast<size_t>(digits);
  return value;
}

bool expect(std::string_view text, size_t& pos, char c) {
  if (pos < text.size() && text[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

// ".123456789": one to nine digits, scaled to nanoseconds.
std::optional<int32_t> read_fraction(std::string_view text, size_t& pos) {
  if (!expect(text, pos, '.')) return 0;
  int32_t nanos = 0;
  int digits = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    if (++digits > 9) return std::nullopt;
    nanos = nanos * 10 + (text[pos++] - '0');
  }
  if (digits == 0) return std::nullopt;
  for (int i = digits; i < 9; ++i) nanos *= 10;
  return nanos;
}

// "Z" or "+hh:mm" / "-hh:mm", as seconds east of UTC.
std::optional<int64_t> read_offset(std::string_view text, size_t& pos) {
  if (expect(text, pos, 'Z') || expect(text, pos, 'z')) return 0;
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-'))
    return std::nullopt;
  const int sign = text[pos++] == '-' ? -1 : 1;
  const auto hours = read_fixed(text, pos, 2);
  if (!hours || !expect(text, pos, ':')) return std::nullopt;
  const auto minutes = read_fixed(text, pos, 2);
  if (!minutes || *hours > 23 || *minutes > 59) return std::nullopt;
  return sign * (*hours * 3600 + *minutes * 60);
}

struct ClockTime {
  int hour = 0, minute = 0, second = 0;
};

std::optional<detail::CivilDate> read_date(std::string_view text,
                                           size_t& pos) {
  const auto year = read_fixed(text, pos, 4);
  if (!year || !expect(text, pos, '-')) return std::nullopt;
  const auto month = read_fixed(text, pos, 2);
  if (!month || !expect(text, pos, '-')) return std::nullopt;
  const auto day = read_fixed(text, pos, 2);
  if (!day || *year < 1 || *month < 1 || *month > 12 || *day < 1 ||
      *day > detail::days_in_month(*year, *month))
    return std::nullopt;
  return detail::CivilDate{*year, *month, *day};
}

std::optional<ClockTime> read_clock(std::string_view text, size_t& pos) {
  const auto hour = read_fixed(text, pos, 2);
  if (!hour || !expect(text, pos, ':')) return std::nullopt;
  const auto minute = read_fixed(text, pos, 2);
  if (!minute || !expect(text, pos, ':')) return std::nullopt;
  const auto second = read_fixed(text, pos, 2);
  if (!second || *hour > 23 || *minute > 59 || *second > 59)
    return std::nullopt;
  return ClockTime{*hour, *minute, *second};
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  size_t pos = 0;
  const auto date = read_date(text, pos);
  if (!date || !(expect(text, pos, 'T') || expect(text, pos, 't')))
    return std::nullopt;
  const auto clock = read_clock(text, pos);
  if (!clock) return std::nullopt;
  const auto nanos = read_fraction(text, pos);
  if (!nanos) return std::nullopt;
  const auto offset = read_offset(text, pos);
  if (!offset || pos != text.size()) return std::nullopt;
  const int64_t seconds = detail::days_from_civil(*date) * 86400 +
                          clock->hour * 3600 + clock->minute * 60 +
                          clock->second - *offset;
  if (seconds < detail::kMinTimestampSeconds ||
      seconds > detail::kMaxTimestampSeconds)
    return std::nullopt;
  return Timestamp{seconds, *nanos};
}

namespace {

// The shortest of 0, 3, 6 or 9 fractional digits that represents `nanos`.
std::string fraction_3_6_9(int32_t nanos) {
  if (nanos == 0) return "";
  char buf[16];
  if (nanos % 1000000 == 0)
    std::snprintf(buf, sizeof buf, ".%03d", nanos / 1000000);
  else if (nanos % 1000 == 0)
    std::snprintf(buf, sizeof buf, ".%06d", nanos / 1000);
  else
    std::snprintf(buf, sizeof buf, ".%09d", nanos);
  return buf;
}

}  // namespace

std::string format_timestamp(Timestamp t) {
  const int64_t days = detail::floor_div(t.seconds, 86400);
  const int64_t secs = detail::floor_mod(t.seconds, 86400);
  const detail::CivilDate date = detail::civil_from_days(days);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02d",
                static_cast<long long>(date.year), date.month, date.day,
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf + fraction_3_6_9(t.nanos) + "Z";
}

namespace {

// Nanoseconds need more than 64 bits across CEL's +-10000 year range.
__extension__ typedef __int128 Int128;

constexpr Int128 kMaxDurationNanos =
    static_cast<Int128>(detail::kMaxDurationSeconds) * kNanosPerSecond;

// The unit at `pos` in nanoseconds (advancing past it), or 0 when unknown.
int64_t read_unit(std::string_view text, size_t& pos) {
  struct Unit {
    std::string_view name;
    int64_t nanos;
  };
  // Longest names first so that "ms" is not read as "m".
  static constexpr Unit kUnits[] = {
      {"ns", 1},
      {"us", 1000},
      {"\xC2\xB5s", 1000},  // U+00B5 micro sign
      {"\xCE\xBCs", 1000},  // U+03BC greek mu
      {"ms", 1000000},
      {"s", kNanosPerSecond},
      {"m", 60 * kNanosPerSecond},
      {"h", 3600 * kNanosPerSecond},
  };
  for (const Unit& unit : kUnits) {
    if (text.substr(pos, unit.name.size()) == unit.name) {
      pos += unit.name.size();
      return unit.nanos;
    }
  }
  return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// One "<number><unit>" component, as nanoseconds (fraction truncated).
std::optional<Int128> read_component(std::string_view text, size_t& pos) {
  Int128 whole = 0;
  bool any_digit = false;
  while (pos < text.size() && is_digit(text[pos])) {
    whole = whole * 10 + (text[pos++] - '0');
    any_digit = true;
    if (whole > kMaxDurationNanos) return std::nullopt;
  }
  Int128 frac = 0, scale = 1;
  if (expect(text, pos, '.')) {
    while (pos < text.size() && is_digit(text[pos])) {
      // Digits beyond nanosecond precision of an hour cannot matter.
      if (scale < static_cast<Int128>(1000000000000000000LL)) {
        frac = frac * 10 + (text[pos] - '0');
        scale *= 10;
      }
      ++pos;
      any_digit = true;
    }
  }
  if (!any_digit) return std::nullopt;
  const int64_t unit = read_unit(text, pos);
  if (unit == 0) return std::nullopt;
  return whole * unit + frac * unit / scale;
}

}  // namespace

std::optional<Duration> parse_duration(std::string_view text) {
  size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+'))
    negative = text[pos++] == '-';
  if (text.substr(pos) == "0") return Duration{};
  if (pos >= text.size()) return std::nullopt;
  Int128 total = 0;
  while (pos < text.size()) {
    const auto component = read_component(text, pos);
    if (!component) return std::nullopt;
    total += *component;
    if (total > kMaxDurationNanos) return std::nullopt;
  }
  if (negative) total = -total;
  return Duration{static_cast<int64_t>(total / kNanosPerSecond),
                  static_cast<int32_t>(total % kNanosPerSecond)};
}

std::string format_duration(Duration d) {
  const bool negative = d.seconds < 0 || d.nanos < 0;
  const uint64_t secs = negative ? 0 - static_cast<uint64_t>(d.seconds)
                                 : static_cast<uint64_t>(d.seconds);
  const int32_t nanos = negative ? -d.nanos : d.nanos;
  std::string out = negative ? "-" : "";
  out += std::to_string(secs);
  if (nanos != 0) {
    char buf[16];
    std::snprintf(buf, sizeof buf, ".%09d", static_cast<int>(nanos));
    std::string frac = buf;
    while (frac.back() == '0') frac.pop_back();
    out += frac;
  }
  return out + "s";
}

}  // namespace rollgate::cel

namespace rollgate::cel::detail {

namespace {

Int128 total_nanos(int64_t seconds, int32_t nanos) {
  return static_cast<Int128>(seconds) * kNanosPerSecond + nanos;
}

std::optional<Timestamp> timestamp_from_nanos(Int128 total) {
  Int128 seconds = total / kNanosPerSecond;
  Int128 nanos = total % kNanosPerSecond;
  if (nanos < 0) {
    nanos += kNanosPerSecond;
    --seconds;
  }
  if (seconds < kMinTimestampSeconds || seconds > kMaxTimestampSeconds)
    return std::nullopt;
  return Timestamp{static_cast<int64_t>(seconds), static_cast<int32_t>(nanos)};
}

std::optional<Duration> duration_from_total(Int128 total) {
  if (total > kMaxDurationNanos || total < -kMaxDurationNanos)
    return std::nullopt;
  return Duration{static_cast<int64_t>(total / kNanosPerSecond),
                  static_cast<int32_t>(total % kNanosPerSecond)};
}

}  // namespace

std::optional<Timestamp> add_duration(Timestamp t, Duration d) {
  return timestamp_from_nanos(total_nanos(t.seconds, t.nanos) +
                              total_nanos(d.seconds, d.nanos));
}

std::optional<Timestamp> subtract_duration(Timestamp t, Duration d) {
  return timestamp_from_nanos(total_nanos(t.seconds, t.nanos) -
                              total_nanos(d.seconds, d.nanos));
}

std::optional<Duration> timestamp_difference(Timestamp a, Timestamp b) {
  return duration_from_total(total_nanos(a.seconds, a.nanos) -
                             total_nanos(b.seconds, b.nanos));
}

std::optional<Duration> add_durations(Duration a, Duration b) {
  return duration_from_total(total_nanos(a.seconds, a.nanos) +
                             total_nanos(b.seconds, b.nanos));
}

std::optional<Duration> subtract_durations(Duration a, Duration b) {
  return duration_from_total(total_nanos(a.seconds, a.nanos) -
                             total_nanos(b.seconds, b.nanos));
}

std::optional<Duration> negate_duration(Duration d) {
  return duration_from_total(-total_nanos(d.seconds, d.nanos));
}

bool timestamp_in_range(Timestamp t) {
  return t.seconds >= kMinTimestampSeconds && t.seconds <= kMaxTimestampSeconds;
}

bool duration_in_range(Duration d) {
  const Int128 total = total_nanos(d.seconds, d.nanos);
  return total <= kMaxDurationNanos && total >= -kMaxDurationNanos;
}

Duration duration_from_nanos(int64_t nanos) {
  return Duration{nanos / kNanosPerSecond,
                  static_cast<int32_t>(nanos % kNanosPerSecond)};
}

}  // namespace rollgate::cel::detail
