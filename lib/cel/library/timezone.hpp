// Time zones for the timestamp accessors: "UTC", fixed offsets ("+05:30",
// "-02:30", "02:00") and IANA names ("Europe/Paris"), the latter read from
// the system's compiled zoneinfo files.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace rollgate::cel::detail {

// Seconds east of UTC in zone `name` at the instant `unix_seconds`;
// nullopt for an unknown or malformed zone.
std::optional<int64_t> utc_offset(std::string_view name, int64_t unix_seconds);

}  // namespace rollgate::cel::detail
