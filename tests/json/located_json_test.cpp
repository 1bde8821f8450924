#include <doctest/doctest.h>

#include "json/located_json.hpp"

using rollgate::json::parse;

TEST_CASE("every value and key of a document is located by JSON pointer") {
  auto r = parse("{\n  \"a\": [1,\n    {\"b\": \"x\"}],\n  \"c~/d\": null\n}", "f.json");
  REQUIRE(r.document);
  const auto& map = r.document->map;
  CHECK(map.value_position("").line == 1);
  CHECK(map.value_position("/a").line == 2);
  CHECK(map.value_position("/a").column == 8);
  CHECK(map.key_position("/a").column == 3);
  CHECK(map.value_position("/a/1/b").line == 3);
  CHECK(map.value_position("/a/1/b").column == 11);
  CHECK(map.key_position("/c~0~1d").line == 4);
  CHECK(map.value_position("/missing").line == 0);
}

TEST_CASE("malformed JSON is reported at the line and column where it goes wrong") {
  auto r = parse("{\n  \"a\": 1,\n  \"b\": ]\n}", "plan.json");
  CHECK_FALSE(r.document);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].file == "plan.json");
  CHECK(r.errors[0].line == 3);
  CHECK(r.errors[0].column == 8);
  CHECK(r.errors[0].message.find("malformed JSON") == 0);
  CHECK(r.errors[0].kind == "json-syntax");
}

TEST_CASE("a document that ends too soon is reported at its end") {
  auto r = parse("{\"a\": [1, 2", "x.json");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 1);
  CHECK(r.errors[0].column == 12);
}

TEST_CASE("duplicate keys are an error located at the repeated key") {
  auto r = parse("{\"target\": \"a\",\n \"target\": \"b\"}", "plan.json");
  CHECK_FALSE(r.document);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].pointer == "/target");
  CHECK(r.errors[0].line == 2);
  CHECK(r.errors[0].column == 2);
  CHECK(r.errors[0].message == "duplicate key");
  CHECK(r.errors[0].kind == "duplicate-key");
}

TEST_CASE("positions inside a string account for escapes and multi-byte characters") {
  auto r = parse("{\"e\": \"\\u00e9x \\\"y\\\" z\"}", "f.json");
  REQUIRE(r.document);
  // decoded: é (2 bytes) x space " y " space z ; byte 8 of the decoded text is 'z'
  auto p = r.document->map.position_in_string("/e", 8);
  CHECK(p.column == 22);
}

TEST_CASE("columns count code points, not bytes") {
  auto r = parse("{\"\xc3\xa9\xc3\xa9\": 1}", "f.json");
  REQUIRE(r.document);
  CHECK(r.document->map.value_position("/\xc3\xa9\xc3\xa9").column == 8);
}

TEST_CASE("nesting deeper than 64 levels is rejected, not a stack overflow") {
  std::string deep(10000, '[');
  auto r = parse(deep, "deep.json");
  CHECK_FALSE(r.document);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].kind == "limit");
  CHECK(r.errors[0].message == "JSON nested more than 64 deep");
  CHECK(r.errors[0].column == 65);
}

TEST_CASE("JSON pointers escape tilde and slash") {
  CHECK(rollgate::json::pointer_append("/a", "b/c~d") == "/a/b~1c~0d");
  CHECK(rollgate::json::pointer_append("", size_t{3}) == "/3");
}

TEST_CASE("duplicate keys deep inside arrays and escaped keys are named by their pointer") {
  auto r = parse(R"({"a": [0, {"x~/": 1, "y": "\"}", "x~/": 2}]})", "f.json");
  CHECK_FALSE(r.document);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].pointer == "/a/1/x~0~1");
  CHECK(r.errors[0].message == "duplicate key");
  CHECK(r.errors[0].column == 34);
}

TEST_CASE("a root member is located without indexing the document") {
  auto r = parse("{\"big\": {\"k\": [1, \"}\", {\"n\": [2]}]}, \"s\": \"a,b\",\n \"when\": \"2026-11-01T00:00:00Z\"}",
                 "state.json");
  REQUIRE(r.document);
  const auto& map = r.document->map;
  CHECK(map.root_member_position("when").line == 2);
  CHECK(map.root_member_position("when").column == 10);
  CHECK(map.root_member_position("big").column == 9);
  CHECK(map.root_member_position("s").column == 43);
  CHECK(map.root_member_position("absent").line == 0);
  // The index, built on demand, agrees.
  CHECK(map.value_position("/when").column == map.root_member_position("when").column);
}
