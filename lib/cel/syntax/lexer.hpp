// Splits CEL source into tokens.  Literal strings and bytes are decoded here
// (escapes, raw and triple-quoted forms) so the parser sees their values.
#pragma once

#include <string_view>
#include <vector>

#include "cel/syntax/token.hpp"

namespace rollgate::cel::detail {

// All tokens of `source`, ending with an End token.  Lexing stops at the
// first malformed token, which comes back as an Error token (its value is
// the reason) followed by End.
std::vector<Token> tokenize(std::string_view source);

}  // namespace rollgate::cel::detail
