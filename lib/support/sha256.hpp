// SHA-256 (FIPS 180-4), for plan and gate definition digests.  Small and
// dependency-free; streaming, so that a digest of generated text (canonical
// JSON) need not build the whole text first.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rollgate {

// An incremental SHA-256: update() any number of times, then hex() once.
class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  void update(char c) {
    buffer_[buffered_++] = static_cast<unsigned char>(c);
    ++length_;
    if (buffered_ == 64) flush_block();
  }
  // The digest as 64 lowercase hex digits, appended to `out`.  Finishes the
  // hasher: update() must not be called afterwards.
  void append_hex(std::string& out);
  std::string hex() {
    std::string out;
    append_hex(out);
    return out;
  }

 private:
  void flush_block();
  std::array<uint32_t, 8> h_;
  std::array<unsigned char, 64> buffer_;
  size_t buffered_ = 0;
  uint64_t length_ = 0;  // bytes
};

// The digest of `data` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view data);

}  // namespace rollgate
