// Quantities written for people in messages and the text report; report
// fields keep their exact forms (CEL's "259200s", scores as numbers).
#pragma once

#include <string>

#include "cel/common/time.hpp"
#include "cel/common/value.hpp"

namespace rollgate::engine {

// "3d", "21d 19h", "2h 30m", "45s": the two largest units, rounded down.
std::string describe_duration(cel::Duration d);

// A share from 0 to 1 as a whole percentage: 0.666 -> "67%".
std::string describe_share(double share);

// The bytes of a value's CEL text that messages quote before cutting it.
inline constexpr size_t kQuotedValueBytes = 256;

// A value as messages quote it: its CEL text, or for a longer one its first
// kQuotedValueBytes (whole UTF-8 characters) and "… (N bytes)", so that a
// 10 MB fact read by many gates does not repeat in every message.
std::string quote_value(const cel::Value& value);

}  // namespace rollgate::engine
