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
// kQuotedValueBytes (whole UTF-8 characters) and its whole size, so that a
// 10 MB fact read by many gates does not repeat in every message.  The size
// is one known without rendering the value: "… (N bytes)" of a string or
// bytes (its own bytes, not its quoted text's), "… (N elements)" of a list,
// "… (N entries)" of a map, "… (N bytes)" of the CEL text of anything
// else (short by nature).  Only the text quoted is rendered: the work is
// bounded by kQuotedValueBytes, not by the value's size (quoted_value.cpp).
std::string quote_value(const cel::Value& value);

}  // namespace rollgate::engine
