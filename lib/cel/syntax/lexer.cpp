#include "cel/syntax/lexer.hpp"

#include <optional>

#include "text/utf8.hpp"

namespace rollgate::cel::detail {

std::string_view token_kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::End: return "<EOF>";
    case TokenKind::Error: return "<error>";
    case TokenKind::Ident: return "IDENTIFIER";
    case TokenKind::EscapedIdent: return "ESC_IDENTIFIER";
    case TokenKind::Int: return "NUM_INT";
    case TokenKind::Uint: return "NUM_UINT";
    case TokenKind::Double: return "NUM_FLOAT";
    case TokenKind::String: return "STRING";
    case TokenKind::Bytes: return "BYTES";
    case TokenKind::True: return "'true'";
    case TokenKind::False: return "'false'";
    case TokenKind::Null: return "'null'";
    case TokenKind::In: return "'in'";
    case TokenKind::LParen: return "'('";
    case TokenKind::RParen: return "')'";
    case TokenKind::LBracket: return "'['";
    case TokenKind::RBracket: return "']'";
    case TokenKind::LBrace: return "'{'";
    case TokenKind::RBrace: return "'}'";
    case TokenKind::Dot: return "'.'";
    case TokenKind::Comma: return "','";
    case TokenKind::Question: return "'?'";
    case TokenKind::Colon: return "':'";
    case TokenKind::Plus: return "'+'";
    case TokenKind::Minus: return "'-'";
    case TokenKind::Star: return "'*'";
    case TokenKind::Slash: return "'/'";
    case TokenKind::Percent: return "'%'";
    case TokenKind::Bang: return "'!'";
    case TokenKind::Less: return "'<'";
    case TokenKind::LessEq: return "'<='";
    case TokenKind::Greater: return "'>'";
    case TokenKind::GreaterEq: return "'>='";
    case TokenKind::EqEq: return "'=='";
    case TokenKind::NotEq: return "'!='";
    case TokenKind::AndAnd: return "'&&'";
    case TokenKind::OrOr: return "'||'";
  }
  return "?";
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

class Lexer {
 public:
  explicit Lexer(std::string_view source) : src_(source) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    tokens.reserve(src_.size() / 3 + 2);  // a fair guess, to grow once at most
    for (;;) {
      skip_space_and_comments();
      Token token = next();
      const TokenKind kind = token.kind;
      tokens.push_back(std::move(token));
      if (kind == TokenKind::End) break;
      if (kind == TokenKind::Error) {
        tokens.push_back(Token{TokenKind::End, src_.size(), 0, {}});
        break;
      }
    }
    return tokens;
  }

 private:
  char peek(size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
  }

  void skip_space_and_comments() {
    while (pos_ < src_.size()) {
      const char c = src_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        ++pos_;
      } else if (c == '/' && peek(1) == '/') {
        while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
      } else {
        break;
      }
    }
  }

  Token make(TokenKind kind, size_t start, std::string value = {}) const {
    return Token{kind, start, pos_ - start, std::move(value)};
  }

  // A token recognition error covering the text from `start` to pos_.
  Token error(size_t start, std::string_view reason = {}) {
    if (pos_ == start) ++pos_;
    if (pos_ > src_.size()) pos_ = src_.size();
    std::string message =
        reason.empty() ? "Syntax error: token recognition error at: '" +
                             std::string(src_.substr(start, pos_ - start)) + "'"
                       : std::string(reason);
    return make(TokenKind::Error, start, std::move(message));
  }

  Token next() {
    if (pos_ >= src_.size()) return make(TokenKind::End, pos_);
    const char c = src_[pos_];
    if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return lex_number();
    if (is_ident_start(c)) return lex_word();
    if (c == '"' || c == '\'') return lex_string(pos_, false, false);
    if (c == '`') return lex_escaped_ident();
    return lex_punctuation();
  }

  Token lex_number() {
    const size_t start = pos_;
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X') && is_hex(peek(2))) {
      pos_ += 2;
      while (is_hex(peek())) ++pos_;
      return finish_integer(start);
    }
    while (is_digit(peek())) ++pos_;
    bool is_double = false;
    if (peek() == '.' && is_digit(peek(1))) {
      ++pos_;
      while (is_digit(peek())) ++pos_;
      is_double = true;
    }
    if (lex_exponent()) is_double = true;
    if (is_double) return make(TokenKind::Double, start,
                               std::string(src_.substr(start, pos_ - start)));
    return finish_integer(start);
  }

  // An exponent is only part of the number when digits follow the 'e'.
  bool lex_exponent() {
    if (peek() != 'e' && peek() != 'E') return false;
    size_t ahead = 1;
    if (peek(1) == '+' || peek(1) == '-') ahead = 2;
    if (!is_digit(peek(ahead))) return false;
    pos_ += ahead;
    while (is_digit(peek())) ++pos_;
    return true;
  }

  Token finish_integer(size_t start) {
    std::string text(src_.substr(start, pos_ - start));
    if (peek() == 'u' || peek() == 'U') {
      ++pos_;
      return make(TokenKind::Uint, start, std::move(text));
    }
    return make(TokenKind::Int, start, std::move(text));
  }

  Token lex_word() {
    const size_t start = pos_;
    while (is_ident_char(peek())) ++pos_;
    const std::string_view word = src_.substr(start, pos_ - start);
    if (peek() == '"' || peek() == '\'') {
      if (word == "r" || word == "R") return lex_string(start, true, false);
      if (word == "b" || word == "B") return lex_string(start, false, true);
      if (word.size() == 2 && (word[0] == 'b' || word[0] == 'B') &&
          (word[1] == 'r' || word[1] == 'R'))
        return lex_string(start, true, true);
    }
    if (word == "true") return make(TokenKind::True, start);
    if (word == "false") return make(TokenKind::False, start);
    if (word == "null") return make(TokenKind::Null, start);
    if (word == "in") return make(TokenKind::In, start);
    return make(TokenKind::Ident, start, std::string(word));
  }

  Token lex_escaped_ident() {
    const size_t start = pos_++;
    while (pos_ < src_.size() && src_[pos_] != '`') {
      const char c = src_[pos_];
      if (!(is_ident_char(c) || c == '.' || c == '-' || c == '/' || c == ' '))
        return error_through(start);
      ++pos_;
    }
    if (pos_ >= src_.size() || pos_ == start + 1) return error(start);
    ++pos_;
    return make(TokenKind::EscapedIdent, start,
                std::string(src_.substr(start + 1, pos_ - start - 2)));
  }

  // An error whose shown text includes the offending character at pos_.
  Token error_through(size_t start) {
    size_t p = pos_;
    if (!text::decode_utf8(src_, p)) p = pos_ + 1;
    pos_ = p;
    return error(start);
  }

  Token lex_string(size_t start, bool raw, bool bytes) {
    const char quote = src_[pos_];
    const bool triple = peek(1) == quote && peek(2) == quote;
    pos_ += triple ? 3 : 1;
    std::string value;
    for (;;) {
      if (pos_ >= src_.size()) return error(start);
      const char c = src_[pos_];
      if (triple && c == quote && peek(1) == quote && peek(2) == quote) {
        pos_ += 3;
        break;
      }
      if (!triple && c == quote) {
        ++pos_;
        break;
      }
      if (!triple && (c == '\n' || c == '\r')) return error(start);
      if (c == '\\' && !raw) {
        if (auto failure = lex_escape(start, bytes, value)) return *failure;
        continue;
      }
      value += c;
      ++pos_;
    }
    if (!bytes && !text::is_valid_utf8(value)) return error(start);
    return make(bytes ? TokenKind::Bytes : TokenKind::String, start,
                std::move(value));
  }

  // Decodes the escape sequence at pos_ into `out`; an Error token when it
  // is malformed.
  std::optional<Token> lex_escape(size_t start, bool bytes, std::string& out) {
    ++pos_;  // the backslash
    const char c = peek();
    if (const char simple = simple_escape(c)) {
      out += simple;
      ++pos_;
      return std::nullopt;
    }
    if (c >= '0' && c <= '3') return lex_code_escape(start, bytes, out, 8, 3, 0);
    if (c == 'x' || c == 'X') return lex_code_escape(start, bytes, out, 16, 2, 1);
    if (c == 'u') return lex_code_escape(start, false, out, 16, 4, 1);
    if (c == 'U') return lex_code_escape(start, false, out, 16, 8, 1);
    if (pos_ < src_.size()) ++pos_;
    return error(start);
  }

  static char simple_escape(char c) {
    switch (c) {
      case 'a': return '\a';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'n': return '\n';
      case 'r': return '\r';
      case 't': return '\t';
      case 'v': return '\v';
      case '"': return '"';
      case '\'': return '\'';
      case '\\': return '\\';
      case '?': return '?';
      case '`': return '`';
      default: return '\0';
    }
  }

  // \ooo, \xhh, \uhhhh, \Uhhhhhhhh: `skip` letters, then `digits` digits in
  // `base`.  In bytes the value is a byte; in strings a code point.
  std::optional<Token> lex_code_escape(size_t start, bool as_byte,
                                       std::string& out, int base, int digits,
                                       int skip) {
    pos_ += static_cast<size_t>(skip);
    uint32_t value = 0;
    for (int i = 0; i < digits; ++i) {
      const char d = peek();
      const bool ok = base == 8 ? (d >= '0' && d <= '7') : is_hex(d);
      if (!ok) {
        if (pos_ < src_.size()) ++pos_;
        return error(start);
      }
      value = value * static_cast<uint32_t>(base) +
              static_cast<uint32_t>(hex_value(d));
      ++pos_;
    }
    if (as_byte) {
      out += static_cast<char>(value);
      return std::nullopt;
    }
    if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
      while (pos_ < src_.size() && src_[pos_] != '\'' && src_[pos_] != '"')
        ++pos_;
      return make(TokenKind::Error, start, "invalid unicode code point");
    }
    text::append_utf8(out, static_cast<char32_t>(value));
    return std::nullopt;
  }

  Token lex_punctuation() {
    const size_t start = pos_;
    const char c = src_[pos_++];
    const char n = peek();
    auto two = [&](TokenKind kind) {
      ++pos_;
      return make(kind, start);
    };
    switch (c) {
      case '(': return make(TokenKind::LParen, start);
      case ')': return make(TokenKind::RParen, start);
      case '[': return make(TokenKind::LBracket, start);
      case ']': return make(TokenKind::RBracket, start);
      case '{': return make(TokenKind::LBrace, start);
      case '}': return make(TokenKind::RBrace, start);
      case '.': return make(TokenKind::Dot, start);
      case ',': return make(TokenKind::Comma, start);
      case '?': return make(TokenKind::Question, start);
      case ':': return make(TokenKind::Colon, start);
      case '+': return make(TokenKind::Plus, start);
      case '-': return make(TokenKind::Minus, start);
      case '*': return make(TokenKind::Star, start);
      case '/': return make(TokenKind::Slash, start);
      case '%': return make(TokenKind::Percent, start);
      case '!': return n == '=' ? two(TokenKind::NotEq) : make(TokenKind::Bang, start);
      case '<': return n == '=' ? two(TokenKind::LessEq) : make(TokenKind::Less, start);
      case '>':
        return n == '=' ? two(TokenKind::GreaterEq) : make(TokenKind::Greater, start);
      case '=': if (n == '=') return two(TokenKind::EqEq); break;
      case '&': if (n == '&') return two(TokenKind::AndAnd); break;
      case '|': if (n == '|') return two(TokenKind::OrOr); break;
      default: break;
    }
    pos_ = start;
    return error_through(start);
  }

  std::string_view src_;
  size_t pos_ = 0;
};

}  // namespace

std::vector<Token> tokenize(std::string_view source) {
  return Lexer(source).run();
}

}  // namespace rollgate::cel::detail
