#include "cel/common/value_ops.hpp"

#include <cmath>
#include <functional>
#include <string_view>

namespace rollgate::cel::detail {

namespace {

// 2^63 and 2^64 as doubles: exact powers of two, so comparisons against them
// are exact.
constexpr double kTwo63 = 9223372036854775808.0;
constexpr double kTwo64 = 18446744073709551616.0;

std::partial_ordering to_partial(std::strong_ordering o) { return o; }

template <typename T>
std::partial_ordering compare_plain(const T& a, const T& b) {
  return to_partial(a <=> b);
}

std::partial_ordering compare_numbers(const Value& a, const Value& b) {
  using K = Value::Kind;
  switch (a.kind()) {
    case K::Int:
      if (b.kind() == K::Int) return compare_plain(a.as_int(), b.as_int());
      if (b.kind() == K::Uint) return compare_int_uint(a.as_int(), b.as_uint());
      return compare_int_double(a.as_int(), b.as_double());
    case K::Uint:
      if (b.kind() == K::Uint) return compare_plain(a.as_uint(), b.as_uint());
      if (b.kind() == K::Int)
        return 0 <=> compare_int_uint(b.as_int(), a.as_uint());
      return compare_uint_double(a.as_uint(), b.as_double());
    default:
      if (b.kind() == K::Double) return a.as_double() <=> b.as_double();
      if (b.kind() == K::Int)
        return 0 <=> compare_int_double(b.as_int(), a.as_double());
      return 0 <=> compare_uint_double(b.as_uint(), a.as_double());
  }
}

bool lists_equal(const ValueList& a, const ValueList& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!values_equal(a[i], b[i])) return false;
  return true;
}

bool maps_equal(const Value& a, const Value& b) {
  if (a.as_map().size() != b.as_map().size()) return false;
  for (const auto& [key, value] : a.as_map()) {
    const Value* other = b.find(key);
    if (other == nullptr || !values_equal(value, *other)) return false;
  }
  return true;
}

}  // namespace

bool is_numeric(Value::Kind kind) {
  return kind == Value::Kind::Int || kind == Value::Kind::Uint ||
         kind == Value::Kind::Double;
}

std::strong_ordering compare_int_uint(int64_t i, uint64_t u) {
  if (i < 0) return std::strong_ordering::less;
  return static_cast<uint64_t>(i) <=> u;
}

std::partial_ordering compare_int_double(int64_t i, double d) {
  if (std::isnan(d)) return std::partial_ordering::unordered;
  if (d >= kTwo63) return std::partial_ordering::less;
  if (d < -kTwo63) return std::partial_ordering::greater;
  // d is now within int64's range, so its integral part converts exactly;
  // any fractional part decides a tie.
  const double whole = std::trunc(d);
  const auto w = static_cast<int64_t>(whole);
  if (i != w) return to_partial(i <=> w);
  return 0.0 <=> (d - whole);
}

std::partial_ordering compare_uint_double(uint64_t u, double d) {
  if (std::isnan(d)) return std::partial_ordering::unordered;
  if (d >= kTwo64) return std::partial_ordering::less;
  if (d < 0) return std::partial_ordering::greater;
  const double whole = std::trunc(d);
  const auto w = static_cast<uint64_t>(whole);
  if (u != w) return to_partial(u <=> w);
  return 0.0 <=> (d - whole);
}

std::partial_ordering compare_values(const Value& a, const Value& b) {
  using K = Value::Kind;
  if (is_numeric(a.kind()) && is_numeric(b.kind()))
    return compare_numbers(a, b);
  if (a.kind() != b.kind()) return std::partial_ordering::unordered;
  switch (a.kind()) {
    case K::Bool: return compare_plain(a.as_bool(), b.as_bool());
    case K::String:
    case K::Bytes:
      // Byte-wise comparison orders UTF-8 text by code point.
      return to_partial(std::string_view(a.as_string()) <=>
                        std::string_view(b.as_string()));
    case K::Timestamp:
      return compare_plain(a.as_timestamp(), b.as_timestamp());
    case K::Duration: return compare_plain(a.as_duration(), b.as_duration());
    default: return std::partial_ordering::unordered;
  }
}

bool values_equal(const Value& a, const Value& b) {
  using K = Value::Kind;
  if (is_numeric(a.kind()) && is_numeric(b.kind()))
    return compare_numbers(a, b) == std::partial_ordering::equivalent;
  if (a.kind() != b.kind()) return false;
  if (a.is_optional()) {  // none == none; of(x) == of(y) when x == y
    if (!a.has_optional_value() || !b.has_optional_value())
      return a.has_optional_value() == b.has_optional_value();
    return values_equal(a.optional_value(), b.optional_value());
  }
  switch (a.kind()) {
    case K::Null: return true;
    case K::Bool: return a.as_bool() == b.as_bool();
    case K::String:
    case K::Bytes: return a.as_string() == b.as_string();
    case K::Timestamp: return a.as_timestamp() == b.as_timestamp();
    case K::Duration: return a.as_duration() == b.as_duration();
    case K::List: return lists_equal(a.as_list(), b.as_list());
    case K::Map: return maps_equal(a, b);
    case K::Type: return a.as_type() == b.as_type();
    default: return false;  // errors and unknowns never compare equal
  }
}

size_t key_hash(const Value& key) {
  using K = Value::Kind;
  switch (key.kind()) {
    case K::Bool: return key.as_bool() ? 0x9e3779b1u : 0x7f4a7c15u;
    case K::Int: return std::hash<int64_t>{}(key.as_int());
    case K::Uint: {
      // Unsigned values within int64's range hash as the equal int does.
      const uint64_t u = key.as_uint();
      if (u <= static_cast<uint64_t>(INT64_MAX))
        return std::hash<int64_t>{}(static_cast<int64_t>(u));
      return std::hash<uint64_t>{}(u);
    }
    case K::Double: {
      const double d = key.as_double();
      if (d == std::trunc(d) && d >= -kTwo63 && d < kTwo63)
        return std::hash<int64_t>{}(static_cast<int64_t>(d));
      if (d == std::trunc(d) && d >= 0 && d < kTwo64)
        return std::hash<uint64_t>{}(static_cast<uint64_t>(d));
      return std::hash<double>{}(d);
    }
    case K::String:
    case K::Bytes: return std::hash<std::string_view>{}(key.as_string());
    default: return 0;
  }
}

}  // namespace rollgate::cel::detail
