// CEL values in reports, as proto3 JSON writes them: int and uint as
// numbers, bytes in base64, timestamps RFC 3339, durations "259200s".
#pragma once

#include "cel/common/value.hpp"
#include "report/json_writer.hpp"

namespace rollgate::report {

void write_value(JsonWriter& w, const cel::Value& v);

// A map key as write_value() writes it: JSON object keys are strings, so
// keys of other kinds are written as proto3 JSON writes them ("1", "true").
std::string map_key_text(const cel::Value& k);

// As write_value, but a double always reads back as a double: an integral
// one keeps a fraction ("3.0", not "3"), so that a fact declared `dyn`
// (facts document, engine/inputs_json.hpp) reads back the same value.
void write_value_exact(JsonWriter& w, const cel::Value& v);

}  // namespace rollgate::report
