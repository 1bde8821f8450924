// How messages quote a fact's value: in full when short, else cut with its
// size, so a 10 MB fact read by many gates is not repeated in every message.
#include <doctest/doctest.h>

#include <string>

#include "engine/describe.hpp"

using rollgate::cel::Value;
using rollgate::engine::kQuotedValueBytes;
using rollgate::engine::quote_value;

TEST_CASE("a short value is quoted in full in CEL's notation") {
  CHECK(quote_value(Value::string("abc")) == "\"abc\"");
  CHECK(quote_value(Value::list({Value::int64(1), Value::int64(2)})) == "[1, 2]");
}

TEST_CASE("a long value is cut at kQuotedValueBytes and says its whole size") {
  const std::string quoted = quote_value(Value::string(std::string(10'000'000, 'x')));
  CHECK(quoted.size() < kQuotedValueBytes + 32);
  CHECK(quoted.starts_with("\"xxxx"));
  CHECK(quoted.ends_with("… (10000002 bytes)"));
}

TEST_CASE("a long value is cut between UTF-8 characters, never inside one") {
  std::string text;
  while (text.size() < 1000) text += "é";  // two bytes each
  const std::string quoted = quote_value(Value::string(text));
  const std::string kept = quoted.substr(0, quoted.find("…"));
  CHECK(kept.size() <= kQuotedValueBytes);
  CHECK(kept.size() % 2 == 1);  // the opening quote and whole characters
}
