// The encoders extension: base64.encode(bytes) and base64.decode(string).
#include <array>

#include "cel/library/overloads.hpp"

namespace rollgate::cel::detail {

namespace {

constexpr char kAlphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

Value encode(std::span<const Value> a) {
  const std::string& in = a[0].as_string();
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  for (size_t i = 0; i < in.size(); i += 3) {
    uint32_t chunk = static_cast<uint32_t>(static_cast<unsigned char>(in[i])) << 16;
    if (i + 1 < in.size()) chunk |= static_cast<uint32_t>(static_cast<unsigned char>(in[i + 1])) << 8;
    if (i + 2 < in.size()) chunk |= static_cast<unsigned char>(in[i + 2]);
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(chunk >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kAlphabet[chunk & 63] : '=';
  }
  return Value::string(std::move(out));
}

// Standard alphabet; padding is optional (cel-go accepts both forms).
Value decode(std::span<const Value> a) {
  std::array<int, 256> table{};
  table.fill(-1);
  for (int i = 0; i < 64; ++i) table[static_cast<unsigned char>(kAlphabet[i])] = i;
  std::string_view in = a[0].as_string();
  while (!in.empty() && in.back() == '=') in.remove_suffix(1);
  if (in.size() % 4 == 1) return Value::error("base64.decode: malformed input");
  std::string out;
  uint32_t bits = 0;
  int count = 0;
  for (const char c : in) {
    const int d = table[static_cast<unsigned char>(c)];
    if (d < 0) return Value::error("base64.decode: malformed input");
    bits = (bits << 6) | static_cast<uint32_t>(d);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  return Value::bytes(std::move(out));
}

}  // namespace

void register_encoders(FunctionRegistry& r) {
  r.add("base64.encode",
        Overload{"base64_encode_bytes", {Type::bytes()}, Type::string(), false, encode});
  r.add("base64.decode",
        Overload{"base64_decode_string", {Type::string()}, Type::bytes(), false, decode});
}

}  // namespace rollgate::cel::detail
