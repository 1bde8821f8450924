// + - * / % and unary minus on numbers, strings, bytes, lists, timestamps
// and durations.  Integer arithmetic is checked: CEL reports overflow and
// division by zero as errors instead of wrapping.
#include <cstdint>
#include <limits>

#include "cel/common/civil_time.hpp"
#include "cel/library/overloads.hpp"

namespace rollgate::cel::detail {

namespace {

Value overflow() { return Value::error("integer overflow"); }

Value add_int(std::span<const Value> a) {
  int64_t r = 0;
  if (__builtin_add_overflow(a[0].as_int(), a[1].as_int(), &r)) return overflow();
  return Value::int64(r);
}
Value sub_int(std::span<const Value> a) {
  int64_t r = 0;
  if (__builtin_sub_overflow(a[0].as_int(), a[1].as_int(), &r)) return overflow();
  return Value::int64(r);
}
Value mul_int(std::span<const Value> a) {
  int64_t r = 0;
  if (__builtin_mul_overflow(a[0].as_int(), a[1].as_int(), &r)) return overflow();
  return Value::int64(r);
}
Value div_int(std::span<const Value> a) {
  const int64_t x = a[0].as_int(), y = a[1].as_int();
  if (y == 0) return Value::error("division by zero");
  if (x == std::numeric_limits<int64_t>::min() && y == -1) return overflow();
  return Value::int64(x / y);
}
Value mod_int(std::span<const Value> a) {
  const int64_t x = a[0].as_int(), y = a[1].as_int();
  if (y == 0) return Value::error("modulus by zero");
  if (x == std::numeric_limits<int64_t>::min() && y == -1) return overflow();
  return Value::int64(x % y);
}
Value neg_int(std::span<const Value> a) {
  if (a[0].as_int() == std::numeric_limits<int64_t>::min()) return overflow();
  return Value::int64(-a[0].as_int());
}

Value add_uint(std::span<const Value> a) {
  uint64_t r = 0;
  if (__builtin_add_overflow(a[0].as_uint(), a[1].as_uint(), &r)) return overflow();
  return Value::uint64(r);
}
Value sub_uint(std::span<const Value> a) {
  uint64_t r = 0;
  if (__builtin_sub_overflow(a[0].as_uint(), a[1].as_uint(), &r)) return overflow();
  return Value::uint64(r);
}
Value mul_uint(std::span<const Value> a) {
  uint64_t r = 0;
  if (__builtin_mul_overflow(a[0].as_uint(), a[1].as_uint(), &r)) return overflow();
  return Value::uint64(r);
}
Value div_uint(std::span<const Value> a) {
  if (a[1].as_uint() == 0) return Value::error("division by zero");
  return Value::uint64(a[0].as_uint() / a[1].as_uint());
}
Value mod_uint(std::span<const Value> a) {
  if (a[1].as_uint() == 0) return Value::error("modulus by zero");
  return Value::uint64(a[0].as_uint() % a[1].as_uint());
}

// Doubles follow IEEE 754: 1.0 / 0.0 is +Inf, 0.0 / 0.0 is NaN.
Value add_double(std::span<const Value> a) {
  return Value::double_value(a[0].as_double() + a[1].as_double());
}
Value sub_double(std::span<const Value> a) {
  return Value::double_value(a[0].as_double() - a[1].as_double());
}
Value mul_double(std::span<const Value> a) {
  return Value::double_value(a[0].as_double() * a[1].as_double());
}
Value div_double(std::span<const Value> a) {
  return Value::double_value(a[0].as_double() / a[1].as_double());
}
Value neg_double(std::span<const Value> a) {
  return Value::double_value(-a[0].as_double());
}

Value concat_string(std::span<const Value> a) {
  return Value::string(a[0].as_string() + a[1].as_string());
}
Value concat_bytes(std::span<const Value> a) {
  return Value::bytes(a[0].as_string() + a[1].as_string());
}
Value concat_list(std::span<const Value> a) {
  const ValueList& x = a[0].as_list();
  const ValueList& y = a[1].as_list();
  if (y.empty()) return a[0];
  if (x.empty()) return a[1];
  ValueList out;
  out.reserve(x.size() + y.size());
  out.insert(out.end(), x.begin(), x.end());
  out.insert(out.end(), y.begin(), y.end());
  return Value::list(std::move(out));
}

Value time_overflow() { return Value::error("timestamp or duration overflow"); }

template <typename T>
Value time_result(const std::optional<T>& r) {
  if (!r) return time_overflow();
  if constexpr (std::is_same_v<T, Timestamp>) return Value::timestamp(*r);
  else return Value::duration(*r);
}

Value add_ts_dur(std::span<const Value> a) {
  return time_result(add_duration(a[0].as_timestamp(), a[1].as_duration()));
}
Value add_dur_ts(std::span<const Value> a) {
  return time_result(add_duration(a[1].as_timestamp(), a[0].as_duration()));
}
Value add_dur_dur(std::span<const Value> a) {
  return time_result(add_durations(a[0].as_duration(), a[1].as_duration()));
}
Value sub_ts_ts(std::span<const Value> a) {
  return time_result(
      timestamp_difference(a[0].as_timestamp(), a[1].as_timestamp()));
}
Value sub_ts_dur(std::span<const Value> a) {
  return time_result(subtract_duration(a[0].as_timestamp(), a[1].as_duration()));
}
Value sub_dur_dur(std::span<const Value> a) {
  return time_result(subtract_durations(a[0].as_duration(), a[1].as_duration()));
}

void binary(FunctionRegistry& r, std::string_view fn, const char* id, Type a,
            Type b, Type result, FunctionImpl impl) {
  r.add(fn, Overload{id, {std::move(a), std::move(b)}, std::move(result), false,
                     impl});
}

}  // namespace

void register_arithmetic(FunctionRegistry& r) {
  const Type i = Type::int64(), u = Type::uint64(), d = Type::double_type();
  const Type s = Type::string(), b = Type::bytes();
  const Type ts = Type::timestamp(), du = Type::duration();
  const Type la = Type::list(type_a());

  binary(r, "_+_", "add_int64", i, i, i, add_int);
  binary(r, "_+_", "add_uint64", u, u, u, add_uint);
  binary(r, "_+_", "add_double", d, d, d, add_double);
  binary(r, "_+_", "add_string", s, s, s, concat_string);
  binary(r, "_+_", "add_bytes", b, b, b, concat_bytes);
  binary(r, "_+_", "add_list", la, la, la, concat_list);
  binary(r, "_+_", "add_timestamp_duration", ts, du, ts, add_ts_dur);
  binary(r, "_+_", "add_duration_timestamp", du, ts, ts, add_dur_ts);
  binary(r, "_+_", "add_duration_duration", du, du, du, add_dur_dur);

  binary(r, "_-_", "subtract_int64", i, i, i, sub_int);
  binary(r, "_-_", "subtract_uint64", u, u, u, sub_uint);
  binary(r, "_-_", "subtract_double", d, d, d, sub_double);
  binary(r, "_-_", "subtract_timestamp_timestamp", ts, ts, du, sub_ts_ts);
  binary(r, "_-_", "subtract_timestamp_duration", ts, du, ts, sub_ts_dur);
  binary(r, "_-_", "subtract_duration_duration", du, du, du, sub_dur_dur);

  binary(r, "_*_", "multiply_int64", i, i, i, mul_int);
  binary(r, "_*_", "multiply_uint64", u, u, u, mul_uint);
  binary(r, "_*_", "multiply_double", d, d, d, mul_double);

  binary(r, "_/_", "divide_int64", i, i, i, div_int);
  binary(r, "_/_", "divide_uint64", u, u, u, div_uint);
  binary(r, "_/_", "divide_double", d, d, d, div_double);

  binary(r, "_%_", "modulo_int64", i, i, i, mod_int);
  binary(r, "_%_", "modulo_uint64", u, u, u, mod_uint);

  r.add("-_", Overload{"negate_int64", {i}, i, false, neg_int});
  r.add("-_", Overload{"negate_double", {d}, d, false, neg_double});
}

}  // namespace rollgate::cel::detail
