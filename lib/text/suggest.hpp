// "Did you mean ...?" for ids and names a person mistyped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rollgate::text {

// Levenshtein distance between two byte strings.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `name` when it is close enough to be a likely
// typo (distance at most max(2, size/3)); "" otherwise.  Ties keep the first.
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
