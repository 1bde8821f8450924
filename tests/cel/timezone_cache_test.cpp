// The time-zone cache is process-wide and fed by facts: whatever names a
// long-running process is sent, it holds at most kMaxCachedZones of them.
#include <algorithm>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "cel/library/timezone.hpp"

using namespace rollgate::cel::detail;

namespace {

bool has_zoneinfo() { return std::ifstream("/usr/share/zoneinfo/Europe/Paris").good(); }

constexpr int64_t kJuly2024 = 1721044800;  // 2024-07-15T12:00:00Z

}  // namespace

TEST_CASE("10,000 fresh zone names leave the cache at its bound, and zones still resolve" *
          doctest::skip(!has_zoneinfo())) {
  size_t largest = 0;
  for (int i = 0; i < 10000; ++i) {
    // Unknown names shaped like IANA ones, and a real zone now and then.
    const std::string name = i % 100 == 0 ? "Europe/Paris" : "Atlantis/City_" + std::to_string(i);
    const auto offset = utc_offset(name, kJuly2024);
    if (i % 100 == 0) {
      REQUIRE(offset == 7200);
    } else {
      REQUIRE_FALSE(offset.has_value());
    }
    const size_t cached = cached_zone_count();
    REQUIRE(cached <= kMaxCachedZones);
    largest = std::max(largest, cached);
  }
  CHECK(largest == kMaxCachedZones);
  CHECK(utc_offset("Europe/Paris", kJuly2024) == 7200);
}

TEST_CASE("names that cannot be zone files take no place in the cache") {
  utc_offset("Europe/Paris", kJuly2024);  // the cache is not empty
  const size_t before = cached_zone_count();
  CHECK_FALSE(utc_offset(std::string(kMaxZoneNameBytes + 1, 'a'), kJuly2024).has_value());
  CHECK_FALSE(utc_offset(std::string(100000, 'Z'), kJuly2024).has_value());
  CHECK_FALSE(utc_offset("../etc/passwd", kJuly2024).has_value());
  CHECK_FALSE(utc_offset("Europe/Par is", kJuly2024).has_value());
  CHECK(cached_zone_count() == before);
}

TEST_CASE("fixed offsets and UTC never touch the cache") {
  const size_t before = cached_zone_count();
  CHECK(utc_offset("UTC", kJuly2024) == 0);
  CHECK(utc_offset("+05:30", kJuly2024) == 19800);
  CHECK(utc_offset("-02:00", kJuly2024) == -7200);
  CHECK(cached_zone_count() == before);
}
