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

TEST_CASE("(a+)+$ on thirty a's and a '!' answers at once") {
  // Backtracking engines take minutes here (2^30 ways to split the a's).
  CHECK(match(std::string(30, 'a') + "!", "(a+)+$") == "false");
}

TEST_CASE("a pattern longer than kMaxPatternBytes is an error value naming the limit") {
  const std::string plain(100000, 'a');
  CHECK(match(plain, plain) ==
        "error(matches(): regular expression of 100000 bytes, longer than the limit of 4096)");
  const std::string at_limit(detail::kMaxPatternBytes, 'b');
  CHECK(match("x" + at_limit + "x", at_limit) == "true");
  CHECK(match(at_limit + "b", at_limit + "b").starts_with("error(matches(): regular expression of 4097"));
}

TEST_CASE("groups nested deeper than kMaxPatternNesting are an error value saying where") {
  const auto nested = [](size_t depth) {
    return std::string(depth, '(') + "a" + std::string(depth, ')');
  };
  CHECK(match("a", nested(1000)) ==
        "error(matches(): regular expression nesting groups more than 64 deep (at byte 64))");
  // 25,000 levels take 50,001 bytes: the size limit speaks first.
  CHECK(match("a", nested(25000)).starts_with("error(matches(): regular expression of 50001 bytes"));
  CHECK(match("a", nested(detail::kMaxPatternNesting)) == "true");
  CHECK(match("a", nested(detail::kMaxPatternNesting + 1)).starts_with("error(matches(): regular expression nesting"));
  // Depth, not the number of groups: a long run of sibling groups is fine.
  std::string siblings;
  for (int i = 0; i < 500; ++i) siblings += "(a)";
  CHECK(match(std::string(500, 'a'), siblings) == "true");
}

TEST_CASE("parentheses in classes, escapes and \\Q...\\E are not groups") {
  const std::string opens(100, '(');
  CHECK(detail::pattern_limit_problem("[" + opens + "]") == "");
  CHECK(detail::pattern_limit_problem("[^]" + opens + "]") == "");
  CHECK(detail::pattern_limit_problem("[[:alpha:]" + opens + "]") == "");
  CHECK(detail::pattern_limit_problem("\\Q" + opens + "\\E") == "");
  std::string escaped;
  for (int i = 0; i < 100; ++i) escaped += "\\(";
  CHECK(detail::pattern_limit_problem(escaped) == "");
  CHECK(match("((", "^\\Q((\\E$") == "true");
  CHECK(match("((", "^[(]+$") == "true");
  // A class does not hide a group after it.
  CHECK(detail::pattern_limit_problem("[a]" + opens + "a" + std::string(100, ')')) != "");
}

TEST_CASE("a pattern beyond RE2's memory budget is an error value, never a crash") {
  // Under the byte cap, but its program would not fit kMaxProgramMemory.
  const std::string counted = "(?:a{1000}){1000}";
  const std::string result = match(std::string(10, 'a'), counted);
  CHECK((result == "false" || result.starts_with("error(invalid regular expression")));
}

TEST_CASE("many distinct patterns go through the bounded cache") {
  for (int i = 0; i < 1000; ++i) {
    const std::string n = std::to_string(i);
    REQUIRE(match("id-" + n, "^id-" + n + "$") == "true");
  }
  CHECK(match("id-7", "^id-7$") == "true");
}
