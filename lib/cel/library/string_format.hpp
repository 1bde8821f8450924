// String formatting for the strings extension: "...".format([args]) with
// %s %d %f %e %x %X %o %b clauses (and %%), and strings.quote().
#pragma once

#include <string>
#include <string_view>

#include "cel/common/value.hpp"

namespace rollgate::cel::detail {

// The formatted string, or an error value for a malformed clause, a
// missing argument or an argument the clause cannot format.
Value format_string(std::string_view format, const ValueList& args);

// `text` as a double-quoted CEL string literal with escapes.
std::string quote_string(std::string_view text);

}  // namespace rollgate::cel::detail
