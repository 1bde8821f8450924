#include "text/suggest.hpp"

#include <algorithm>
#include <utility>

#include "text/utf8.hpp"

namespace rollgate::text {

namespace {

constexpr std::string_view kOpening = " (did you mean '";
constexpr std::string_view kClosing = "'?)";

}  // namespace

size_t edit_distance_within(std::string_view a, std::string_view b, size_t bound) {
  if (a.size() > b.size()) std::swap(a, b);  // a is the shorter: rows over it
  const size_t over = bound + 1;
  if (b.size() - a.size() > bound) return over;
  // Rows i - 2, i - 1 and i of the table: row[j] is the distance between
  // a[0, i) and b[0, j), capped at `over`.  A row is read only inside its
  // band and one cell past either end, and those cells are kept at `over`,
  // which is what the cells outside the band are worth.
  std::vector<size_t> before(b.size() + 1, over), previous(b.size() + 1, over), current(b.size() + 1, over);
  for (size_t j = 0; j <= std::min(b.size(), bound); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    const size_t first = i > bound ? i - bound : 1;
    const size_t last = std::min(b.size(), i + bound);
    current[first - 1] = first == 1 ? std::min(i, over) : over;
    size_t row_minimum = current[first - 1];
    for (size_t j = first; j <= last; ++j) {
      const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      size_t cell = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cell = std::min(cell, before[j - 2] + 1);  // the two neighbours swapped
      current[j] = std::min(cell, over);
      row_minimum = std::min(row_minimum, current[j]);
    }
    if (last < b.size()) current[last + 1] = over;
    // A cell comes from the row above (plus 0 or 1), from its left
    // neighbour plus 1, or by a swap from two rows up plus 1; and a row's
    // minimum is at most one more than the row above's.  So once a whole
    // row is past the bound, the row above is at least at the bound, and
    // every later row is past it too.
    if (row_minimum > bound) return over;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

ClosestMatchSearch::ClosestMatchSearch(std::string_view name, size_t max_distance, SuggestionBudget& budget)
    : name_(name), budget_(budget), best_distance_(max_distance + 1) {
  // A code point takes at most 4 bytes: longer names are over the cap
  // without being counted.
  given_up_ = name.size() > 4 * kMaxSuggestedCodePoints || code_point_count(name) > kMaxSuggestedCodePoints;
}

void ClosestMatchSearch::consider(std::string_view candidate) {
  if (given_up_ || best_distance_ == 0) return;
  // Only a candidate strictly closer than the best so far matters; the
  // length difference alone is a lower bound on the distance.
  const size_t bound = best_distance_ - 1;
  const size_t length_gap = candidate.size() > name_.size() ? candidate.size() - name_.size()
                                                            : name_.size() - candidate.size();
  const bool compared = length_gap <= bound;
  const size_t cells = compared ? (std::min(name_.size(), candidate.size()) + 1) * (2 * bound + 1) : 0;
  if (!budget_.spend(1 + cells)) {
    given_up_ = true;
    return;
  }
  if (!compared) return;
  const size_t d = edit_distance_within(name_, candidate, bound);
  if (d < best_distance_) {
    best_distance_ = d;
    best_ = candidate;
  }
}

size_t typo_distance(std::string_view name) { return std::max<size_t>(2, name.size() / 3); }

std::string closest_within(std::string_view name, const std::vector<std::string>& candidates,
                           size_t max_distance, SuggestionBudget& budget, std::string_view except) {
  ClosestMatchSearch search(name, max_distance, budget);
  for (const std::string& candidate : candidates)
    if (candidate != except) search.consider(candidate);
  return search.result();
}

std::string closest_match(std::string_view name, const std::vector<std::string>& candidates,
                          SuggestionBudget& budget, std::string_view except) {
  return closest_within(name, candidates, typo_distance(name), budget, except);
}

std::string closest_match(std::string_view name, const std::vector<std::string>& candidates) {
  SuggestionBudget budget;
  return closest_match(name, candidates, budget);
}

std::string did_you_mean_words(std::string_view match) {
  if (match.empty()) return std::string();
  std::string out(kOpening);
  out += match;
  out += kClosing;
  return out;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  return did_you_mean_words(closest_match(name, candidates));
}

std::string suggestion_in(std::string_view message) {
  if (!message.ends_with(kClosing)) return std::string();
  size_t opening = message.rfind(kOpening);
  if (opening == std::string_view::npos) return std::string();
  size_t start = opening + kOpening.size();
  size_t end = message.size() - kClosing.size();
  if (end <= start) return std::string();
  return std::string(message.substr(start, end - start));
}

}  // namespace rollgate::text
