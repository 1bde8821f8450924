#include <doctest/doctest.h>

#include "text/suggest.hpp"

using rollgate::text::closest_match;
using rollgate::text::did_you_mean;
using rollgate::text::edit_distance;

TEST_CASE("edit distance counts insertions, deletions and substitutions") {
  CHECK(edit_distance("pilot", "pilot") == 0);
  CHECK(edit_distance("pilto", "pilot") == 2);
  CHECK(edit_distance("departmnts", "departments") == 1);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("a suggestion is made only for a likely typo, the closest first") {
  std::vector<std::string> names = {"pilot", "wave", "full-rollout"};
  CHECK(closest_match("pilto", names) == "pilot");
  CHECK(closest_match("full-rolout", names) == "full-rollout");
  CHECK(closest_match("readiness", names) == "");
  CHECK(did_you_mean("wav", names) == " (did you mean 'wave'?)");
  CHECK(did_you_mean("zzzzzz", names) == "");
}
