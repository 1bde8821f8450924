#include <cstdio>

#include "plan/plan_loader.hpp"

namespace rollgate::plan::detail {

std::string control_character_problem(std::string_view id) {
  for (size_t i = 0; i < id.size(); ++i) {
    const auto c = static_cast<unsigned char>(id[i]);
    if (c >= 0x20 && c != 0x7F) continue;
    char code[8];
    std::snprintf(code, sizeof code, "U+%04X", unsigned(c));
    return "contains the control character " + std::string(code) + " at byte " + std::to_string(i);
  }
  return "";
}

}  // namespace rollgate::plan::detail
