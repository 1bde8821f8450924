#include <doctest/doctest.h>

#include "text/suggest.hpp"

using rollgate::text::closest_match;
using rollgate::text::did_you_mean;
using rollgate::text::edit_distance_within;
using rollgate::text::kMaxSuggestedCodePoints;

TEST_CASE("edit distance counts insertions, deletions and substitutions") {
  CHECK(edit_distance_within("pilot", "pilot", 10) == 0);
  CHECK(edit_distance_within("pilto", "pilot", 10) == 2);
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
