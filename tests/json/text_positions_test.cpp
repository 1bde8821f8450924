#include <doctest/doctest.h>

#include <string>

#include "json/located_json.hpp"
#include "json/text_positions.hpp"

using rollgate::json::TextPosition;
using rollgate::json::TextPositions;

namespace {

// Line and column counted the slow way, from the start of the text.
TextPosition counted(const std::string& text, size_t offset) {
  TextPosition p{offset, 1, 1};
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

}  // namespace

TEST_CASE("every offset's line and column match a count from the start, across index blocks") {
  // Lines long and short, with two-, three- and four-byte characters
  // straddling the index's 256-byte blocks.
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += std::string(size_t(i * 7 % 300), 'a') + "\xc3\xa9" + "\xe2\x82\xac" + "\xf0\x9f\x9a\x80";
    if (i % 3 != 1) text += '\n';
  }
  TextPositions positions(text);
  for (size_t offset = 0; offset <= text.size(); ++offset) {
    const TextPosition want = counted(text, offset);
    const TextPosition got = positions.position_of(text, offset);
    INFO("offset " << offset);
    REQUIRE(got.line == want.line);
    REQUIRE(got.column == want.column);
  }
}

TEST_CASE("an offset past the end is the end's position, and an empty text is 1:1") {
  TextPositions positions("ab\ncd");
  CHECK(positions.position_of("ab\ncd", 99).line == 2);
  CHECK(positions.position_of("ab\ncd", 99).column == 3);
  CHECK(positions.position_of("ab\ncd", 99).offset == 5);
  TextPositions empty("");
  CHECK(empty.position_of("", 0).line == 1);
  CHECK(empty.position_of("", 0).column == 1);
}

TEST_CASE("problems far along a long single line are located at their code-point column") {
  // 100,000 keys of a 2-byte character on one line: the last duplicate's
  // column counts code points, as any other's.
  std::string text = "{";
  for (int i = 0; i < 100000; ++i) text += std::string(i ? "," : "") + "\"\xc3\xa9\":1";
  text += "}";
  auto r = rollgate::json::parse(text, "one-line.json");
  REQUIRE_FALSE(r.document);
  REQUIRE(r.errors.size() > 2);
  CHECK(r.errors[0].line == 1);
  // The first key at column 2; each `"é":1,` is six code points (seven bytes).
  CHECK(r.errors[0].column == 2 + 6);
  CHECK(r.errors[1].column == 2 + 2 * 6);
  CHECK(r.errors[98].column == 2 + 99 * 6);
}
