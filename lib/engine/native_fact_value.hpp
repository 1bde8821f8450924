// A fact's value as a program gives it through the typed setters
// (rollgate_session_set_fact_int, ...), converted to the declared type.
//
// The rule is the facts document's (docs/FACTS.md): a native value converts
// exactly as the JSON it would be written as, through the same conversion
// (fact_conversion.hpp), but without writing or parsing any text.  A bool
// is `true`/`false`; an int or uint a number (a uint up to INT64_MAX reads
// as a JSON parser reads the number: as an int, which matters for `dyn`); a
// finite double a number, NaN and the infinities the strings proto3 JSON
// writes for them ("NaN", "Infinity", "-Infinity"); a string a string; a
// timestamp RFC 3339 text, a duration CEL text ("1.5s") — taken directly,
// without the text, by a fact of its own type.  So a set value and the same
// value in a facts document are the same input, and
// rollgate_session_inputs() can write every value so that it reads back.
#pragma once

#include <cstdint>
#include <string_view>
#include <variant>

#include "cel/common/time.hpp"
#include "cel/common/type.hpp"
#include "cel/common/value.hpp"
#include "engine/fact_conversion.hpp"

namespace rollgate::engine {

using NativeValue =
    std::variant<bool, int64_t, uint64_t, double, std::string_view, cel::Timestamp, cel::Duration>;

// The value as a CEL value of `type`, or why it does not convert (pointer
// "" for a scalar).  Timestamps and durations must be in CEL's range (the
// caller checks).
std::variant<cel::Value, ConversionError> native_to_value(const NativeValue& value, const cel::Type& type);

}  // namespace rollgate::engine
