// Timestamps and durations: RFC 3339 and CEL's duration syntax.
#include <doctest/doctest.h>

#include "cel/common/time.hpp"

using namespace rollgate::cel;

namespace {

std::string timestamp_round_trip(std::string_view text) {
  const auto t = parse_timestamp(text);
  return t ? format_timestamp(*t) : "invalid";
}

std::string duration_round_trip(std::string_view text) {
  const auto d = parse_duration(text);
  return d ? format_duration(*d) : "invalid";
}

}  // namespace

TEST_CASE("parse_timestamp reads RFC 3339 in UTC") {
  const auto t = parse_timestamp("2009-02-13T23:31:30Z");
  REQUIRE(t.has_value());
  CHECK(t->seconds == 1234567890);
  CHECK(t->nanos == 0);
  CHECK(parse_timestamp("1970-01-01T00:00:00Z") == Timestamp{0, 0});
  CHECK(parse_timestamp("1969-12-31T23:59:59Z") == Timestamp{-1, 0});
}

TEST_CASE("parse_timestamp applies offsets and fractions") {
  CHECK(parse_timestamp("2026-11-22T12:00:00+02:00") ==
        parse_timestamp("2026-11-22T10:00:00Z"));
  CHECK(parse_timestamp("2026-11-22T05:30:00-04:30") ==
        parse_timestamp("2026-11-22T10:00:00Z"));
  CHECK(parse_timestamp("1970-01-01T00:00:00.5Z") == Timestamp{0, 500000000});
  CHECK(parse_timestamp("1970-01-01T00:00:00.000000001Z") == Timestamp{0, 1});
  CHECK(parse_timestamp("1969-12-31T23:59:59.75Z") == Timestamp{-1, 750000000});
}

TEST_CASE("parse_timestamp covers years 0001 to 9999 and nothing else") {
  CHECK(parse_timestamp("0001-01-01T00:00:00Z") == Timestamp{-62135596800, 0});
  CHECK(parse_timestamp("9999-12-31T23:59:59.999999999Z") ==
        Timestamp{253402300799, 999999999});
  CHECK_FALSE(parse_timestamp("0000-12-31T23:59:59Z").has_value());
  CHECK_FALSE(parse_timestamp("0001-01-01T00:00:00+00:01").has_value());
  CHECK_FALSE(parse_timestamp("9999-12-31T23:59:59-00:01").has_value());
  CHECK_FALSE(parse_timestamp("10000-01-01T00:00:00Z").has_value());
}

TEST_CASE("parse_timestamp rejects malformed text") {
  for (const char* bad :
       {"", "2020-01-01", "2020-01-01T00:00:00", "2020-1-01T00:00:00Z",
        "2020-13-01T00:00:00Z", "2020-02-30T00:00:00Z", "2021-02-29T00:00:00Z",
        "2020-01-01T24:00:00Z", "2020-01-01T00:60:00Z", "2020-01-01T00:00:60Z",
        "2020-01-01T00:00:00.Z", "2020-01-01T00:00:00.1234567890Z",
        "2020-01-01T00:00:00+0200", "2020-01-01T00:00:00+24:00",
        "2020-01-01 00:00:00Z", "2020-01-01T00:00:00Zjunk"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_timestamp(bad).has_value());
  }
  CHECK(parse_timestamp("2020-02-29T00:00:00Z").has_value());  // leap year
}

TEST_CASE("format_timestamp writes UTC with the shortest of 0, 3, 6, 9 digits") {
  CHECK(format_timestamp({1234567890, 0}) == "2009-02-13T23:31:30Z");
  CHECK(format_timestamp({0, 500000000}) == "1970-01-01T00:00:00.500Z");
  CHECK(format_timestamp({0, 123456000}) == "1970-01-01T00:00:00.123456Z");
  CHECK(format_timestamp({0, 1}) == "1970-01-01T00:00:00.000000001Z");
  CHECK(format_timestamp({-1, 0}) == "1969-12-31T23:59:59Z");
  CHECK(format_timestamp({-62135596800, 0}) == "0001-01-01T00:00:00Z");
}

TEST_CASE("timestamps round-trip through text") {
  CHECK(timestamp_round_trip("2026-11-22T10:00:00Z") == "2026-11-22T10:00:00Z");
  CHECK(timestamp_round_trip("2026-11-22T12:00:00.5+02:00") ==
        "2026-11-22T10:00:00.500Z");
  CHECK(timestamp_round_trip("9999-12-31T23:59:59.999999999Z") ==
        "9999-12-31T23:59:59.999999999Z");
}

TEST_CASE("parse_duration reads sums of numbers with units") {
  CHECK(parse_duration("72h") == Duration{259200, 0});
  CHECK(parse_duration("1.5h") == Duration{5400, 0});
  CHECK(parse_duration("-30m") == Duration{-1800, 0});
  CHECK(parse_duration("1h30m") == Duration{5400, 0});
  CHECK(parse_duration("1.5s") == Duration{1, 500000000});
  CHECK(parse_duration("100ms") == Duration{0, 100000000});
  CHECK(parse_duration("5us") == Duration{0, 5000});
  CHECK(parse_duration("5\xC2\xB5s") == Duration{0, 5000});
  CHECK(parse_duration("7ns") == Duration{0, 7});
  CHECK(parse_duration("-1.5s") == Duration{-1, -500000000});
  CHECK(parse_duration("+2s") == Duration{2, 0});
  CHECK(parse_duration("0") == Duration{0, 0});
  CHECK(parse_duration(".5s") == Duration{0, 500000000});
  CHECK(parse_duration("1h1m1s1ms1us1ns") == Duration{3661, 1001001});
}

TEST_CASE("parse_duration rejects malformed or out-of-range text") {
  for (const char* bad : {"", "1", "h", "1x", "1hh", "--1s", "1.s.", "1 h",
                          "s1", "-", "1e3s", "320000000000s", "-89000000h"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_duration(bad).has_value());
  }
  // About 10000 years either way is in range.
  CHECK(parse_duration("315576000000s").has_value());
  CHECK(parse_duration("-87600000h").has_value());
}

TEST_CASE("format_duration writes seconds with minimal fractional digits") {
  CHECK(format_duration({259200, 0}) == "259200s");
  CHECK(format_duration({1, 500000000}) == "1.5s");
  CHECK(format_duration({0, -1}) == "-0.000000001s");
  CHECK(format_duration({-1, -500000000}) == "-1.5s");
  CHECK(format_duration({0, 0}) == "0s");
  CHECK(format_duration({0, 120000}) == "0.00012s");
}

TEST_CASE("durations round-trip through text") {
  CHECK(duration_round_trip("72h") == "259200s");
  CHECK(duration_round_trip("-30m") == "-1800s");
  CHECK(duration_round_trip("1.25s") == "1.25s");
  CHECK(duration_round_trip("1ns") == "0.000000001s");
  const auto d = parse_duration(format_duration({-123, -456000000}));
  REQUIRE(d.has_value());
  CHECK(*d == Duration{-123, -456000000});
}
