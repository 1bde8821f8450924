// size(), membership (`in`) and indexing on strings, bytes, lists and maps.
#include "cel/library/overloads.hpp"
#include "text/utf8.hpp"
#include "cel/common/value_ops.hpp"

namespace rollgate::cel::detail {

namespace {

Value size_string(std::span<const Value> a) {
  // CEL counts code points, not bytes.
  return Value::int64(static_cast<int64_t>(text::code_point_count(a[0].as_string())));
}
Value size_bytes(std::span<const Value> a) {
  return Value::int64(static_cast<int64_t>(a[0].as_string().size()));
}
Value size_list(std::span<const Value> a) {
  return Value::int64(static_cast<int64_t>(a[0].as_list().size()));
}
Value size_map(std::span<const Value> a) {
  return Value::int64(static_cast<int64_t>(a[0].as_map().size()));
}

Value in_list(std::span<const Value> a) {
  for (const Value& item : a[1].as_list())
    if (values_equal(a[0], item)) return Value::boolean(true);
  return Value::boolean(false);
}
Value in_map(std::span<const Value> a) {
  return Value::boolean(a[1].find(a[0]) != nullptr);
}

// The step of transformMap(): the map with one more entry.
Value map_insert(std::span<const Value> a) {
  if (a[0].find(a[1]) != nullptr)
    return Value::error("Failed with repeated key: " + a[1].debug_string());
  MapEntries entries = a[0].as_map();
  entries.emplace_back(a[1], a[2]);
  return Value::map(std::move(entries));
}

}  // namespace

void register_collections(FunctionRegistry& r) {
  const Type i = Type::int64(), b = Type::boolean();
  const Type la = Type::list(type_a());
  const Type mab = Type::map(type_a(), type_b());
  r.add_both("size", Overload{"size_string", {Type::string()}, i, false, size_string});
  r.add_both("size", Overload{"size_bytes", {Type::bytes()}, i, false, size_bytes});
  r.add_both("size", Overload{"size_list", {la}, i, false, size_list});
  r.add_both("size", Overload{"size_map", {mab}, i, false, size_map});

  r.add("@in", Overload{"in_list", {type_a(), la}, b, false, in_list});
  r.add("@in", Overload{"in_map", {type_a(), mab}, b, false, in_map});

  r.add("cel.@mapInsert", Overload{"map_insert", {mab, type_a(), type_b()}, mab,
                                   false, map_insert, nullptr, true});

  // Indexing is evaluated by the evaluator itself (it converts numeric
  // indexes across kinds); these declare its types.
  r.add("_[_]", Overload{"index_list", {la, i}, type_a(), false, nullptr});
  r.add("_[_]", Overload{"index_map", {mab, type_a()}, type_b(), false, nullptr});
}

}  // namespace rollgate::cel::detail
