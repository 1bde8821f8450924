// SHA-256 (FIPS 180-4), for plan digests.  Small and dependency-free; plans
// are kilobytes, so clarity beats speed here.
#pragma once

#include <string>
#include <string_view>

namespace rollgate {

// The digest of `data` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace rollgate
