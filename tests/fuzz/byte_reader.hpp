// Turns a fuzzer's bytes into choices: small numbers, whole integers and
// slices of text.  Reads past the end give zeros and empty slices, so every
// input is a complete program.  (libFuzzer's FuzzedDataProvider does the
// same, but exists only with clang; this builds everywhere, so the
// standalone regression runs build with g++ too.)
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace rollgate_fuzz {

class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  bool empty() const { return pos_ >= size_; }

  uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }

  // A number below `bound` (bound > 0).
  size_t below(size_t bound) { return byte() % bound; }

  template <class Int>
  Int integer() {
    Int value{};
    uint8_t bytes[sizeof(Int)] = {};
    for (auto& b : bytes) b = byte();
    std::memcpy(&value, bytes, sizeof(Int));
    return value;
  }

  // A slice whose length is the next byte (0 to 255), or the next two when
  // the first is 255 (up to 64 KiB): short texts are common, long ones
  // possible.
  std::string_view text() {
    size_t length = byte();
    if (length == 255) length = integer<uint16_t>();
    if (length > size_ - (pos_ < size_ ? pos_ : size_)) length = pos_ < size_ ? size_ - pos_ : 0;
    const std::string_view slice(reinterpret_cast<const char*>(data_) + (pos_ < size_ ? pos_ : size_), length);
    pos_ += length;
    return slice;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

}  // namespace rollgate_fuzz
