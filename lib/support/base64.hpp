// Base64 (RFC 4648, standard alphabet, with padding), as proto3 JSON writes
// bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rollgate {

std::string base64_encode(std::string_view bytes);
// Accepts padded or unpadded input; nullopt on any other character.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace rollgate
