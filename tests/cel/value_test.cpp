// Value: constructors, accessors, map lookup and debug text.
#include <doctest/doctest.h>

#include <cmath>

#include "cel/common/value.hpp"
#include "cel/common/value_ops.hpp"

using namespace rollgate::cel;

TEST_CASE("scalar values round-trip through their accessors") {
  CHECK(Value().kind() == Value::Kind::Null);
  CHECK(Value::null().kind() == Value::Kind::Null);
  CHECK(Value::boolean(true).as_bool());
  CHECK(Value::int64(-5).as_int() == -5);
  CHECK(Value::uint64(18446744073709551615u).as_uint() == 18446744073709551615u);
  CHECK(Value::double_value(2.5).as_double() == 2.5);
  CHECK(Value::string("héllo").as_string() == "héllo");
  CHECK(Value::bytes(std::string("\0\xff", 2)).as_string() == std::string("\0\xff", 2));
  CHECK(Value::timestamp({10, 5}).as_timestamp() == Timestamp{10, 5});
  CHECK(Value::duration({-1, -5}).as_duration() == Duration{-1, -5});
  CHECK(Value::type_value(Type::int64()).as_type() == Type::int64());
  CHECK(Value::error("bad").error_message() == "bad");
}

TEST_CASE("copies share the immutable payload") {
  const Value a = Value::list({Value::int64(1), Value::string("x")});
  const Value b = a;  // NOLINT: the copy is the point
  CHECK(&a.as_list() == &b.as_list());
  CHECK(b.as_list().size() == 2);
}

TEST_CASE("unknown slot sets are sorted and de-duplicated") {
  const Value u = Value::unknown({5, 1, 5, 3});
  CHECK(u.is_unknown());
  CHECK(u.unknown_slots() == std::vector<int>{1, 3, 5});
}

TEST_CASE("map lookup uses CEL's numeric key equality") {
  const Value m = Value::map({{Value::int64(1), Value::string("int")},
                              {Value::string("1"), Value::string("string")},
                              {Value::boolean(true), Value::string("bool")}});
  REQUIRE(m.find(Value::uint64(1)) != nullptr);
  CHECK(m.find(Value::uint64(1))->as_string() == "int");
  CHECK(m.find(Value::double_value(1.0))->as_string() == "int");
  CHECK(m.find(Value::string("1"))->as_string() == "string");
  CHECK(m.find(Value::boolean(true))->as_string() == "bool");
  CHECK(m.find(Value::double_value(1.5)) == nullptr);
  CHECK(m.find(Value::boolean(false)) == nullptr);
  CHECK(Value::int64(1).find(Value::int64(1)) == nullptr);  // not a map
}

TEST_CASE("large maps are indexed and still find numeric keys of any kind") {
  MapEntries entries;
  for (int i = 0; i < 100; ++i)
    entries.emplace_back(Value::uint64(static_cast<uint64_t>(i)), Value::int64(i * 2));
  entries.emplace_back(Value::uint64(18446744073709551615u), Value::int64(-1));
  const Value m = Value::map(std::move(entries));
  CHECK(m.find(Value::int64(42))->as_int() == 84);
  CHECK(m.find(Value::double_value(99.0))->as_int() == 198);
  CHECK(m.find(Value::uint64(18446744073709551615u))->as_int() == -1);
  CHECK(m.find(Value::double_value(18446744073709551615.0)) == nullptr);
  CHECK(m.find(Value::int64(100)) == nullptr);
  CHECK(m.find(Value::int64(-1)) == nullptr);
}

TEST_CASE("debug_string looks like CEL literals") {
  CHECK(Value::null().debug_string() == "null");
  CHECK(Value::int64(-3).debug_string() == "-3");
  CHECK(Value::uint64(3).debug_string() == "3u");
  CHECK(Value::double_value(1).debug_string() == "1.0");
  CHECK(Value::double_value(0.1).debug_string() == "0.1");
  CHECK(Value::double_value(1e300).debug_string() == "1e+300");
  CHECK(Value::double_value(std::nan("")).debug_string() == "double(\"NaN\")");
  CHECK(Value::string("a\"b\n").debug_string() == "\"a\\\"b\\n\"");
  CHECK(Value::bytes("\x01z").debug_string() == "b\"\\x01z\"");
  CHECK(Value::list({Value::int64(1), Value::boolean(false)}).debug_string() ==
        "[1, false]");
  CHECK(Value::map({{Value::string("k"), Value::int64(1)}}).debug_string() ==
        "{\"k\": 1}");
  CHECK(Value::timestamp({0, 0}).debug_string() ==
        "timestamp(\"1970-01-01T00:00:00Z\")");
  CHECK(Value::duration({90, 500000000}).debug_string() == "duration(\"90.5s\")");
  CHECK(Value::type_value(Type::list(Type::int64())).debug_string() == "list");
  CHECK(Value::error("no").debug_string() == "error(no)");
  CHECK(Value::unknown({2, 1}).debug_string() == "unknown(1, 2)");
}

TEST_CASE("ordering helpers compare int and double without rounding") {
  using rollgate::cel::detail::compare_int_double;
  using rollgate::cel::detail::compare_uint_double;
  CHECK(compare_int_double(9007199254740993, 9007199254740992.0) > 0);
  CHECK(compare_int_double(INT64_MAX, 9223372036854775808.0) < 0);
  CHECK(compare_int_double(INT64_MIN, -9223372036854775808.0) == 0);
  CHECK(compare_int_double(1, 1.5) < 0);
  CHECK(compare_int_double(-2, -1.5) < 0);
  CHECK(compare_int_double(1, std::nan("")) == std::partial_ordering::unordered);
  CHECK(compare_uint_double(UINT64_MAX, 18446744073709551616.0) < 0);
  CHECK(compare_uint_double(0, -0.5) > 0);
}

TEST_CASE("a value nested 200,000 lists and maps deep is destroyed without deep recursion") {
  // Destroyed inside its parent, each level would take stack frames: this
  // depth overflows any thread's stack that way.
  Value value = Value::int64(1);
  for (int i = 0; i < 200'000; ++i)
    value = i % 2 == 0 ? Value::list({value, Value::string("s")})
                       : Value::map({{Value::string("k"), value}});
  const Value shared = value;  // a second owner: nothing is destroyed yet
  value = Value::null();
  CHECK(shared.kind() == Value::Kind::Map);
  CHECK(shared.as_map().size() == 1);
}
