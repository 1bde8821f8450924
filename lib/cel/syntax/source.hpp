// Line and column of a byte offset in the expression text, for messages.
#pragma once

#include <cstddef>
#include <string_view>

namespace rollgate::cel::detail {

struct LineColumn {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, counted in code points
};

LineColumn locate(std::string_view source, size_t offset);

}  // namespace rollgate::cel::detail
