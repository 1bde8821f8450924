#include "cel/common/type_names.hpp"

namespace rollgate::cel::detail {

Type runtime_type(const Value& value) {
  if (value.is_optional()) return Type::optional(Type::dyn());
  switch (value.kind()) {
    case Value::Kind::Null: return Type::null_type();
    case Value::Kind::Bool: return Type::boolean();
    case Value::Kind::Int: return Type::int64();
    case Value::Kind::Uint: return Type::uint64();
    case Value::Kind::Double: return Type::double_type();
    case Value::Kind::String: return Type::string();
    case Value::Kind::Bytes: return Type::bytes();
    case Value::Kind::Timestamp: return Type::timestamp();
    case Value::Kind::Duration: return Type::duration();
    case Value::Kind::List: return Type::list(Type::dyn());
    case Value::Kind::Map: return Type::map(Type::dyn(), Type::dyn());
    case Value::Kind::Type: return Type::type_type();
    case Value::Kind::Error: return Type::error();
    case Value::Kind::Unknown: return Type::dyn();
  }
  return Type::dyn();
}

std::string type_value_name(const Type& type) {
  switch (type.kind()) {
    case Type::Kind::List: return "list";
    case Type::Kind::Map: return "map";
    case Type::Kind::Optional: return "optional_type";
    case Type::Kind::Timestamp: return "google.protobuf.Timestamp";
    case Type::Kind::Duration: return "google.protobuf.Duration";
    default: return type.to_string();
  }
}

}  // namespace rollgate::cel::detail
