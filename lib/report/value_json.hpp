// CEL values in reports, as proto3 JSON writes them: int and uint as
// numbers, bytes in base64, timestamps RFC 3339, durations "259200s".
#pragma once

#include "cel/common/value.hpp"
#include "report/json_writer.hpp"

namespace rollgate::report {

void write_value(JsonWriter& w, const cel::Value& v);

}  // namespace rollgate::report
