// "Did you mean ...?" for ids and names a person mistyped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rollgate::text {

// Names longer than this many code points get no suggestion: a person
// mistypes identifiers, not pages of text, and the cap keeps comparing each
// candidate to a few hundred thousand steps at most (docs/LIMITS.md).
inline constexpr size_t kMaxSuggestedCodePoints = 256;

// The Levenshtein distance between two byte strings when it is at most
// `bound`, otherwise bound + 1.  Only the diagonal band |i - j| <= bound is
// computed, and the computation stops as soon as every cell of a row
// exceeds the bound (Ukkonen): O(min(|a|, |b|) x bound) time, O(|b|) space.
size_t edit_distance_within(std::string_view a, std::string_view b, size_t bound);

// The candidate closest to `name` when it is close enough to be a likely
// typo (distance at most max(2, size/3)); "" otherwise, and "" for a name
// over kMaxSuggestedCodePoints.  Ties keep the first.  Candidates whose
// length alone rules them out are skipped unread, so the time is linear in
// the number of candidates whatever their length.
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
