// JSON value -> CEL value of a declared type (DESIGN rule 4): int and uint
// take only integral numbers, bytes are base64, timestamps RFC 3339,
// durations CEL form; dyn takes any JSON as its natural CEL value.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <variant>

#include "cel/common/type.hpp"
#include "cel/common/value.hpp"

namespace rollgate::engine {

struct ConversionError {
  std::string pointer;  // relative to the converted value: "/2"
  std::string message;  // "expected int, got 3.5"
};

std::variant<cel::Value, ConversionError> json_to_value(const boost::json::value& json,
                                                        const cel::Type& type);

}  // namespace rollgate::engine
