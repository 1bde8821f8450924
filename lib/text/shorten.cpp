#include "text/shorten.hpp"

namespace rollgate::text {

size_t character_cut(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return cut;
}

std::string shorten(std::string text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  const std::string size = std::to_string(text.size());
  text.resize(character_cut(text, max_bytes));
  return text + "… (" + size + " bytes)";
}

}  // namespace rollgate::text
