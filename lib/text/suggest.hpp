// "Did you mean ...?" for ids and names a person mistyped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/suggestion_budget.hpp"

namespace rollgate::text {

// Names longer than this many code points get no suggestion: a person
// mistypes identifiers, not pages of text, and the cap keeps comparing each
// candidate to a few hundred thousand steps at most (docs/LIMITS.md).
inline constexpr size_t kMaxSuggestedCodePoints = 256;

// The edit distance between two byte strings when it is at most `bound`,
// otherwise bound + 1: insertions, deletions, substitutions and swaps of two
// neighbours ("pilto" for "pilot"), each costing 1 (the optimal string
// alignment distance).  Only the diagonal band |i - j| <= bound is
// computed, and the computation stops as soon as every cell of a row
// exceeds the bound (Ukkonen): O(min(|a|, |b|) x bound) time, O(|b|) space.
size_t edit_distance_within(std::string_view a, std::string_view b, size_t bound);

// The search for the candidate closest to a name, one candidate at a time
// (also for callers whose candidates are not a list of strings): the
// closest within `max_distance` edits, the first on a tie.  Each candidate
// costs `budget` one cell, plus the banded cells of its comparison when its
// length does not rule it out unread; once the budget cannot pay for a
// candidate the search gives no suggestion at all (SuggestionBudget), never
// a worse one.  A name over kMaxSuggestedCodePoints gets none either.
class ClosestMatchSearch {
 public:
  ClosestMatchSearch(std::string_view name, size_t max_distance, SuggestionBudget& budget);
  void consider(std::string_view candidate);
  // The closest candidate considered; "" when none was close enough.
  std::string result() const { return given_up_ ? std::string() : best_; }

 private:
  std::string_view name_;
  SuggestionBudget& budget_;
  bool given_up_ = false;  // the name is over the cap, or the budget ran out
  std::string best_;
  size_t best_distance_;
};

// The largest distance at which `name` and a candidate are likely a typo
// apart: max(2, size/3).
size_t typo_distance(std::string_view name);

// The candidate of `candidates` closest to `name` within `max_distance`
// edits, other than `except` (ClosestMatchSearch).
std::string closest_within(std::string_view name, const std::vector<std::string>& candidates,
                           size_t max_distance, SuggestionBudget& budget, std::string_view except = {});

// closest_within() at typo_distance(), paid from the document's `budget`.
std::string closest_match(std::string_view name, const std::vector<std::string>& candidates,
                          SuggestionBudget& budget, std::string_view except = {});

// closest_match() with a budget of its own: for a single look-up (an id a
// program asked for), linear in the number of candidates whatever their
// length.
std::string closest_match(std::string_view name, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" for the match "x"; "" for no match ("").
std::string did_you_mean_words(std::string_view match);

// did_you_mean_words(closest_match(name, candidates)).
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

// The match a message ends with in did_you_mean's words ("x" for
// "... (did you mean 'x'?)"), or "".  For messages made where no
// Diagnostic is at hand (the CEL checker's), so that the suggestion can be
// given apart as well.
std::string suggestion_in(std::string_view message);

}  // namespace rollgate::text
