// matches() takes RE2 syntax and answers as RE2's partial match over UTF-8,
// in linear time, on rollgate's own engine (lib/cel/library/regex/; the
// differential test in tests/regex_differential compares it with RE2 on
// tens of thousands of patterns).  The inputs that made std::regex
// overflow the stack or backtrack for minutes must simply return the
// right value here (no timing).
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

TEST_CASE("a pattern whose program passes kMaxInstructions is an error value, never a crash") {
  // 4,096 bytes can ask for a million states: 300 runs of a{1000} do.
  std::string runs;
  for (int i = 0; i < 300; ++i) runs += "a{1000}";
  CHECK(match("a", runs).ends_with("pattern too large - compile failed)"));
  // Nested counts multiply; past 1,000 in all is RE2's own limit.
  CHECK(match("a", "(?:a{1000}){1000}") ==
        "error(invalid regular expression '(?:a{1000}){1000}': bad repetition operator: {1000})");
  CHECK(match(std::string(1000, 'a'), "^(?:a{10}){100}$") == "true");
}

TEST_CASE("where matches() parts from RE2 2022, as docs/DECISIONS.md says") {
  // \C (one byte) would split characters: refused, as cel-go does.
  CHECK(match("a", "\\C").find("\\C (any byte) is not supported") != std::string::npos);
  // (?<name>re), as RE2 since 2023 and Go since 1.22.
  CHECK(match("x", "^(?<first>x)$") == "true");
  // \B between characters only: RE2 finds it inside the bytes of the ñ.
  CHECK(match("añb", "\\B") == "false");
  CHECK(match("a b", "\\B") == "false");
  CHECK(match("abc", "b\\B") == "true");
}

TEST_CASE("capture group names follow RE2: any script's word characters, repeats allowed") {
  CHECK(match("x", "(?P<ñandú>x)") == "true");
  CHECK(match("x", "(?P<٣>x)") == "true");  // a decimal digit in another script
  CHECK(match("xy", "(?P<n>x)(?P<n>y)") == "true");
  CHECK(match("x", "(?P<x²>x)").find("invalid named capture group") != std::string::npos);
  CHECK(match("x", "(?P<a-b>x)").find("invalid named capture group") != std::string::npos);
  CHECK(match("x", "(?P<>x)").find("invalid named capture group") != std::string::npos);
}

TEST_CASE("many distinct patterns go through the bounded cache") {
  for (int i = 0; i < 1000; ++i) {
    const std::string n = std::to_string(i);
    REQUIRE(match("id-" + n, "^id-" + n + "$") == "true");
  }
  CHECK(match("id-7", "^id-7$") == "true");
}
