// text::shorten: a long text cut to its first bytes, on a character
// boundary, with its whole size said.
#include <doctest/doctest.h>

#include <string>

#include "text/shorten.hpp"

using rollgate::text::shorten;

TEST_CASE("a text within the limit is kept whole") {
  CHECK(shorten("abc", 3) == "abc");
  CHECK(shorten("", 0) == "");
}

TEST_CASE("a longer text keeps its first bytes and says its size") {
  CHECK(shorten("abcdef", 4) == "abcd… (6 bytes)");
}

TEST_CASE("a text is never cut inside a UTF-8 character") {
  // "é" is two bytes: cutting at 2 would split the second one.
  CHECK(shorten("aéé", 2) == "a… (5 bytes)");
}
