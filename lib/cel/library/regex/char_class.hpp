// A set of code points, as sorted ranges: what one step of a regular
// expression may consume.  Literals, '.', [...] classes, \d, \pL and the
// POSIX classes all become one of these, so the matcher knows one kind of
// consuming instruction.
#pragma once

#include <cstddef>
#include <vector>

#include "cel/library/regex/unicode_tables.hpp"

namespace rollgate::cel::detail::regex {

inline constexpr char32_t kMaxCodepoint = 0x10FFFF;

class CharClass {
 public:
  void add(char32_t lo, char32_t hi);
  void add(const CharClass& other);
  void add(RangeTable table);

  // Adds every case variant (simple case folding) of every member, as
  // RE2's (?i) does.
  void add_case_variants();

  // The complement within 0..U+10FFFF.
  void negate();

  // Sorts and merges the ranges; contains() needs it.
  void normalize();

  bool contains(char32_t c) const;

  const std::vector<CodepointRange>& ranges() const { return ranges_; }
  size_t memory_bytes() const { return ranges_.capacity() * sizeof(CodepointRange); }

 private:
  std::vector<CodepointRange> ranges_;
};

}  // namespace rollgate::cel::detail::regex
