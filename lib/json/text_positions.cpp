#include "json/text_positions.hpp"

#include <algorithm>
#include <cstring>

namespace rollgate::json {

namespace {

bool starts_code_point(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

size_t count_code_points(std::string_view text) {
  return size_t(std::count_if(text.begin(), text.end(), starts_code_point));
}

}  // namespace

TextPositions::TextPositions(std::string_view text) {
  line_starts_.push_back(0);
  for (const char* at = text.data(), *end = text.data() + text.size();
       (at = static_cast<const char*>(std::memchr(at, '\n', size_t(end - at)))) != nullptr;)
    line_starts_.push_back(size_t(++at - text.data()));
  code_points_before_block_.reserve(text.size() / kBlockBytes + 1);
  size_t before = 0;
  for (size_t block = 0; block <= text.size(); block += kBlockBytes) {
    code_points_before_block_.push_back(before);
    before += count_code_points(text.substr(block, kBlockBytes));
  }
}

size_t TextPositions::code_points_before(std::string_view text, size_t offset) const {
  const size_t block = offset / kBlockBytes;
  const size_t block_start = block * kBlockBytes;
  return code_points_before_block_[block] + count_code_points(text.substr(block_start, offset - block_start));
}

TextPosition TextPositions::position_of(std::string_view text, size_t offset) const {
  offset = std::min(offset, text.size());
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t line_index = size_t(after - line_starts_.begin()) - 1;
  const size_t line_start = line_starts_[line_index];
  const size_t column = code_points_before(text, offset) - code_points_before(text, line_start) + 1;
  return {offset, int(line_index) + 1, int(column)};
}

}  // namespace rollgate::json
