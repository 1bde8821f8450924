// The source line of a located problem with a caret under its column, as a
// compiler shows it:
//      6 |       "expr": "size(pilot.departmnts) >= 2",
//        |                     ^
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rollgate::cli {

// A text with its line starts indexed once, so that showing any number of
// problems in one file stays linear in its size.
class SourceText {
 public:
  explicit SourceText(std::string_view text);

  // The two lines (each ending in '\n') for line `line` (1-based) and
  // column `column` (1-based, in code points), or "" when the line does not
  // exist.  Tabs become single spaces so that the caret lines up; a line
  // longer than 100 columns is cut around the column, with ellipses.
  std::string excerpt(int line, int column) const;

 private:
  std::string_view line_text(int line) const;

  std::string_view text_;
  std::vector<size_t> line_starts_;
};

}  // namespace rollgate::cli
