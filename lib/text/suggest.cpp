#include "text/suggest.hpp"

#include <algorithm>
#include <numeric>

namespace rollgate::text {

namespace {

constexpr std::string_view kOpening = " (did you mean '";
constexpr std::string_view kClosing = "'?)";

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closest_match(std::string_view name, const std::vector<std::string>& candidates) {
  size_t limit = std::max<size_t>(2, name.size() / 3);
  std::string best;
  size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    size_t d = edit_distance(name, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
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
