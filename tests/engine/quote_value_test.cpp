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

TEST_CASE("a long string is cut at kQuotedValueBytes and says its own size in bytes") {
  const std::string quoted = quote_value(Value::string(std::string(10'000'000, 'x')));
  CHECK(quoted.size() < kQuotedValueBytes + 32);
  CHECK(quoted.starts_with("\"xxxx"));
  // The string's size, known without rendering it; not its quoted text's.
  CHECK(quoted.ends_with("… (10000000 bytes)"));
  CHECK(quote_value(Value::bytes(std::string(1000, '\x01'))).ends_with("… (1000 bytes)"));
}

TEST_CASE("a long list or map is cut and says how many elements or entries it has") {
  rollgate::cel::ValueList items;
  for (int i = 0; i < 100'000; ++i) items.push_back(Value::int64(i));
  const std::string list = quote_value(Value::list(items));
  CHECK(list.starts_with("[0, 1, 2, "));
  CHECK(list.ends_with("… (100000 elements)"));
  CHECK(list.size() < kQuotedValueBytes + 32);

  rollgate::cel::MapEntries entries;
  for (int i = 0; i < 1000; ++i) entries.emplace_back(Value::int64(i), Value::string(std::string(10, 'v')));
  const std::string map = quote_value(Value::map(entries));
  CHECK(map.starts_with("{0: \"vvvvvvvvvv\", 1: "));
  CHECK(map.ends_with("… (1000 entries)"));

  // A list whose first element is long is cut inside that element.
  const std::string nested = quote_value(Value::list({Value::string(std::string(5000, 'y')), Value::int64(1)}));
  CHECK(nested.starts_with("[\"yyyy"));
  CHECK(nested.ends_with("… (2 elements)"));
}

TEST_CASE("a deeply nested value is quoted without rendering its whole depth") {
  Value value = Value::int64(7);
  for (int i = 0; i < 10'000; ++i) value = Value::list({value});
  const std::string quoted = quote_value(value);
  CHECK(quoted == std::string(kQuotedValueBytes, '[') + "… (1 element)");
}

TEST_CASE("an optional is quoted with the size of what it holds") {
  CHECK(quote_value(Value::optional_of(Value::int64(3))) == "optional.of(3)");
  CHECK(quote_value(Value::optional_none()) == "optional.none()");
  CHECK(quote_value(Value::optional_of(Value::string(std::string(300, 'z')))).ends_with("… (300 bytes)"));
}

TEST_CASE("a long value is cut between UTF-8 characters, never inside one") {
  std::string text;
  while (text.size() < 1000) text += "é";  // two bytes each
  const std::string quoted = quote_value(Value::string(text));
  const std::string kept = quoted.substr(0, quoted.find("…"));
  CHECK(kept.size() <= kQuotedValueBytes);
  CHECK(kept.size() % 2 == 1);  // the opening quote and whole characters
}
