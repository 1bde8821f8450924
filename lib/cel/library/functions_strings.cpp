// String functions of the standard library.
#include "cel/library/overloads.hpp"
#include "cel/library/regex.hpp"

namespace rollgate::cel::detail {

namespace {

Value contains(std::span<const Value> a) {
  return Value::boolean(a[0].as_string().find(a[1].as_string()) !=
                        std::string::npos);
}
Value starts_with(std::span<const Value> a) {
  return Value::boolean(a[0].as_string().starts_with(a[1].as_string()));
}
Value ends_with(std::span<const Value> a) {
  return Value::boolean(a[0].as_string().ends_with(a[1].as_string()));
}

Value matches(std::span<const Value> a) {
  return regex_search(a[0].as_string(), a[1].as_string());
}

}  // namespace

void register_strings(FunctionRegistry& r) {
  const Type s = Type::string(), b = Type::boolean();
  r.add("contains", Overload{"contains_string", {s, s}, b, true, contains});
  r.add("startsWith", Overload{"starts_with_string", {s, s}, b, true, starts_with});
  r.add("endsWith", Overload{"ends_with_string", {s, s}, b, true, ends_with});
  r.add_both("matches", Overload{"matches_string", {s, s}, b, false, matches});
}

}  // namespace rollgate::cel::detail
