#include "display_width.hpp"

namespace rollgate::cli {

namespace {

constexpr std::string_view kEllipsis = "…";

bool starts_code_point(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

// The byte offset just past the first `columns` code points of `text`
// (text.size() when it has fewer).
std::size_t prefix_bytes(std::string_view text, std::size_t columns) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!starts_code_point(text[i])) continue;
    if (seen == columns) return i;
    ++seen;
  }
  return text.size();
}

// The byte offset where the last `columns` code points of `text` begin.
std::size_t suffix_start(std::string_view text, std::size_t columns) {
  if (columns == 0) return text.size();
  std::size_t seen = 0;
  for (std::size_t i = text.size(); i > 0; --i) {
    if (starts_code_point(text[i - 1]) && ++seen == columns) return i - 1;
  }
  return 0;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (char byte : text) width += starts_code_point(byte);
  return width;
}

std::string printable(std::string_view text) {
  std::string out(text);
  for (char& byte : out) {
    const auto code = static_cast<unsigned char>(byte);
    if (code < 0x20 || code == 0x7F) byte = ' ';
  }
  return out;
}

std::string shorten_words(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  const std::string_view kept = text.substr(0, prefix_bytes(text, width - 1));
  std::string_view cut = kept;
  // Prefer a word boundary, unless it would throw away more than half.
  const std::size_t space = kept.rfind(' ');
  if (space != std::string_view::npos && display_width(kept.substr(0, space)) * 2 >= width - 1)
    cut = kept.substr(0, space);
  while (!cut.empty() && (cut.back() == ' ' || cut.back() == ',' || cut.back() == ';' || cut.back() == ':'))
    cut.remove_suffix(1);
  return std::string(cut) + std::string(kEllipsis);
}

std::string shorten_middle(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return {};
  const std::size_t room = width - 1;
  const std::size_t head = (room + 1) / 2;
  const std::size_t tail = room - head;
  return std::string(text.substr(0, prefix_bytes(text, head))) + std::string(kEllipsis) +
         std::string(text.substr(suffix_start(text, tail)));
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t have = display_width(text);
  if (have < width) out.append(width - have, ' ');
  return out;
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(start, end - start);
    start = end + 1;
    if (raw.empty()) continue;
    const std::string word = shorten_middle(raw, width);
    const std::size_t word_width = display_width(word);
    if (line_width > 0 && line_width + 1 + word_width > width) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    if (line_width > 0) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += word_width;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

}  // namespace rollgate::cli
