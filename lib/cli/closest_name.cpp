#include "closest_name.hpp"

#include <algorithm>

#include "text/suggest.hpp"

namespace rollgate::cli {

namespace {

std::optional<std::string> only_name_starting_with(std::string_view word, const std::vector<std::string>& names) {
  std::optional<std::string> found;
  for (const std::string& name : names) {
    if (!name.starts_with(word)) continue;
    if (found) return std::nullopt;  // ambiguous: "e" starts eval, explain and expr
    found = name;
  }
  return found;
}

}  // namespace

std::optional<std::string> closest_name(std::string_view word, const std::vector<std::string>& names) {
  if (word.empty()) return std::nullopt;
  if (auto completed = only_name_starting_with(word, names)) return completed;
  // Command-line words are short: a third of the word, at least one edit.
  const std::size_t allowed = std::max<std::size_t>(1, word.size() / 3);
  text::SuggestionBudget budget;
  std::string nearest = text::closest_within(word, names, allowed, budget);
  if (nearest.empty()) return std::nullopt;
  return nearest;
}

}  // namespace rollgate::cli
