// JSON numbers as int64 / uint64: taken exactly or refused, never clamped or
// rounded (json/whole_number.hpp).
#include <doctest/doctest.h>

#include <boost/json/parse.hpp>

#include <cstdint>
#include <string>

#include "json/located_json.hpp"
#include "json/object_reader.hpp"
#include "json/whole_number.hpp"

using rollgate::json::WholeNumber;

namespace {

// As the loaders read a number: a double again from its text.
WholeNumber as_int(const std::string& text, int64_t& out) {
  return rollgate::json::to_int64(boost::json::parse(text), out, text);
}

WholeNumber as_uint(const std::string& text, uint64_t& out) {
  return rollgate::json::to_uint64(boost::json::parse(text), out, text);
}

}  // namespace

TEST_CASE("whole numbers written as integers are taken across the whole range") {
  int64_t i = 0;
  uint64_t u = 0;
  CHECK(as_int("-9223372036854775808", i) == WholeNumber::Ok);
  CHECK(i == INT64_MIN);
  CHECK(as_int("9223372036854775807", i) == WholeNumber::Ok);
  CHECK(i == INT64_MAX);
  CHECK(as_uint("18446744073709551615", u) == WholeNumber::Ok);
  CHECK(u == UINT64_MAX);
}

TEST_CASE("whole numbers beyond the range are out of range at both ends") {
  int64_t i = 7;
  uint64_t u = 7;
  CHECK(as_int("-9223372036854775809", i) == WholeNumber::OutOfRange);
  CHECK(as_int("9223372036854775808", i) == WholeNumber::OutOfRange);
  CHECK(as_int("-99999999999999999999999", i) == WholeNumber::OutOfRange);
  CHECK(i == 7);  // untouched
  CHECK(as_uint("-1", u) == WholeNumber::OutOfRange);
  CHECK(as_uint("18446744073709551616", u) == WholeNumber::OutOfRange);
  CHECK(u == 7);
}

TEST_CASE("a number with a fraction or exponent is whole, and in range, as written") {
  int64_t i = 0;
  uint64_t u = 0;
  CHECK(as_int("1e3", i) == WholeNumber::Ok);
  CHECK(i == 1000);
  CHECK(as_int("1.5e1", i) == WholeNumber::Ok);
  CHECK(i == 15);
  CHECK(as_int("1230e-1", i) == WholeNumber::Ok);
  CHECK(i == 123);
  // Boost.JSON 1.81 reads this as -9007199254740990.0; the text is exact.
  CHECK(as_int("-9007199254740991.0", i) == WholeNumber::Ok);
  CHECK(i == -9007199254740991);
  CHECK(as_int("9007199254740993.0", i) == WholeNumber::Ok);
  CHECK(i == 9007199254740993);
  CHECK(as_int("9223372036854775807.0", i) == WholeNumber::Ok);
  CHECK(i == INT64_MAX);
  CHECK(as_int("-92233720368547758.08e2", i) == WholeNumber::Ok);
  CHECK(i == INT64_MIN);
  CHECK(as_int("9223372036854775808.0", i) == WholeNumber::OutOfRange);
  CHECK(as_int("-9223372036854775808.5", i) == WholeNumber::NotWhole);
  CHECK(as_int("1e19", i) == WholeNumber::OutOfRange);
  CHECK(as_int("1e300", i) == WholeNumber::OutOfRange);
  CHECK(as_int("1e-300", i) == WholeNumber::NotWhole);
  CHECK(as_int("0.0e999", i) == WholeNumber::Ok);
  CHECK(i == 0);
  CHECK(as_int("0.5", i) == WholeNumber::NotWhole);
  CHECK(as_uint("18446744073709551615.0", u) == WholeNumber::Ok);
  CHECK(u == UINT64_MAX);
  CHECK(as_uint("1.8446744073709551616e19", u) == WholeNumber::OutOfRange);
  CHECK(as_uint("-1.0", u) == WholeNumber::OutOfRange);
  CHECK(as_uint("-0.0", u) == WholeNumber::Ok);
  CHECK(u == 0);
  CHECK(as_uint("-0.5", u) == WholeNumber::NotWhole);
  CHECK(as_int("\"1\"", i) == WholeNumber::NotANumber);
  CHECK(as_uint("true", u) == WholeNumber::NotANumber);
}

TEST_CASE("a double without its text is whole only below 2^53, where it is exact") {
  int64_t i = 0;
  uint64_t u = 0;
  CHECK(rollgate::json::to_int64(boost::json::value(-9007199254740991.0), i) == WholeNumber::Ok);
  CHECK(i == -9007199254740991);
  CHECK(rollgate::json::to_int64(boost::json::value(9007199254740992.0), i) == WholeNumber::OutOfRange);
  CHECK(rollgate::json::to_int64(boost::json::value(-9223372036854775808.0), i) == WholeNumber::OutOfRange);
  CHECK(rollgate::json::to_int64(boost::json::value(2.5), i) == WholeNumber::NotWhole);
  CHECK(rollgate::json::to_uint64(boost::json::value(4.0), u) == WholeNumber::Ok);
  CHECK(u == 4);
  CHECK(rollgate::json::to_uint64(boost::json::value(-4.0), u) == WholeNumber::OutOfRange);
}

TEST_CASE("the reason for out of range tells a range from a lost precision") {
  using rollgate::json::out_of_range_reason;
  CHECK(out_of_range_reason(boost::json::parse("-9223372036854775809"), false) ==
        "out of int range -9223372036854775808..9223372036854775807");
  CHECK(out_of_range_reason(boost::json::parse("-1"), true) == "out of uint range 0..18446744073709551615");
  CHECK(out_of_range_reason(boost::json::parse("1e16"), false).find("2^53") != std::string::npos);
  CHECK(out_of_range_reason(boost::json::parse("1e19"), true).find("2^53") != std::string::npos);
  CHECK(out_of_range_reason(boost::json::parse("1e19"), false) ==
        "out of int range -9223372036854775808..9223372036854775807");
}

TEST_CASE("an integer field of an input object follows the same rule, with kinds") {
  auto parsed = rollgate::json::parse(
      R"({"a": 5, "b": -9223372036854775809, "c": 2.5, "d": "x", "e": 1e300, "f": 11})", "f.json");
  REQUIRE(parsed.document);
  std::vector<rollgate::Diagnostic> errors;
  rollgate::json::ObjectReader reader(*parsed.document, parsed.document->root.get_object(), "", errors);
  CHECK(reader.integer("a", 1, 10) == 5);
  CHECK_FALSE(reader.integer("b", INT64_MIN, INT64_MAX));
  CHECK_FALSE(reader.integer("c", 1, 10));
  CHECK_FALSE(reader.integer("d", 1, 10));
  CHECK_FALSE(reader.integer("e", INT64_MIN, INT64_MAX));
  CHECK_FALSE(reader.integer("f", 1, 10));
  REQUIRE(errors.size() == 5);
  CHECK(errors[0].kind == "out-of-range");
  CHECK(errors[0].pointer == "/b");
  CHECK(errors[1].kind == "wrong-type");
  CHECK(errors[2].kind == "wrong-type");
  CHECK(errors[3].kind == "out-of-range");
  CHECK(errors[4].kind == "out-of-range");
  CHECK(errors[4].pointer == "/f");
}
