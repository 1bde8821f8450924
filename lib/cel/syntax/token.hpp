// The tokens of CEL source text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rollgate::cel::detail {

enum class TokenKind : unsigned char {
  End, Error,
  Ident, EscapedIdent,       // name, `quoted name`
  Int, Uint, Double,         // numeric literals (text kept for the parser)
  String, Bytes,             // decoded literal in Token::value
  True, False, Null, In,     // keywords
  LParen, RParen, LBracket, RBracket, LBrace, RBrace,
  Dot, Comma, Question, Colon,
  Plus, Minus, Star, Slash, Percent, Bang,
  Less, LessEq, Greater, GreaterEq, EqEq, NotEq, AndAnd, OrOr,
};

struct Token {
  TokenKind kind = TokenKind::End;
  size_t offset = 0;  // byte offset of the first character
  size_t length = 0;  // bytes of source text
  // Identifier name, decoded string/bytes literal, or for Error the reason.
  std::string value;
};

// How a token kind is shown in syntax errors: "')'", "IDENTIFIER".
std::string_view token_kind_name(TokenKind kind);

}  // namespace rollgate::cel::detail
