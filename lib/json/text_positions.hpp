// Line and column of byte offsets into a text, each found without scanning
// the text again: a document of one 10 MB line with 200,000 problems must
// not cost 200,000 times the line's length (issue 10).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace rollgate::json {

struct TextPosition {
  size_t offset = 0;
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based, in code points
};

// Indexes a text once, in one pass: where each line starts, and how many
// code points precede every block of kBlockBytes bytes.  A position then
// costs a binary search over the lines plus at most two partial blocks.
// The index keeps no reference to the text (its owner may move it): each
// look-up is given the same text again.
class TextPositions {
 public:
  explicit TextPositions(std::string_view text);

  // Line and column of `offset` (clamped to the text's end) in `text`, the
  // text the index was built over.
  TextPosition position_of(std::string_view text, size_t offset) const;

 private:
  static constexpr size_t kBlockBytes = 256;  // the index is 1/32 of the text's size

  // Code points (bytes that are not UTF-8 continuation bytes) in text[0, offset).
  size_t code_points_before(std::string_view text, size_t offset) const;

  std::vector<size_t> line_starts_;
  std::vector<size_t> code_points_before_block_;  // [k]: in text[0, k * kBlockBytes)
};

}  // namespace rollgate::json
