#include "cel/library/overloads.hpp"

namespace rollgate::cel::detail {

const FunctionRegistry& FunctionRegistry::standard() {
  static const FunctionRegistry registry = [] {
    FunctionRegistry r;
    register_arithmetic(r);
    register_comparisons(r);
    register_collections(r);
    register_strings(r);
    register_conversions(r);
    register_time_functions(r);
    register_math(r);
    register_encoders(r);
    register_strings_ext(r);
    register_optional(r);
    return r;
  }();
  return registry;
}

const FunctionDecl* FunctionRegistry::find(std::string_view name) const {
  const auto it = functions_.find(std::string(name));
  return it == functions_.end() ? nullptr : &it->second;
}

void FunctionRegistry::add(std::string_view function, Overload overload) {
  FunctionDecl& decl = functions_[std::string(function)];
  decl.name = std::string(function);
  decl.overloads.push_back(std::move(overload));
}

void FunctionRegistry::add_both(std::string_view function, Overload overload) {
  Overload member = overload;
  member.member = true;
  member.id += "_member";
  add(function, std::move(overload));
  add(function, std::move(member));
}

namespace {

bool kind_matches(const Type& type, const Value& value) {
  using TK = Type::Kind;
  using VK = Value::Kind;
  switch (type.kind()) {
    case TK::Dyn:
    case TK::TypeParam:
    case TK::Error: return true;
    case TK::Null: return value.kind() == VK::Null;
    case TK::Bool: return value.kind() == VK::Bool;
    case TK::Int: return value.kind() == VK::Int;
    case TK::Uint: return value.kind() == VK::Uint;
    case TK::Double: return value.kind() == VK::Double;
    case TK::String: return value.kind() == VK::String;
    case TK::Bytes: return value.kind() == VK::Bytes;
    case TK::Timestamp: return value.kind() == VK::Timestamp;
    case TK::Duration: return value.kind() == VK::Duration;
    case TK::List: return value.kind() == VK::List;
    case TK::Map: return value.kind() == VK::Map;
    case TK::Type: return value.kind() == VK::Type;
    case TK::Optional: return value.is_optional();
  }
  return false;
}

}  // namespace

bool runtime_matches(const Overload& overload, std::span<const Value> args) {
  if (overload.params.size() != args.size()) return false;
  for (size_t i = 0; i < args.size(); ++i)
    if (!kind_matches(overload.params[i], args[i])) return false;
  return true;
}

}  // namespace rollgate::cel::detail
