// Optional values (cel-go's optional library): optional.of / none /
// ofNonZeroValue, hasValue(), value(), or(), orValue(), and the types of
// optional indexing x[?i].  `or` and `orValue` only evaluate their argument
// when the receiver is empty: the planner gives them a node of their own
// (OptionalOrNode), so the implementations here serve unchecked dispatch.
#include "cel/library/overloads.hpp"

namespace rollgate::cel::detail {

namespace {

// 0001-01-01T00:00:00Z, the zero time of cel-go (Go's time.Time{}).
constexpr int64_t kZeroTimestampSeconds = -62135596800;

bool is_zero_value(const Value& v) {
  if (v.is_optional()) return false;
  switch (v.kind()) {
    case Value::Kind::Null: return true;
    case Value::Kind::Bool: return !v.as_bool();
    case Value::Kind::Int: return v.as_int() == 0;
    case Value::Kind::Uint: return v.as_uint() == 0;
    case Value::Kind::Double: return v.as_double() == 0.0;
    case Value::Kind::String:
    case Value::Kind::Bytes: return v.as_string().empty();
    case Value::Kind::List: return v.as_list().empty();
    case Value::Kind::Map: return v.as_map().empty();
    case Value::Kind::Duration: return v.as_duration() == Duration{};
    case Value::Kind::Timestamp:
      return v.as_timestamp() == Timestamp{kZeroTimestampSeconds, 0};
    default: return false;
  }
}

Value of(std::span<const Value> a) { return Value::optional_of(a[0]); }
Value none(std::span<const Value>) { return Value::optional_none(); }
Value of_non_zero(std::span<const Value> a) {
  return is_zero_value(a[0]) ? Value::optional_none() : Value::optional_of(a[0]);
}
Value has_value(std::span<const Value> a) {
  return Value::boolean(a[0].has_optional_value());
}
Value value(std::span<const Value> a) {
  if (!a[0].has_optional_value()) return Value::error("optional.none() dereference");
  return a[0].optional_value();
}
Value or_optional(std::span<const Value> a) {
  return a[0].has_optional_value() ? a[0] : a[1];
}
Value or_value(std::span<const Value> a) {
  return a[0].has_optional_value() ? a[0].optional_value() : a[1];
}

}  // namespace

void register_optional(FunctionRegistry& r) {
  const Type oa = Type::optional(type_a());
  r.add("optional.of", Overload{"optional_of", {type_a()}, oa, false, of});
  r.add("optional.none", Overload{"optional_none", {}, oa, false, none});
  r.add("optional.ofNonZeroValue",
        Overload{"optional_ofNonZeroValue", {type_a()}, oa, false, of_non_zero});
  r.add("hasValue", Overload{"optional_hasValue", {oa}, Type::boolean(), true, has_value});
  r.add("value", Overload{"optional_value", {oa}, type_a(), true, value});
  r.add("or", Overload{"optional_or_optional", {oa, oa}, oa, true, or_optional});
  r.add("orValue", Overload{"optional_orValue_value", {oa, type_a()}, type_a(), true, or_value});

  // Indexing is evaluated by IndexNode; these declare its types.  x[?i]
  // and x[i] on an optional x are optional.
  const Type i = Type::int64();
  const Type la = Type::list(type_a());
  const Type mab = Type::map(type_a(), type_b());
  const Type ob = Type::optional(type_b());
  r.add("_[?_]", Overload{"list_optindex_optional_int", {la, i}, oa, false, nullptr});
  r.add("_[?_]", Overload{"map_optindex_optional_value", {mab, type_a()}, ob, false, nullptr});
  r.add("_[?_]", Overload{"optional_list_optindex_optional_int",
                          {Type::optional(la), i}, oa, false, nullptr});
  r.add("_[?_]", Overload{"optional_map_optindex_optional_value",
                          {Type::optional(mab), type_a()}, ob, false, nullptr});
  r.add("_[_]", Overload{"optional_list_index_int", {Type::optional(la), i}, oa, false, nullptr});
  r.add("_[_]", Overload{"optional_map_index_value",
                         {Type::optional(mab), type_a()}, ob, false, nullptr});
}

}  // namespace rollgate::cel::detail
