// Types as runtime values: what type(x) returns and how type values print.
#pragma once

#include <string>

#include "cel/common/type.hpp"
#include "cel/common/value.hpp"

namespace rollgate::cel::detail {

// The type of a runtime value, as type(x) reports it: list and map without
// parameters (list(dyn), map(dyn, dyn)).
Type runtime_type(const Value& value);

// CEL's name of a type value: "int", "list", "map",
// "google.protobuf.Timestamp", "type".
std::string type_value_name(const Type& type);

}  // namespace rollgate::cel::detail
