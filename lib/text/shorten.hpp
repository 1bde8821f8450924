// A text cut short for a message or a report: the first bytes of a long
// value and how long it was, so that quoting a 10 MB input never copies
// it into every message that names it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rollgate::text {

// The largest size at most `max_bytes` to which `text` can be cut without
// cutting a UTF-8 character in two.
size_t character_cut(std::string_view text, size_t max_bytes);

// `text` itself when it has at most `max_bytes` bytes; otherwise its first
// `max_bytes` at most (whole UTF-8 characters) and "… (N bytes)", N being
// its whole size.
std::string shorten(std::string text, size_t max_bytes);

}  // namespace rollgate::text
