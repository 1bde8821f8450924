// Text forms of doubles: CEL's string(double) (which follows Go's %g, as
// cel-go defines it) and a literal-like form for debug output.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rollgate::cel::detail {

// Shortest round-trip digits, exponent form when the exponent is < -4 or
// >= 6, as Go's strconv.FormatFloat(d, 'g', -1, 64): "123.456",
// "1e+06", "-0.0045", "NaN", "+Inf".
std::string format_double_g(double d);

// Shortest round-trip text that reads back as a double literal: "1.0",
// "1.5", "1e+300".
std::string format_double_literal(double d);

// Parses a double the way strconv.ParseFloat accepts one (decimal forms,
// "inf"/"infinity"/"nan" in any case, an optional sign).
std::optional<double> parse_double(std::string_view text);

}  // namespace rollgate::cel::detail
