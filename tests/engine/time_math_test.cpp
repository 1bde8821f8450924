#include <doctest/doctest.h>

#include "engine/describe.hpp"
#include "engine/time_math.hpp"

using rollgate::cel::Duration;
using rollgate::cel::Timestamp;
using rollgate::engine::describe_duration;
using rollgate::engine::elapsed;

TEST_CASE("elapsed time between instants is normalized so both parts share a sign") {
  CHECK(elapsed(Timestamp{10, 900'000'000}, Timestamp{12, 100'000'000}) == Duration{1, 200'000'000});
  CHECK(elapsed(Timestamp{12, 100'000'000}, Timestamp{10, 900'000'000}) == Duration{-1, -200'000'000});
  CHECK(elapsed(Timestamp{5, 0}, Timestamp{5, 0}) == Duration{0, 0});
}

TEST_CASE("durations are described for people with their two largest units") {
  CHECK(describe_duration({259200, 0}) == "3d");
  CHECK(describe_duration({1882800, 0}) == "21d 19h");
  CHECK(describe_duration({9000, 0}) == "2h 30m");
  CHECK(describe_duration({7200, 0}) == "2h");
  CHECK(describe_duration({45, 0}) == "45s");
  CHECK(describe_duration({0, 0}) == "0s");
  CHECK(describe_duration({-90, 0}) == "-1m 30s");
}

TEST_CASE("shares are described as whole percentages") {
  CHECK(rollgate::engine::describe_share(2.0 / 3.0) == "67%");
  CHECK(rollgate::engine::describe_share(0.6) == "60%");
  CHECK(rollgate::engine::describe_share(0.0) == "0%");
}
