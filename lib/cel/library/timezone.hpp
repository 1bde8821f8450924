// Time zones for the timestamp accessors: "UTC", fixed offsets ("+05:30",
// "-02:30", "02:00") and IANA names ("Europe/Paris"), the latter read from
// the system's compiled zoneinfo files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace rollgate::cel::detail {

// Seconds east of UTC in zone `name` at the instant `unix_seconds`;
// nullopt for an unknown or malformed zone.
std::optional<int64_t> utc_offset(std::string_view name, int64_t unix_seconds);

// IANA zones are read from their files once and cached for the process,
// unknown names included (so that a bad name in a fact is not looked for on
// disk at every evaluation).  Names come from facts, so the cache holds at
// most this many names and is emptied when full: a long-running process
// sent fresh names does not grow (docs/LIMITS.md).
inline constexpr size_t kMaxCachedZones = 256;

// Longer names are unknown without a look on disk, and are not cached: the
// longest IANA name is 32 bytes, and a file name is at most 255.
inline constexpr size_t kMaxZoneNameBytes = 255;

// The number of names in the cache, for tests.
size_t cached_zone_count();

}  // namespace rollgate::cel::detail
