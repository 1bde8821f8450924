// Fitting text into columns.  A column is a code point, as everywhere in
// rollgate (DECISIONS.md), and no function here splits a UTF-8 sequence.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rollgate::cli {

// The number of columns `text` takes: its code points.
std::size_t display_width(std::string_view text);

// `text` with every control character (newlines, tabs, escape sequences)
// replaced by a space: text from a plan or facts must neither break a
// one-line layout nor drive the terminal.
std::string printable(std::string_view text);

// Prose (titles, messages) cut to at most `width` columns: at the last
// word boundary that keeps at least half of the room, else mid-word, and
// ended with "…".
std::string shorten_words(std::string_view text, std::size_t width);

// A value (an id, an owner) cut to at most `width` columns in its middle,
// "wave-nor…-east", since both ends of an id tell stages apart.
std::string shorten_middle(std::string_view text, std::size_t width);

// `text` with spaces added up to `width` columns.
std::string pad_right(std::string_view text, std::size_t width);

// `text` broken at spaces into lines of at most `width` columns, never
// inside a word; a word wider than a line is shortened in its middle.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

}  // namespace rollgate::cli
