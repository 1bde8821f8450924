// The math extension (cel-go's ext.Math): math.greatest / math.least,
// rounding, abs and sign, floating-point classification and bit operations.
#include <cmath>
#include <limits>

#include "cel/library/overloads.hpp"
#include "cel/common/value_ops.hpp"

namespace rollgate::cel::detail {

namespace {

// ---------------------------------------------------------------- greatest / least

// The extreme of numeric values of any kinds, compared exactly; the value
// keeps its own kind.  `sign` is 1 for greatest, -1 for least.
Value extreme(std::span<const Value> values, int sign) {
  if (values.empty()) return Value::error("math.greatest/least of an empty list");
  const Value* best = nullptr;
  for (const Value& v : values) {
    if (!is_numeric(v.kind()))
      return Value::error("no such overload: math.greatest/least of a non-number");
    if (best == nullptr) {
      best = &v;
      continue;
    }
    const auto order = compare_values(v, *best);
    if ((sign > 0 && order > 0) || (sign < 0 && order < 0)) best = &v;
  }
  return *best;
}

Value greatest(std::span<const Value> a) { return extreme(a, 1); }
Value least(std::span<const Value> a) { return extreme(a, -1); }
Value greatest_list(std::span<const Value> a) { return extreme(a[0].as_list(), 1); }
Value least_list(std::span<const Value> a) { return extreme(a[0].as_list(), -1); }

void register_extreme(FunctionRegistry& r, std::string_view name, FunctionImpl of_args,
                      FunctionImpl of_list) {
  const Type numbers[] = {Type::int64(), Type::uint64(), Type::double_type()};
  const std::string id(name.substr(5));  // without "math."
  for (const Type& t : numbers) {
    r.add(name, Overload{id + "_" + t.to_string(), {t}, t, false, of_args});
    r.add(name, Overload{id + "_list_" + t.to_string(), {Type::list(t)}, t, false, of_list});
    for (const Type& u : numbers) {
      const Type result = t == u ? t : Type::dyn();
      r.add(name, Overload{id + "_" + t.to_string() + "_" + u.to_string(), {t, u},
                           result, false, of_args});
    }
  }
  r.add(name, Overload{id + "_list_dyn", {Type::list(Type::dyn())}, Type::dyn(), false,
                       of_list});
}

// ---------------------------------------------------------------- doubles

template <double (*fn)(double)>
Value on_double(std::span<const Value> a) {
  return Value::double_value(fn(a[0].as_double()));
}

// Rounds half away from zero, as Go's math.Round.
double round_half_away(double d) { return std::round(d); }
double ceil_of(double d) { return std::ceil(d); }
double floor_of(double d) { return std::floor(d); }
double trunc_of(double d) { return std::trunc(d); }

Value is_nan(std::span<const Value> a) { return Value::boolean(std::isnan(a[0].as_double())); }
Value is_inf(std::span<const Value> a) { return Value::boolean(std::isinf(a[0].as_double())); }
Value is_finite(std::span<const Value> a) {
  return Value::boolean(std::isfinite(a[0].as_double()));
}

// ---------------------------------------------------------------- abs / sign

Value abs_int(std::span<const Value> a) {
  const int64_t i = a[0].as_int();
  if (i == std::numeric_limits<int64_t>::min()) return Value::error("integer overflow");
  return Value::int64(i < 0 ? -i : i);
}
Value abs_uint(std::span<const Value> a) { return a[0]; }
Value abs_double(std::span<const Value> a) {
  return Value::double_value(std::fabs(a[0].as_double()));
}
Value sign_int(std::span<const Value> a) {
  const int64_t i = a[0].as_int();
  return Value::int64(i > 0 ? 1 : (i < 0 ? -1 : 0));
}
Value sign_uint(std::span<const Value> a) { return Value::uint64(a[0].as_uint() > 0 ? 1 : 0); }
Value sign_double(std::span<const Value> a) {
  const double d = a[0].as_double();
  if (std::isnan(d)) return a[0];
  return Value::double_value(d > 0 ? 1.0 : (d < 0 ? -1.0 : 0.0));
}

// ---------------------------------------------------------------- bits

Value and_int(std::span<const Value> a) { return Value::int64(a[0].as_int() & a[1].as_int()); }
Value or_int(std::span<const Value> a) { return Value::int64(a[0].as_int() | a[1].as_int()); }
Value xor_int(std::span<const Value> a) { return Value::int64(a[0].as_int() ^ a[1].as_int()); }
Value not_int(std::span<const Value> a) { return Value::int64(~a[0].as_int()); }
Value and_uint(std::span<const Value> a) {
  return Value::uint64(a[0].as_uint() & a[1].as_uint());
}
Value or_uint(std::span<const Value> a) { return Value::uint64(a[0].as_uint() | a[1].as_uint()); }
Value xor_uint(std::span<const Value> a) {
  return Value::uint64(a[0].as_uint() ^ a[1].as_uint());
}
Value not_uint(std::span<const Value> a) { return Value::uint64(~a[0].as_uint()); }

// Shifts of 64 bits or more give 0; right shifts are logical (the sign bit
// is not copied), as in cel-go.
Value shift(std::span<const Value> a, bool left) {
  const int64_t by = a[1].as_int();
  if (by < 0) return Value::error("math.bitShift: negative shift " + std::to_string(by));
  const bool is_int = a[0].kind() == Value::Kind::Int;
  const uint64_t bits = is_int ? static_cast<uint64_t>(a[0].as_int()) : a[0].as_uint();
  const uint64_t out = by >= 64 ? 0 : (left ? bits << by : bits >> by);
  return is_int ? Value::int64(static_cast<int64_t>(out)) : Value::uint64(out);
}
Value shift_left(std::span<const Value> a) { return shift(a, true); }
Value shift_right(std::span<const Value> a) { return shift(a, false); }

}  // namespace

void register_math(FunctionRegistry& r) {
  register_extreme(r, "math.greatest", greatest, greatest_list);
  register_extreme(r, "math.least", least, least_list);

  const Type d = Type::double_type(), i = Type::int64(), u = Type::uint64();
  const Type b = Type::boolean();
  r.add("math.ceil", Overload{"ceil_double", {d}, d, false, on_double<ceil_of>});
  r.add("math.floor", Overload{"floor_double", {d}, d, false, on_double<floor_of>});
  r.add("math.round", Overload{"round_double", {d}, d, false, on_double<round_half_away>});
  r.add("math.trunc", Overload{"trunc_double", {d}, d, false, on_double<trunc_of>});
  r.add("math.isNaN", Overload{"is_nan_double", {d}, b, false, is_nan});
  r.add("math.isInf", Overload{"is_inf_double", {d}, b, false, is_inf});
  r.add("math.isFinite", Overload{"is_finite_double", {d}, b, false, is_finite});

  r.add("math.abs", Overload{"abs_int", {i}, i, false, abs_int});
  r.add("math.abs", Overload{"abs_uint", {u}, u, false, abs_uint});
  r.add("math.abs", Overload{"abs_double", {d}, d, false, abs_double});
  r.add("math.sign", Overload{"sign_int", {i}, i, false, sign_int});
  r.add("math.sign", Overload{"sign_uint", {u}, u, false, sign_uint});
  r.add("math.sign", Overload{"sign_double", {d}, d, false, sign_double});

  r.add("math.bitAnd", Overload{"bit_and_int_int", {i, i}, i, false, and_int});
  r.add("math.bitAnd", Overload{"bit_and_uint_uint", {u, u}, u, false, and_uint});
  r.add("math.bitOr", Overload{"bit_or_int_int", {i, i}, i, false, or_int});
  r.add("math.bitOr", Overload{"bit_or_uint_uint", {u, u}, u, false, or_uint});
  r.add("math.bitXor", Overload{"bit_xor_int_int", {i, i}, i, false, xor_int});
  r.add("math.bitXor", Overload{"bit_xor_uint_uint", {u, u}, u, false, xor_uint});
  r.add("math.bitNot", Overload{"bit_not_int", {i}, i, false, not_int});
  r.add("math.bitNot", Overload{"bit_not_uint", {u}, u, false, not_uint});
  r.add("math.bitShiftLeft", Overload{"bit_shift_left_int", {i, i}, i, false, shift_left});
  r.add("math.bitShiftLeft", Overload{"bit_shift_left_uint", {u, i}, u, false, shift_left});
  r.add("math.bitShiftRight", Overload{"bit_shift_right_int", {i, i}, i, false, shift_right});
  r.add("math.bitShiftRight",
        Overload{"bit_shift_right_uint", {u, i}, u, false, shift_right});
}

}  // namespace rollgate::cel::detail
