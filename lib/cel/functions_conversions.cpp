// Type conversions: int() uint() double() string() bytes() bool()
// timestamp() duration() dyn() type().
#include "cel/overloads.hpp"

namespace rollgate::cel::detail {

namespace {

Value identity(std::span<const Value> a) { return a[0]; }

}  // namespace

void register_conversions(FunctionRegistry& r) {
  r.add("dyn", Overload{"to_dyn", {type_a()}, Type::dyn(), false, identity});
}

}  // namespace rollgate::cel::detail
