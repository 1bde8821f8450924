// "Did you mean ...?" for undeclared names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rollgate::cel::detail {

// Levenshtein distance (insertions, deletions, substitutions), in bytes.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `name`, if within max(2, size/3) edits; on a tie
// the first candidate wins (candidates are in declaration order).
std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& candidates);

}  // namespace rollgate::cel::detail
