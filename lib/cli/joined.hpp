// Words joined with a separator: "text|json", "check eval explain".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rollgate::cli {

inline std::string joined(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += separator;
    out += word;
  }
  return out;
}

}  // namespace rollgate::cli
