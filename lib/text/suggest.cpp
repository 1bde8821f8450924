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
  // row[j]: the distance between a[0, i) and b[0, j), capped at `over`.
  // Cells outside the band are never written after the first row and
  // stay `over`, which is what they would be worth.
  std::vector<size_t> row(b.size() + 1, over);
  for (size_t j = 0; j <= std::min(b.size(), bound); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    const size_t first = i > bound ? i - bound : 1;
    const size_t last = std::min(b.size(), i + bound);
    size_t diagonal = row[first - 1];
    row[first - 1] = first == 1 ? std::min(i, over) : over;
    size_t row_minimum = row[first - 1];
    for (size_t j = first; j <= last; ++j) {
      const size_t above = row[j];
      const size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution, over});
      row_minimum = std::min(row_minimum, row[j]);
      diagonal = above;
    }
    // Distances never decrease from one row to the next along any path.
    if (row_minimum > bound) return over;
  }
  return row[b.size()];
}

std::string closest_match(std::string_view name, const std::vector<std::string>& candidates) {
  // A code point takes at most 4 bytes: longer names are over the cap
  // without being counted.
  if (name.size() > 4 * kMaxSuggestedCodePoints ||
      code_point_count(name) > kMaxSuggestedCodePoints)
    return std::string();
  const size_t limit = std::max<size_t>(2, name.size() / 3);
  std::string best;
  size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    // Only a candidate strictly closer than the best so far matters; the
    // length difference alone is a lower bound on the distance.
    const size_t bound = best_distance - 1;
    const size_t length_gap = candidate.size() > name.size() ? candidate.size() - name.size()
                                                             : name.size() - candidate.size();
    if (length_gap > bound) continue;
    const size_t d = edit_distance_within(name, candidate, bound);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
      if (d == 0) break;
    }
  }
  return best;
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
