// Calendar arithmetic on the proleptic Gregorian calendar, and the bounds of
// CEL's timestamp and duration ranges.  Shared by time.cpp (parsing and
// formatting) and the timestamp functions of the standard library.
#pragma once

#include <cstdint>

namespace rollgate::cel::detail {

// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in Unix seconds.
inline constexpr int64_t kMinTimestampSeconds = -62135596800;
inline constexpr int64_t kMaxTimestampSeconds = 253402300799;
// Protocol buffers' Duration bound: about 10000 years either way.
inline constexpr int64_t kMaxDurationSeconds = 315576000000;
inline constexpr int64_t kNanosPerSecond = 1000000000;

struct CivilDate {
  int64_t year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
constexpr int64_t days_from_civil(CivilDate d) {
  const int64_t y = d.month <= 2 ? d.year - 1 : d.year;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = d.month > 2 ? d.month - 3 : d.month + 9;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

// The inverse of days_from_civil.
constexpr CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return CivilDate{yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

constexpr bool is_leap_year(int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

constexpr int days_in_month(int64_t year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Floor division and its remainder, for splitting seconds into days.
constexpr int64_t floor_div(int64_t a, int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}
constexpr int64_t floor_mod(int64_t a, int64_t b) {
  return a - floor_div(a, b) * b;
}

}  // namespace rollgate::cel::detail

#include <optional>

#include "cel/common/time.hpp"

namespace rollgate::cel::detail {

// Timestamp and duration arithmetic; nullopt when the result leaves CEL's
// range (which the caller reports as an overflow error).
std::optional<Timestamp> add_duration(Timestamp t, Duration d);
std::optional<Timestamp> subtract_duration(Timestamp t, Duration d);
std::optional<Duration> timestamp_difference(Timestamp a, Timestamp b);
std::optional<Duration> add_durations(Duration a, Duration b);
std::optional<Duration> subtract_durations(Duration a, Duration b);
std::optional<Duration> negate_duration(Duration d);

bool timestamp_in_range(Timestamp t);
bool duration_in_range(Duration d);

// A duration of a whole number of nanoseconds (always in range for int64).
Duration duration_from_nanos(int64_t nanos);

}  // namespace rollgate::cel::detail
