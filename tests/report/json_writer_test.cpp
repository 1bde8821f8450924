#include <doctest/doctest.h>

#include <limits>

#include "report/json_writer.hpp"

using rollgate::report::JsonWriter;

TEST_CASE("the JSON writer indents by two spaces and keeps member order") {
  JsonWriter w;
  w.begin_object();
  w.member("b", "x");
  w.key("a");
  w.begin_array();
  w.integer(1);
  w.boolean(false);
  w.null();
  w.end_array();
  w.key("empty");
  w.begin_array();
  w.end_array();
  w.end_object();
  CHECK(w.take() == "{\n  \"b\": \"x\",\n  \"a\": [\n    1,\n    false,\n    null\n  ],\n  \"empty\": []\n}");
}

TEST_CASE("doubles are written in shortest round-trip form") {
  CHECK(rollgate::report::shortest_double(99.93) == "99.93");
  CHECK(rollgate::report::shortest_double(0.1 + 0.2) == "0.30000000000000004");
  CHECK(rollgate::report::shortest_double(4.0) == "4");
  CHECK(rollgate::report::shortest_double(1e21) == "1e+21");
}

TEST_CASE("non-finite doubles are written as the strings proto3 JSON uses") {
  JsonWriter w;
  w.begin_array();
  w.number(std::numeric_limits<double>::quiet_NaN());
  w.number(std::numeric_limits<double>::infinity());
  w.number(-std::numeric_limits<double>::infinity());
  w.end_array();
  CHECK(w.take() == "[\n  \"NaN\",\n  \"Infinity\",\n  \"-Infinity\"\n]");
}

TEST_CASE("strings are escaped for JSON and UTF-8 passes through") {
  CHECK(rollgate::report::json_quote("a\"b\\c\nd\x01 \xc3\xa9") == "\"a\\\"b\\\\c\\nd\\u0001 \xc3\xa9\"");
}
