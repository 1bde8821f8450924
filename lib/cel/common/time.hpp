// Timestamps and durations as CEL sees them: seconds plus nanoseconds, so
// that the whole CEL range (years 0001 to 9999) fits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rollgate::cel {

// An instant: seconds since the Unix epoch and 0..999'999'999 nanoseconds.
struct Timestamp {
  int64_t seconds = 0;
  int32_t nanos = 0;
  friend bool operator==(const Timestamp&, const Timestamp&) = default;
  friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

// A signed span of time; seconds and nanos carry the same sign.
struct Duration {
  int64_t seconds = 0;
  int32_t nanos = 0;
  friend bool operator==(const Duration&, const Duration&) = default;
  friend auto operator<=>(const Duration&, const Duration&) = default;
};

// RFC 3339 ("2026-11-22T10:00:00Z", "...T12:00:00.5+02:00").  nullopt when
// malformed or outside CEL's range (0001-01-01 to 9999-12-31).
std::optional<Timestamp> parse_timestamp(std::string_view text);
// RFC 3339 in UTC with a "Z", fractional seconds only when non-zero
// (shortest of 3, 6 or 9 digits).
std::string format_timestamp(Timestamp t);

// CEL's duration form: a sign, then one or more decimal numbers each with a
// unit of h, m, s, ms, us, ns ("72h", "1.5h", "-30m", "1h30m").  nullopt
// when malformed or out of CEL's range.
std::optional<Duration> parse_duration(std::string_view text);
// CEL's canonical output form: seconds with an "s" ("259200s", "1.5s").
std::string format_duration(Duration d);

}  // namespace rollgate::cel
