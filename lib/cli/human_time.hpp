// Instants, spans of time and shares in a person's units:
// "2026-11-23 09:00 UTC", "2d 4h", "3h ago", "67%".  The report writes
// RFC 3339, CEL durations and fractions; these are for the views only.
#pragma once

#include <rollgate/rollgate.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace rollgate::cli {

// An RFC 3339 instant from the report.  Throws rollgate::Error on text that
// is not one.
rollgate::Timestamp parse_instant(std::string_view rfc3339);

// "2026-11-23 09:00 UTC"; seconds only when they are not zero
// ("09:00:30"), fractions of a second never.
std::string format_instant(rollgate::Timestamp instant);

// A span in its largest unit and, when not zero, the next one: "2d 4h",
// "3h 20m", "5m", "45s", "0s" ("2d 5m" reads "2d").  Negative spans are
// written as their magnitude.
std::string format_span(std::int64_t seconds);

// `then` seen from `now`: "2h ago", "in 3d", or "now".
std::string format_relative(rollgate::Timestamp then, rollgate::Timestamp now);

// "since 2026-11-23 09:00 UTC (2h ago)"; without the part in parentheses
// when `since` is `now` (a status taken at this evaluation).
std::string format_since(rollgate::Timestamp since, rollgate::Timestamp now);

// A CEL duration as the report writes it ("259200s", "1.5s") in whole
// seconds (fractions dropped).  Throws std::runtime_error on other text.
std::int64_t parse_duration_seconds(std::string_view cel_duration);

// A share of 1 as a whole percentage: 0.6667 -> "67%".
std::string format_share(double share);

}  // namespace rollgate::cli
