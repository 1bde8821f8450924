#include "source_excerpt.hpp"

#include <algorithm>
#include <vector>

namespace rollgate::cli {

namespace {

constexpr size_t kMaxShown = 100;  // code points of a source line shown
constexpr size_t kContext = 40;    // of them before the column, when cut

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The line's first `limit` code points, each as its bytes (tabs as a
// space): what an excerpt can show, without decoding the rest of a long
// (minified) line.
std::vector<std::string_view> code_points(std::string_view line, size_t limit) {
  std::vector<std::string_view> out;
  for (size_t i = 0; i < line.size() && out.size() < limit;) {
    size_t n = 1;
    while (i + n < line.size() && is_continuation(static_cast<unsigned char>(line[i + n]))) ++n;
    out.push_back(line[i] == '\t' ? std::string_view(" ") : line.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

SourceText::SourceText(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

std::string_view SourceText::line_text(int line) const {
  const size_t start = line_starts_[size_t(line) - 1];
  size_t end = size_t(line) < line_starts_.size() ? line_starts_[size_t(line)] - 1 : text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return text_.substr(start, end - start);
}

std::string SourceText::excerpt(int line, int column) const {
  if (line < 1 || column < 1 || size_t(line) > line_starts_.size()) return "";
  const size_t caret = size_t(column) - 1;
  // One more than can be shown says whether the line goes on.
  const std::vector<std::string_view> points =
      code_points(line_text(line), std::max(caret, kContext) - kContext + kMaxShown + 1);
  size_t first = 0, last = points.size();
  if (points.size() > kMaxShown) {  // cut around the column
    first = caret > kContext ? caret - kContext : 0;
    last = std::min(points.size(), first + kMaxShown);
  }
  std::string shown = first > 0 ? "…" : "";
  for (size_t i = first; i < last; ++i) shown += points[i];
  if (last < points.size()) shown += "…";
  const size_t caret_column = (first > 0 ? 1 : 0) + (caret >= first ? caret - first : 0);
  const std::string number = std::to_string(line);
  std::string out = " " + number + " | " + shown + "\n";
  // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict in
  // "literal" + std::string&& (bug 105329).
  out.append(1, ' ').append(number.size(), ' ').append(" | ").append(caret_column, ' ').append("^\n");
  return out;
}

}  // namespace rollgate::cli
