// JSON value -> CEL value of a declared type (DESIGN rule 4): int and uint
// take only whole numbers, exactly (json/whole_number.hpp), bytes are
// base64, timestamps RFC 3339, durations CEL form; dyn takes any JSON as its
// natural CEL value.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <variant>

#include "cel/common/type.hpp"
#include "cel/common/value.hpp"
#include "json/written_at.hpp"
#include "support/diagnostic.hpp"

namespace rollgate::engine {

struct ConversionError {
  std::string pointer;  // relative to the converted value: "/2"
  std::string message;  // "expected int, got 3.5"
  DiagnosticKind kind = DiagnosticKind::WrongType;  // or OutOfRange, BadValue
};

// `at` is where `json` was written: a number for an int or uint is then
// read from its text, exactly (json/whole_number.hpp).
std::variant<cel::Value, ConversionError> json_to_value(const boost::json::value& json,
                                                        const cel::Type& type,
                                                        const json::WrittenAt& at = {});

}  // namespace rollgate::engine
