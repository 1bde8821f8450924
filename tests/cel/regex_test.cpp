// matches() runs on RE2: RE2 syntax, partial match, UTF-8, linear time.
// These inputs made std::regex overflow the stack or backtrack for
// minutes; here they must simply return the right value (no timing).
#include <string>

#include "cel/library/regex.hpp"
#include "test_helpers.hpp"

using namespace rollgate::cel;
using namespace rollgate::cel::testing;

namespace {

// `text.matches(pattern)` with both bound as facts.
std::string match(const std::string& text, const std::string& pattern) {
  Facts facts;
  facts.add("text", Type::string(), Value::string(text));
  facts.add("pattern", Type::string(), Value::string(pattern));
  return eval_text("text.matches(pattern)", facts);
}

}  // namespace

TEST_CASE("matches() is RE2's partial match over UTF-8") {
  CHECK(match("release-2024", "[0-9]{4}") == "true");
  CHECK(match("release-2024", "^[0-9]{4}$") == "false");
  CHECK(match("mañana", "^ma.ana$") == "true");  // '.' is one code point
  CHECK(match("mañana", "^ma(ñ)+ana$") == "true");
  CHECK(match("ABC", "(?i)abc") == "true");
  CHECK(match("abc", "\\Aabc\\z") == "true");            // RE2 anchors
  CHECK(match("x1", "\\pL\\d") == "true");               // RE2 classes
  CHECK(match("ab", "(?P<first>a)b") == "true");         // RE2 named group
  CHECK(match("", "") == "true");
}

TEST_CASE("an invalid pattern is an error value that says why") {
  const std::string unbalanced = match("x", "(");
  CHECK(unbalanced.starts_with("error(invalid regular expression '(': "));
  CHECK(unbalanced.find("missing )") != std::string::npos);
  // Backreferences and lookaround are not RE2 syntax.
  CHECK(match("aa", "(a)\\1").starts_with("error(invalid regular expression"));
  CHECK(match("ab", "a(?=b)").starts_with("error(invalid regular expression"));
}

TEST_CASE("patterns that backtrack exponentially elsewhere return at once") {
  // No run of a's ends the input: the 'b' does.
  CHECK(match(std::string(30, 'a') + "b", "(a+)+$") == "false");
  CHECK(match(std::string(30, 'a') + "b", "(a+)+b$") == "true");
  CHECK(match(std::string(40, 'a') + "!", "^(a+)+$") == "false");
  CHECK(match(std::string(10000, 'a'), "(a|aa)*c") == "false");
  CHECK(match(std::string(10000, 'a') + "c", "^(a|aa)*c$") == "true");
}

TEST_CASE("long inputs are matched without a size limit or deep recursion") {
  CHECK(match(std::string(1500, 'a'), "^(a|b)*$") == "true");
  CHECK(match(std::string(1500, 'x') + "y", "(x|z)*y") == "true");
  std::string big(100000, 'a');
  CHECK(match(big, "^a+$") == "true");
  CHECK(match(big, "^(?:a|b)*$") == "true");
  CHECK(match(big + "b", "(a|aa)*c") == "false");
  std::string words;
  while (words.size() < 100000) words += "ñandú ";
  CHECK(match(words, "^(?:\\pL+ )+$") == "true");
}

TEST_CASE("huge patterns are an error value (or a match), never a crash") {
  std::string nested;
  for (int i = 0; i < 25000; ++i) nested += "(";
  nested += "a";
  for (int i = 0; i < 25000; ++i) nested += ")";
  const std::string deep = match("a", nested);
  INFO(deep.substr(0, 200));
  CHECK((deep == "true" || deep.starts_with("error(invalid regular expression")));

  const std::string plain(100000, 'a');  // over kMaxPatternBytes
  CHECK(match(plain, plain) == "error(matches(): regular expression longer than 65536 bytes)");

  // Under the byte cap but beyond RE2's program memory budget, or within it:
  // either an error value or the right answer.
  const std::string counted = "(?:a{1000}){1000}";
  const std::string result = match(std::string(10, 'a'), counted);
  CHECK((result == "false" || result.starts_with("error(invalid regular expression")));
  const std::string literal(60000, 'b');
  CHECK(match("x" + literal + "x", literal) == "true");
}

TEST_CASE("many distinct patterns go through the bounded cache") {
  for (int i = 0; i < 1000; ++i) {
    const std::string n = std::to_string(i);
    REQUIRE(match("id-" + n, "^id-" + n + "$") == "true");
  }
  CHECK(match("id-7", "^id-7$") == "true");
}
