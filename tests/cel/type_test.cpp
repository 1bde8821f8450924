// Type: factories, CEL spelling and parse_type.
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
