// Whether a fact changed between two evaluations (incremental evaluation):
// identical values, compared structurally, never through their text.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "engine/identical_values.hpp"

using rollgate::cel::Value;
using rollgate::engine::identical_values;

TEST_CASE("values of the same kind and content are identical, whatever their size") {
  CHECK(identical_values(Value::string(std::string(1'000'000, 'x')), Value::string(std::string(1'000'000, 'x'))));
  CHECK_FALSE(identical_values(Value::string(std::string(1'000'000, 'x')), Value::string(std::string(999'999, 'x'))));
  CHECK(identical_values(Value::list({Value::int64(1), Value::string("a")}),
                         Value::list({Value::int64(1), Value::string("a")})));
  CHECK_FALSE(identical_values(Value::list({Value::int64(1)}), Value::list({Value::int64(2)})));
  CHECK(identical_values(Value::null(), Value::null()));
}

TEST_CASE("values CEL calls equal but a report writes apart are not identical") {
  // 1, 1u and 1.0 are equal in CEL and written differently.
  CHECK_FALSE(identical_values(Value::int64(1), Value::uint64(1)));
  CHECK_FALSE(identical_values(Value::int64(1), Value::double_value(1.0)));
  CHECK_FALSE(identical_values(Value::string("a"), Value::bytes("a")));
  // -0.0 == 0.0 in CEL; the report writes "-0".
  CHECK_FALSE(identical_values(Value::double_value(-0.0), Value::double_value(0.0)));
  // Maps compare entry by entry in their order, the order the report uses.
  CHECK_FALSE(identical_values(Value::map({{Value::string("a"), Value::int64(1)}, {Value::string("b"), Value::int64(2)}}),
                               Value::map({{Value::string("b"), Value::int64(2)}, {Value::string("a"), Value::int64(1)}})));
}

TEST_CASE("NaN is identical to itself though CEL's equality says it is not") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(identical_values(Value::double_value(nan), Value::double_value(nan)));
  CHECK(identical_values(Value::list({Value::double_value(nan)}), Value::list({Value::double_value(nan)})));
}

TEST_CASE("deeply nested values are compared without recursion") {
  Value a = Value::int64(1);
  Value b = Value::int64(1);
  for (int i = 0; i < 5'000; ++i) {
    a = Value::list({a});
    b = Value::list({b});
  }
  CHECK(identical_values(a, b));
  CHECK_FALSE(identical_values(a, Value::list({b})));
}
