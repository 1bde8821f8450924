// rollgate/version.hpp — versions and timestamps.
#ifndef ROLLGATE_VERSION_HPP
#define ROLLGATE_VERSION_HPP

#include <rollgate/error.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace rollgate {

/// The loaded library's version as MAJOR*10000 + MINOR*100 + PATCH.
/// Compare with ROLLGATE_VERSION_NUMBER to detect a header/library mismatch.
inline int version() noexcept { return static_cast<int>(rollgate_version()); }

/// The loaded library's version as text, e.g. "0.2.0".  Static storage.
inline const char* version_string() noexcept { return rollgate_version_string(); }

/// The loaded library's C ABI version (compare with ROLLGATE_ABI_VERSION).
inline int abi_version() noexcept { return static_cast<int>(rollgate_abi_version()); }

/// Parses an RFC 3339 timestamp ("2026-11-22T10:00:00Z") into seconds and
/// nanoseconds since the Unix epoch.
/// @throws Error (ROLLGATE_EINPUT) for malformed text.
inline std::pair<std::int64_t, std::int32_t> parse_timestamp(std::string_view text) {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;
  rollgate_error* err = nullptr;
  const rollgate_status status = rollgate_timestamp_parse(
      &seconds, &nanos, text.data() ? text.data() : "", text.size(), &err);
  check(status, err);
  return {seconds, nanos};
}

/// Formats an instant as RFC 3339 in UTC, as the reports write it
/// ("2026-11-22T10:00:00Z"); parse_timestamp() reads it back.
/// @throws Error (ROLLGATE_EINVAL for nanos outside 0..999999999 or an
///         instant outside years 0001..9999).
inline std::string format_timestamp(std::int64_t unix_seconds, std::int32_t nanos = 0) {
  char* raw = nullptr;
  std::size_t len = 0;
  rollgate_error* err = nullptr;
  const rollgate_status status = rollgate_timestamp_format(&raw, &len, unix_seconds, nanos, &err);
  std::unique_ptr<char, void (*)(void*)> buffer(raw, [](void* p) { rollgate_free(p); });
  check(status, err);
  return buffer ? std::string(buffer.get(), len) : std::string();
}

}  // namespace rollgate

#endif  // ROLLGATE_VERSION_HPP
