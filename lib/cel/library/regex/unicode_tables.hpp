// Unicode data for matches(): the general categories and scripts that
// \p{...} names, and simple case folding for (?i).  Generated from the
// Unicode Character Database by generate_unicode_tables.py (next to this
// file; it says which version and how to rerun it).  Plain constant arrays:
// no allocation, no initialisation at run time.
#pragma once

#include <cstddef>
#include <string_view>

namespace rollgate::cel::detail::regex {

// Code points lo..hi, both included.
struct CodepointRange {
  char32_t lo;
  char32_t hi;
};

// A sorted run of disjoint, non-adjacent ranges.
struct RangeTable {
  const CodepointRange* ranges = nullptr;
  size_t size = 0;
};

// The code points of the class \p{name}: a general category by its one- or
// two-letter name ("L", "Lu", "Nd"; "C" is Cc, Cf, Co and Cs, as in RE2),
// a script by its name ("Greek", "Latin", "Han"), or "Any".  Names are
// case-sensitive, as in RE2.  False for an unknown name.
bool unicode_class(std::string_view name, RangeTable* out);

// One member of a simple case-folding orbit (CaseFolding.txt, statuses C
// and S): `next` is the next larger member of the orbit of `from`, or the
// smallest member when `from` is the largest, so that following `next`
// from any member visits its whole orbit and comes back.
struct CaseOrbitLink {
  char32_t from;
  char32_t next;
};

// Every code point that has another case variant, sorted by `from`.
extern const CaseOrbitLink kCaseOrbitLinks[];
extern const size_t kCaseOrbitLinkCount;

}  // namespace rollgate::cel::detail::regex
