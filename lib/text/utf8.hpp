// UTF-8 helpers, shared by CEL (strings are code points stored as UTF-8)
// and the JSON layer (columns count code points).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rollgate::text {

// Appends the UTF-8 encoding of a code point (assumed valid).
void append_utf8(std::string& out, char32_t code_point);

// Decodes the code point starting at `pos` and advances past it; nullopt
// (with pos unchanged) for a malformed sequence.
std::optional<char32_t> decode_utf8(std::string_view text, size_t& pos);

bool is_valid_utf8(std::string_view text);

// The number of code points (malformed bytes count one each).
size_t code_point_count(std::string_view text);

// Byte offset of the code point with index `index`, or text.size() when the
// text is shorter.
size_t code_point_offset(std::string_view text, size_t index);

}  // namespace rollgate::text
