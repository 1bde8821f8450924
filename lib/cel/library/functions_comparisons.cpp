// Equality, ordering and the logical operators.  The logical operators and
// the conditional are declared here for the checker only: the evaluator
// implements them itself because they are not strict.
#include "cel/library/overloads.hpp"
#include "cel/common/value_ops.hpp"

namespace rollgate::cel::detail {

namespace {

Value equals(std::span<const Value> a) {
  return Value::boolean(values_equal(a[0], a[1]));
}
Value not_equals(std::span<const Value> a) {
  return Value::boolean(!values_equal(a[0], a[1]));
}

// NaN compares false with everything, as `unordered` does.
Value less(std::span<const Value> a) {
  return Value::boolean(compare_values(a[0], a[1]) < 0);
}
Value less_equal(std::span<const Value> a) {
  return Value::boolean(compare_values(a[0], a[1]) <= 0);
}
Value greater(std::span<const Value> a) {
  return Value::boolean(compare_values(a[0], a[1]) > 0);
}
Value greater_equal(std::span<const Value> a) {
  return Value::boolean(compare_values(a[0], a[1]) >= 0);
}

Value logical_not(std::span<const Value> a) {
  return Value::boolean(!a[0].as_bool());
}

struct OrderingOp {
  std::string_view function;
  std::string_view id_prefix;
  FunctionImpl impl;
};

// Every ordering operator over every ordered type, plus the mixed numeric
// pairs (CEL's heterogeneous numeric ordering).
void register_ordering(FunctionRegistry& r, const OrderingOp& op) {
  struct Operand {
    std::string_view name;
    Type type;
  };
  const Operand same[] = {
      {"bool", Type::boolean()},     {"int64", Type::int64()},
      {"uint64", Type::uint64()},    {"double", Type::double_type()},
      {"string", Type::string()},    {"bytes", Type::bytes()},
      {"timestamp", Type::timestamp()}, {"duration", Type::duration()}};
  for (const Operand& o : same)
    r.add(op.function, Overload{std::string(op.id_prefix) + "_" + std::string(o.name),
                                {o.type, o.type}, Type::boolean(), false, op.impl});
  const Operand numbers[] = {{"int64", Type::int64()},
                             {"uint64", Type::uint64()},
                             {"double", Type::double_type()}};
  for (const Operand& x : numbers)
    for (const Operand& y : numbers)
      if (x.name != y.name)
        r.add(op.function,
              Overload{std::string(op.id_prefix) + "_" + std::string(x.name) +
                           "_" + std::string(y.name),
                       {x.type, y.type}, Type::boolean(), false, op.impl});
}

}  // namespace

void register_comparisons(FunctionRegistry& r) {
  const Type b = Type::boolean();
  r.add("_==_", Overload{"equals", {type_a(), type_a()}, b, false, equals});
  r.add("_!=_", Overload{"not_equals", {type_a(), type_a()}, b, false, not_equals});
  register_ordering(r, {"_<_", "less", less});
  register_ordering(r, {"_<=_", "less_equals", less_equal});
  register_ordering(r, {"_>_", "greater", greater});
  register_ordering(r, {"_>=_", "greater_equals", greater_equal});

  r.add("!_", Overload{"logical_not", {b}, b, false, logical_not});
  r.add("_&&_", Overload{"logical_and", {b, b}, b, false, nullptr});
  r.add("_||_", Overload{"logical_or", {b, b}, b, false, nullptr});
  r.add("_?_:_", Overload{"conditional", {b, type_a(), type_a()}, type_a(),
                          false, nullptr});
  r.add("@not_strictly_false",
        Overload{"not_strictly_false", {b}, b, false, nullptr});
}

}  // namespace rollgate::cel::detail
