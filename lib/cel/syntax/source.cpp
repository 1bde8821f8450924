#include "cel/syntax/source.hpp"

#include "text/utf8.hpp"

namespace rollgate::cel::detail {

LineColumn locate(std::string_view source, size_t offset) {
  if (offset > source.size()) offset = source.size();
  LineColumn at;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (source[i] == '\n') {
      ++at.line;
      line_start = i + 1;
    }
  }
  at.column = static_cast<int>(
      text::code_point_count(source.substr(line_start, offset - line_start))) + 1;
  return at;
}

}  // namespace rollgate::cel::detail
