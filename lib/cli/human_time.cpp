#include "human_time.hpp"

#include <charconv>
#include <cmath>
#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace rollgate::cli {

namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

struct Unit {
  std::int64_t seconds;
  char letter;
};
constexpr Unit kUnits[] = {{kDay, 'd'}, {kHour, 'h'}, {kMinute, 'm'}, {1, 's'}};

// Floor division, so that instants before 1970 fall on the right day.
std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

rollgate::Timestamp parse_instant(std::string_view rfc3339) {
  const auto [seconds, nanos] = rollgate::parse_timestamp(rfc3339);
  return {seconds, nanos};
}

std::string format_instant(rollgate::Timestamp instant) {
  using namespace std::chrono;
  const std::int64_t days = floor_div(instant.seconds, kDay);
  const std::int64_t of_day = instant.seconds - days * kDay;
  const year_month_day date{sys_days{std::chrono::days{days}}};
  char text[48];
  const int hour = int(of_day / kHour), minute = int(of_day % kHour / kMinute), second = int(of_day % kMinute);
  int n = std::snprintf(text, sizeof text, "%04d-%02u-%02u %02d:%02d", int(date.year()), unsigned(date.month()),
                        unsigned(date.day()), hour, minute);
  if (second != 0) n += std::snprintf(text + n, sizeof text - std::size_t(n), ":%02d", second);
  return std::string(text, std::size_t(n)) + " UTC";
}

std::string format_span(std::int64_t seconds) {
  std::int64_t left = seconds < 0 ? -seconds : seconds;
  std::string out;
  int written = 0;
  for (const Unit& unit : kUnits) {
    const std::int64_t count = left / unit.seconds;
    // Two units at most, and the second only right after the first ("2d 4h",
    // never "2d 5m"): a person reads the order of magnitude.
    if (written == 1 && count == 0) break;
    if (count == 0) continue;
    if (written) out += ' ';
    out += std::to_string(count);
    out += unit.letter;
    left -= count * unit.seconds;
    if (++written == 2) break;
  }
  return out.empty() ? "0s" : out;
}

std::string format_relative(rollgate::Timestamp then, rollgate::Timestamp now) {
  const std::int64_t delta = now.seconds - then.seconds;
  if (delta == 0) return "now";
  return delta > 0 ? format_span(delta) + " ago" : "in " + format_span(-delta);
}

std::int64_t parse_duration_seconds(std::string_view cel_duration) {
  std::int64_t seconds = 0;
  const char* end = cel_duration.data() + cel_duration.size();
  const auto [stop, error] = std::from_chars(cel_duration.data(), end, seconds);
  const bool rest_is_fraction = stop != end && (*stop == '.' || *stop == 's');
  if (error != std::errc() || !rest_is_fraction || cel_duration.back() != 's')
    throw std::runtime_error("'" + std::string(cel_duration) + "' is not a duration as the report writes it");
  return seconds;
}

std::string format_share(double share) { return std::to_string(std::lround(share * 100)) + "%"; }

std::string format_since(rollgate::Timestamp since, rollgate::Timestamp now) {
  std::string out = "since " + format_instant(since);
  if (since != now) out += " (" + format_relative(since, now) + ")";
  return out;
}

}  // namespace rollgate::cli
