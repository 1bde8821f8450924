// Type: factories, CEL spelling and parse_type.
#include <string>

#include <doctest/doctest.h>

#include "cel/common/type.hpp"

using namespace rollgate::cel;

TEST_CASE("types print in CEL's spelling") {
  CHECK(Type().to_string() == "dyn");
  CHECK(Type::boolean().to_string() == "bool");
  CHECK(Type::int64().to_string() == "int");
  CHECK(Type::uint64().to_string() == "uint");
  CHECK(Type::double_type().to_string() == "double");
  CHECK(Type::string().to_string() == "string");
  CHECK(Type::bytes().to_string() == "bytes");
  CHECK(Type::timestamp().to_string() == "timestamp");
  CHECK(Type::duration().to_string() == "duration");
  CHECK(Type::null_type().to_string() == "null_type");
  CHECK(Type::list(Type::string()).to_string() == "list(string)");
  CHECK(Type::map(Type::string(), Type::list(Type::int64())).to_string() ==
        "map(string, list(int))");
}

TEST_CASE("types compare structurally") {
  CHECK(Type::list(Type::int64()) == Type::list(Type::int64()));
  CHECK(Type::list(Type::int64()) != Type::list(Type::uint64()));
  CHECK(Type::map(Type::string(), Type::dyn()) != Type::map(Type::dyn(), Type::dyn()));
  CHECK(Type::type_param("A") == Type::type_param("A"));
  CHECK(Type::type_param("A") != Type::type_param("B"));
  CHECK(Type::list(Type::int64()).element() == Type::int64());
  const Type m = Type::map(Type::string(), Type::boolean());
  CHECK(m.key() == Type::string());
  CHECK(m.value() == Type::boolean());
}

TEST_CASE("parse_type reads declared types, white space allowed") {
  CHECK(parse_type("bool") == Type::boolean());
  CHECK(parse_type("int") == Type::int64());
  CHECK(parse_type("uint") == Type::uint64());
  CHECK(parse_type("double") == Type::double_type());
  CHECK(parse_type("string") == Type::string());
  CHECK(parse_type("bytes") == Type::bytes());
  CHECK(parse_type("timestamp") == Type::timestamp());
  CHECK(parse_type("duration") == Type::duration());
  CHECK(parse_type("dyn") == Type::dyn());
  CHECK(parse_type(" list( string ) ") == Type::list(Type::string()));
  CHECK(parse_type("map(string,list(int))") ==
        Type::map(Type::string(), Type::list(Type::int64())));
}

TEST_CASE("parse_type rejects anything else") {
  CHECK_FALSE(parse_type("").has_value());
  CHECK_FALSE(parse_type("integer").has_value());
  CHECK_FALSE(parse_type("list").has_value());
  CHECK_FALSE(parse_type("list(int").has_value());
  CHECK_FALSE(parse_type("map(string)").has_value());
  CHECK_FALSE(parse_type("list(int) x").has_value());
  CHECK_FALSE(parse_type("list(foo)").has_value());
}

TEST_CASE("to_string and parse_type round-trip") {
  for (const char* text : {"bool", "list(timestamp)", "map(string, duration)",
                           "map(int, list(map(string, dyn)))"}) {
    const auto t = parse_type(text);
    REQUIRE(t.has_value());
    CHECK(t->to_string() == text);
  }
}

TEST_CASE("declared types nest at most kMaxTypeNesting levels, and the reader says where") {
  const auto lists = [](size_t depth) {
    std::string text;
    for (size_t i = 0; i < depth; ++i) text += "list(";
    return text + "int" + std::string(depth, ')');
  };
  CHECK(parse_type(lists(kMaxTypeNesting)).has_value());
  const TypeReading too_deep = read_type(lists(kMaxTypeNesting + 1));
  CHECK_FALSE(too_deep.type.has_value());
  CHECK(too_deep.limit_problem == "type nested more than 32 levels deep (at byte 160)");
  std::string maps;
  for (size_t i = 0; i <= kMaxTypeNesting; ++i) maps += "map(string, ";
  CHECK(read_type(maps + "int" + std::string(kMaxTypeNesting + 1, ')')).limit_problem ==
        "type nested more than 32 levels deep (at byte 384)");
  // Depth, not count: a map of two lists nests two levels.
  CHECK(parse_type("map(list(int), list(string))") ==
        Type::map(Type::list(Type::int64()), Type::list(Type::string())));
}

TEST_CASE("a declared type longer than kMaxTypeTextBytes is refused before it is read") {
  // 50,000 levels: the reader would recurse 50,000 times without the limits.
  std::string deep;
  for (int i = 0; i < 50000; ++i) deep += "list(";
  deep += "int" + std::string(50000, ')');
  const TypeReading reading = read_type(deep);
  CHECK_FALSE(reading.type.has_value());
  CHECK(reading.limit_problem == "type of 300003 bytes, longer than the limit of 1024");
  // White space counts: the limit is on the text as written.
  CHECK(read_type(std::string(kMaxTypeTextBytes - 3, ' ') + "int").type == Type::int64());
  CHECK(read_type(std::string(kMaxTypeTextBytes - 2, ' ') + "int").limit_problem ==
        "type of 1025 bytes, longer than the limit of 1024");
}

TEST_CASE("a text that is simply not a type has no limit problem") {
  const TypeReading reading = read_type("list(foo)");
  CHECK_FALSE(reading.type.has_value());
  CHECK(reading.limit_problem.empty());
}
