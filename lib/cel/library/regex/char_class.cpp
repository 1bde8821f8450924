#include "cel/library/regex/char_class.hpp"

#include <algorithm>
#include <iterator>

namespace rollgate::cel::detail::regex {

void CharClass::add(char32_t lo, char32_t hi) { ranges_.push_back({lo, hi}); }

void CharClass::add(const CharClass& other) {
  ranges_.insert(ranges_.end(), other.ranges_.begin(), other.ranges_.end());
}

void CharClass::add(RangeTable table) {
  ranges_.insert(ranges_.end(), table.ranges, table.ranges + table.size);
}

void CharClass::add_case_variants() {
  // Every code point with a variant is in kCaseOrbitLinks; following the
  // links from a member visits its whole orbit.  The work is bounded by the
  // table (a few thousand links), however large the ranges are.
  const CaseOrbitLink* const links = kCaseOrbitLinks;
  const CaseOrbitLink* const end = links + kCaseOrbitLinkCount;
  const size_t original = ranges_.size();
  for (size_t i = 0; i < original; ++i) {
    const CodepointRange range = ranges_[i];
    auto it = std::lower_bound(links, end, range.lo,
                               [](const CaseOrbitLink& l, char32_t c) { return l.from < c; });
    for (; it != end && it->from <= range.hi; ++it) {
      // The orbit's other members, reached by index so that the walk
      // needs nothing but the sorted table.
      char32_t member = it->next;
      while (member != it->from) {
        ranges_.push_back({member, member});
        const auto link = std::lower_bound(
            links, end, member, [](const CaseOrbitLink& l, char32_t c) { return l.from < c; });
        member = link->next;
      }
    }
  }
}

void CharClass::normalize() {
  std::sort(ranges_.begin(), ranges_.end(),
            [](const CodepointRange& a, const CodepointRange& b) { return a.lo < b.lo; });
  size_t out = 0;
  for (size_t i = 0; i < ranges_.size(); ++i) {
    if (out > 0 && ranges_[i].lo <= ranges_[out - 1].hi + 1) {
      ranges_[out - 1].hi = std::max(ranges_[out - 1].hi, ranges_[i].hi);
    } else {
      ranges_[out++] = ranges_[i];
    }
  }
  ranges_.resize(out);
}

void CharClass::negate() {
  normalize();
  std::vector<CodepointRange> complement;
  complement.reserve(ranges_.size() + 1);
  char32_t next = 0;
  for (const CodepointRange& range : ranges_) {
    if (range.lo > next) complement.push_back({next, range.lo - 1});
    next = range.hi + 1;
  }
  if (next <= kMaxCodepoint) complement.push_back({next, kMaxCodepoint});
  ranges_.swap(complement);
}

bool CharClass::contains(char32_t c) const {
  const auto it = std::upper_bound(ranges_.begin(), ranges_.end(), c,
                                   [](char32_t v, const CodepointRange& r) { return v < r.lo; });
  return it != ranges_.begin() && c <= std::prev(it)->hi;
}

}  // namespace rollgate::cel::detail::regex
