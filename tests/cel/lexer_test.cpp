// The lexer: token kinds, literal decoding and malformed input.
#include <doctest/doctest.h>

#include "cel/syntax/lexer.hpp"

using namespace rollgate::cel::detail;

namespace {

std::vector<TokenKind> kinds(std::string_view source) {
  std::vector<TokenKind> out;
  for (const Token& t : tokenize(source)) out.push_back(t.kind);
  return out;
}

// The single literal token of `source` (its decoded value).
Token only_token(std::string_view source) {
  const auto tokens = tokenize(source);
  REQUIRE(tokens.size() == 2);
  return tokens[0];
}

}  // namespace

TEST_CASE("operators are split by longest match") {
  using K = TokenKind;
  CHECK(kinds("a<=b") == std::vector{K::Ident, K::LessEq, K::Ident, K::End});
  CHECK(kinds("!a != b") ==
        std::vector{K::Bang, K::Ident, K::NotEq, K::Ident, K::End});
  CHECK(kinds("a&&b||c") ==
        std::vector{K::Ident, K::AndAnd, K::Ident, K::OrOr, K::Ident, K::End});
  CHECK(kinds("x in y") == std::vector{K::Ident, K::In, K::Ident, K::End});
}

TEST_CASE("keywords are not identifiers but longer words are") {
  using K = TokenKind;
  CHECK(kinds("true false null in") ==
        std::vector{K::True, K::False, K::Null, K::In, K::End});
  CHECK(kinds("truely inner nullable") ==
        std::vector{K::Ident, K::Ident, K::Ident, K::End});
}

TEST_CASE("numbers: decimal, hex, unsigned and the forms of doubles") {
  using K = TokenKind;
  CHECK(only_token("42").kind == K::Int);
  CHECK(only_token("0x1F").kind == K::Int);
  CHECK(only_token("0x1F").value == "0x1F");
  CHECK(only_token("1u").kind == K::Uint);
  CHECK(only_token("0xFFU").kind == K::Uint);
  CHECK(only_token("1.5").kind == K::Double);
  CHECK(only_token("1e3").kind == K::Double);
  CHECK(only_token("2.5E-3").kind == K::Double);
  CHECK(only_token(".5").kind == K::Double);
  // "1." is not a double: the dot starts a member selection.
  CHECK(kinds("1.e") == std::vector{K::Int, K::Dot, K::Ident, K::End});
  // An exponent needs digits; otherwise the 'e' is an identifier.
  CHECK(kinds("1e") == std::vector{K::Int, K::Ident, K::End});
}

TEST_CASE("comments and whitespace separate tokens") {
  using K = TokenKind;
  CHECK(kinds("a // comment\n+\tb\r\n") ==
        std::vector{K::Ident, K::Plus, K::Ident, K::End});
}

TEST_CASE("string literals decode every escape") {
  CHECK(only_token(R"("a\nb")").value == "a\nb");
  CHECK(only_token(R"('\a\b\f\n\r\t\v\\\?\"\'\`')").value ==
        "\a\b\f\n\r\t\v\\?\"'`");
  CHECK(only_token(R"("\x41\X42")").value == "AB");
  CHECK(only_token(R"("\101")").value == "A");
  CHECK(only_token(R"("\u00e9")").value == "\xC3\xA9");
  CHECK(only_token(R"("\U0001F600")").value == "\xF0\x9F\x98\x80");
  // In strings \xFF and \377 are the code point U+00FF, not a byte.
  CHECK(only_token(R"("\xff")").value == "\xC3\xBF");
  CHECK(only_token(R"("\377")").value == "\xC3\xBF");
}

TEST_CASE("bytes literals keep \\x and octal escapes as raw bytes") {
  const Token t = only_token(R"(b"\xff\000a")");
  CHECK(t.kind == TokenKind::Bytes);
  CHECK(t.value == std::string("\xff\0a", 3));
  CHECK(only_token(R"(B'\u00e9')").value == "\xC3\xA9");
}

TEST_CASE("raw and triple-quoted strings") {
  CHECK(only_token(R"(r"\n")").value == "\\n");
  CHECK(only_token(R"(R'\d+')").value == "\\d+");
  CHECK(only_token("'''a\n'b'''").value == "a\n'b");
  CHECK(only_token(R"("""x""y""")").value == "x\"\"y");
  const Token raw_bytes = only_token(R"(br"\x")");
  CHECK(raw_bytes.kind == TokenKind::Bytes);
  CHECK(raw_bytes.value == "\\x");
}

TEST_CASE("escaped identifiers keep the text between backquotes") {
  const auto tokens = tokenize("a.`b-c.d`");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[2].kind == TokenKind::EscapedIdent);
  CHECK(tokens[2].value == "b-c.d");
}

TEST_CASE("malformed tokens become an error token at their start") {
  auto error_at = [](std::string_view source) {
    const auto tokens = tokenize(source);
    for (const Token& t : tokens)
      if (t.kind == TokenKind::Error) return static_cast<long>(t.offset);
    return -1L;
  };
  CHECK(error_at("1 + $") == 4);
  CHECK(error_at("a | b") == 2);
  CHECK(error_at("a = b") == 2);
  CHECK(error_at("'unterminated") == 0);
  CHECK(error_at("'line\nbreak'") == 0);
  CHECK(error_at(R"(x + "\q")") == 4);
  CHECK(error_at(R"("\xZZ")") == 0);
  CHECK(error_at(R"("\ud800")") == 0);  // a surrogate is not a code point
  CHECK(error_at("`a$b`") == 0);
}

TEST_CASE("a token recognition error names the offending text") {
  const auto tokens = tokenize("1 + $");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[2].kind == TokenKind::Error);
  CHECK(tokens[2].value == "Syntax error: token recognition error at: '$'");
  CHECK(tokens[3].kind == TokenKind::End);
}
