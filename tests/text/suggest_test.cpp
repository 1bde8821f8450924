#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "text/suggest.hpp"

using rollgate::text::closest_match;
using rollgate::text::closest_within;
using rollgate::text::ClosestMatchSearch;
using rollgate::text::SuggestionBudget;
using rollgate::text::did_you_mean;
using rollgate::text::edit_distance_within;
using rollgate::text::kMaxSuggestedCodePoints;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps of neighbours") {
  CHECK(edit_distance_within("pilot", "pilot", 10) == 0);
  CHECK(edit_distance_within("pilto", "pilot", 10) == 1);  // two letters swapped: one edit
  CHECK(edit_distance_within("evla", "eval", 1) == 1);
  CHECK(edit_distance_within("ab", "ba", 0) == 1);
  CHECK(edit_distance_within("abcd", "badc", 10) == 2);
  CHECK(edit_distance_within("departmnts", "departments", 10) == 1);
  CHECK(edit_distance_within("", "abc", 10) == 3);
  CHECK(edit_distance_within("abc", "", 10) == 3);
  CHECK(edit_distance_within("kitten", "sitting", 10) == 3);
  CHECK(edit_distance_within("sitting", "kitten", 10) == 3);
}

TEST_CASE("edit distance past the bound is reported as bound + 1") {
  CHECK(edit_distance_within("kitten", "sitting", 3) == 3);
  CHECK(edit_distance_within("kitten", "sitting", 2) == 3);
  CHECK(edit_distance_within("kitten", "sitting", 0) == 1);
  CHECK(edit_distance_within("abc", "abcdefgh", 4) == 5);  // the lengths alone
  CHECK(edit_distance_within("abcdef", "ghijkl", 2) == 3);
  // A path that leaves the band and comes back is never cheaper: the band
  // gives the exact answer whenever it is within the bound.
  CHECK(edit_distance_within("abcdefgh", "bcdefgha", 2) == 2);
  CHECK(edit_distance_within("xabcdefgh", "abcdefghy", 2) == 2);
}

TEST_CASE("a suggestion is made only for a likely typo, the closest first") {
  std::vector<std::string> names = {"pilot", "wave", "full-rollout"};
  CHECK(closest_match("pilto", names) == "pilot");
  CHECK(closest_match("full-rolout", names) == "full-rollout");
  CHECK(closest_match("readiness", names) == "");
  CHECK(did_you_mean("wav", names) == " (did you mean 'wave'?)");
  CHECK(did_you_mean("zzzzzz", names) == "");
}

TEST_CASE("of two candidates at the same distance the first is suggested") {
  CHECK(closest_match("wave", {"wavy", "wove", "wave-2"}) == "wavy");
  CHECK(closest_match("stage-10", {"stage-1", "stage-10x", "stage-10"}) == "stage-10");
}

TEST_CASE("candidates much longer or shorter than the name are not suggested") {
  // Within max(2, size/3) edits only.
  CHECK(closest_match("canary", {"canary-europe-west"}) == "");
  CHECK(closest_match("canary-europe-west", {"canary"}) == "");
  CHECK(closest_match("canary-eu", {"canary-euro"}) == "canary-euro");
}

TEST_CASE("a name over the code-point cap gets no suggestion, one at the cap does") {
  const std::string at_cap(kMaxSuggestedCodePoints, 'a');
  CHECK(closest_match(at_cap, {at_cap + "b"}) == at_cap + "b");
  const std::string over_cap(kMaxSuggestedCodePoints + 1, 'a');
  CHECK(closest_match(over_cap, {over_cap + "b"}) == "");
  // Code points, not bytes: 256 two-byte letters are within the cap.
  std::string accented;
  for (size_t i = 0; i < kMaxSuggestedCodePoints; ++i) accented += "é";
  CHECK(closest_match(accented, {accented + "e"}) == accented + "e");
}

TEST_CASE("a document's suggestion budget, once spent, gives no more suggestions") {
  const std::vector<std::string> names = {"pilot", "wave", "full-rollout"};
  SuggestionBudget budget(100);
  CHECK(closest_match("pilto", names, budget) == "pilot");
  // Long names cost their banded cells: this one cannot be paid for, and
  // then not even a cheap one gets a suggestion, so a document never gets
  // suggestions for later problems after going without for earlier ones.
  const std::string long_name(200, 'a');
  CHECK(closest_match(long_name, {long_name + "b"}, budget) == "");
  CHECK(budget.spent());
  CHECK(closest_match("wav", names, budget) == "");
}

TEST_CASE("the default budget bounds many long unknown names among many long candidates") {
  // 300 unknown 256-character names among 300 such candidates: without a
  // budget 90,000 comparisons of up to 44,000 cells each.
  std::minstd_rand random(10);
  std::vector<std::string> ids;
  for (int i = 0; i < 300; ++i) {
    std::string id(256, 'a');
    for (char& c : id) c = char('a' + random() % 26);
    ids.push_back(id);
  }
  SuggestionBudget budget;
  size_t suggested = 0;
  for (int i = 0; i < 300; ++i) {
    std::string typo = ids[size_t((i + 150) % 300)];
    typo.back() = '0';
    if (!closest_match(typo, ids, budget).empty()) ++suggested;
  }
  CHECK(budget.spent());
  CHECK(suggested > 0);    // the first problems got theirs
  CHECK(suggested < 300);  // the later ones none
}

TEST_CASE("a search one candidate at a time finds what a list would, leaving one out") {
  SuggestionBudget budget;
  ClosestMatchSearch search("depatments", 3, budget);
  for (const char* name : {"departures", "departments", "apartments"}) search.consider(name);
  CHECK(search.result() == "departments");
  CHECK(closest_within("pilot", {"pilot", "pilots"}, 2, budget, "pilot") == "pilots");
}

namespace {

// The whole table, for comparison: insertions, deletions, substitutions
// and swaps of two neighbours.
size_t full_table_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

TEST_CASE("the banded distance agrees with the whole table within the bound, on random strings") {
  std::minstd_rand random(7);
  for (int round = 0; round < 5000; ++round) {
    std::string a(random() % 12, 'a'), b(random() % 12, 'a');
    for (char& c : a) c = char('a' + random() % 3);
    for (char& c : b) c = char('a' + random() % 3);
    const size_t bound = random() % 8;
    const size_t exact = full_table_distance(a, b);
    CAPTURE(a);
    CAPTURE(b);
    CAPTURE(bound);
    CHECK(edit_distance_within(a, b, bound) == std::min(exact, bound + 1));
  }
}
