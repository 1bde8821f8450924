// Type conversions: int() uint() double() string() bytes() bool()
// timestamp() duration() dyn() type().  Conversions that leave the target's
// range are errors, as CEL requires.
#include <charconv>
#include <cmath>

#include "cel/common/civil_time.hpp"
#include "cel/common/number_format.hpp"
#include "cel/library/overloads.hpp"
#include "cel/common/type_names.hpp"
#include "text/utf8.hpp"

namespace rollgate::cel::detail {

namespace {

constexpr double kTwo63 = 9223372036854775808.0;
constexpr double kTwo64 = 18446744073709551616.0;

Value range_error(std::string_view what) {
  return Value::error("range error converting " + std::string(what));
}

Value identity(std::span<const Value> a) { return a[0]; }

// ---------------------------------------------------------------- int()
Value int_from_uint(std::span<const Value> a) {
  if (a[0].as_uint() > static_cast<uint64_t>(INT64_MAX))
    return range_error("uint to int");
  return Value::int64(static_cast<int64_t>(a[0].as_uint()));
}
Value int_from_double(std::span<const Value> a) {
  const double d = a[0].as_double();
  // Both ends exclusive: -2^63 itself is rejected, as cel-go does.
  if (!(d > -kTwo63 && d < kTwo63)) return range_error("double to int");
  return Value::int64(static_cast<int64_t>(d));
}
Value int_from_string(std::span<const Value> a) {
  const std::string& s = a[0].as_string();
  std::string_view digits = s;
  if (digits.starts_with("+")) digits.remove_prefix(1);
  int64_t value = 0;
  const auto [end, ec] =
      std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size())
    return Value::error("cannot convert string '" + s + "' to int");
  return Value::int64(value);
}
Value int_from_timestamp(std::span<const Value> a) {
  return Value::int64(a[0].as_timestamp().seconds);
}

// ---------------------------------------------------------------- uint()
Value uint_from_int(std::span<const Value> a) {
  if (a[0].as_int() < 0) return range_error("int to uint");
  return Value::uint64(static_cast<uint64_t>(a[0].as_int()));
}
Value uint_from_double(std::span<const Value> a) {
  const double d = a[0].as_double();
  if (!(d >= 0 && d < kTwo64)) return range_error("double to uint");
  return Value::uint64(static_cast<uint64_t>(d));
}
Value uint_from_string(std::span<const Value> a) {
  const std::string& s = a[0].as_string();
  uint64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size())
    return Value::error("cannot convert string '" + s + "' to uint");
  return Value::uint64(value);
}

// ---------------------------------------------------------------- double()
Value double_from_int(std::span<const Value> a) {
  return Value::double_value(static_cast<double>(a[0].as_int()));
}
Value double_from_uint(std::span<const Value> a) {
  return Value::double_value(static_cast<double>(a[0].as_uint()));
}
Value double_from_string(std::span<const Value> a) {
  const auto d = parse_double(a[0].as_string());
  if (!d) return Value::error("cannot convert string '" + a[0].as_string() + "' to double");
  return Value::double_value(*d);
}

// ---------------------------------------------------------------- string()
Value string_from_int(std::span<const Value> a) {
  return Value::string(std::to_string(a[0].as_int()));
}
Value string_from_uint(std::span<const Value> a) {
  return Value::string(std::to_string(a[0].as_uint()));
}
Value string_from_double(std::span<const Value> a) {
  return Value::string(format_double_g(a[0].as_double()));
}
Value string_from_bool(std::span<const Value> a) {
  return Value::string(a[0].as_bool() ? "true" : "false");
}
Value string_from_bytes(std::span<const Value> a) {
  if (!text::is_valid_utf8(a[0].as_string()))
    return Value::error("invalid UTF-8 in bytes, cannot convert to string");
  return Value::string(a[0].as_string());
}
Value string_from_timestamp(std::span<const Value> a) {
  return Value::string(format_timestamp(a[0].as_timestamp()));
}
Value string_from_duration(std::span<const Value> a) {
  return Value::string(format_duration(a[0].as_duration()));
}

// ---------------------------------------------------------------- others
Value bytes_from_string(std::span<const Value> a) {
  return Value::bytes(a[0].as_string());
}

// The spellings Go's strconv.ParseBool accepts.
Value bool_from_string(std::span<const Value> a) {
  const std::string& s = a[0].as_string();
  if (s == "1" || s == "t" || s == "T" || s == "true" || s == "TRUE" || s == "True")
    return Value::boolean(true);
  if (s == "0" || s == "f" || s == "F" || s == "false" || s == "FALSE" || s == "False")
    return Value::boolean(false);
  return Value::error("Type conversion error: cannot convert string '" + s +
                      "' to bool");
}

Value timestamp_from_string(std::span<const Value> a) {
  const auto t = parse_timestamp(a[0].as_string());
  if (!t)
    return Value::error("cannot parse timestamp '" + a[0].as_string() +
                        "' (RFC 3339 within years 0001 to 9999 expected; range)");
  return Value::timestamp(*t);
}
Value timestamp_from_int(std::span<const Value> a) {
  const Timestamp t{a[0].as_int(), 0};
  if (!timestamp_in_range(t)) return range_error("int to timestamp");
  return Value::timestamp(t);
}
Value duration_from_string(std::span<const Value> a) {
  const auto d = parse_duration(a[0].as_string());
  if (!d)
    return Value::error("cannot parse duration '" + a[0].as_string() +
                        "' (malformed or out of range)");
  return Value::duration(*d);
}

Value type_of(std::span<const Value> a) {
  return Value::type_value(runtime_type(a[0]));
}

void unary(FunctionRegistry& r, std::string_view fn, const char* id, Type from,
           Type to, FunctionImpl impl) {
  r.add(fn, Overload{id, {std::move(from)}, std::move(to), false, impl});
}

}  // namespace

void register_conversions(FunctionRegistry& r) {
  const Type i = Type::int64(), u = Type::uint64(), d = Type::double_type();
  const Type s = Type::string(), b = Type::bytes(), bo = Type::boolean();
  const Type ts = Type::timestamp(), du = Type::duration();

  unary(r, "int", "int64_to_int64", i, i, identity);
  unary(r, "int", "uint64_to_int64", u, i, int_from_uint);
  unary(r, "int", "double_to_int64", d, i, int_from_double);
  unary(r, "int", "string_to_int64", s, i, int_from_string);
  unary(r, "int", "timestamp_to_int64", ts, i, int_from_timestamp);

  unary(r, "uint", "uint64_to_uint64", u, u, identity);
  unary(r, "uint", "int64_to_uint64", i, u, uint_from_int);
  unary(r, "uint", "double_to_uint64", d, u, uint_from_double);
  unary(r, "uint", "string_to_uint64", s, u, uint_from_string);

  unary(r, "double", "double_to_double", d, d, identity);
  unary(r, "double", "int64_to_double", i, d, double_from_int);
  unary(r, "double", "uint64_to_double", u, d, double_from_uint);
  unary(r, "double", "string_to_double", s, d, double_from_string);

  unary(r, "string", "string_to_string", s, s, identity);
  unary(r, "string", "int64_to_string", i, s, string_from_int);
  unary(r, "string", "uint64_to_string", u, s, string_from_uint);
  unary(r, "string", "double_to_string", d, s, string_from_double);
  unary(r, "string", "bool_to_string", bo, s, string_from_bool);
  unary(r, "string", "bytes_to_string", b, s, string_from_bytes);
  unary(r, "string", "timestamp_to_string", ts, s, string_from_timestamp);
  unary(r, "string", "duration_to_string", du, s, string_from_duration);

  unary(r, "bytes", "bytes_to_bytes", b, b, identity);
  unary(r, "bytes", "string_to_bytes", s, b, bytes_from_string);

  unary(r, "bool", "bool_to_bool", bo, bo, identity);
  unary(r, "bool", "string_to_bool", s, bo, bool_from_string);

  unary(r, "timestamp", "timestamp_to_timestamp", ts, ts, identity);
  unary(r, "timestamp", "string_to_timestamp", s, ts, timestamp_from_string);
  unary(r, "timestamp", "int64_to_timestamp", i, ts, timestamp_from_int);

  unary(r, "duration", "duration_to_duration", du, du, identity);
  unary(r, "duration", "string_to_duration", s, du, duration_from_string);

  unary(r, "dyn", "to_dyn", type_a(), Type::dyn(), identity);
  unary(r, "type", "type", type_a(), Type::type_type(), type_of);
}

}  // namespace rollgate::cel::detail
