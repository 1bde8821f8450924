// "Did you mean": the declared name a mistyped subcommand or option most
// probably meant.  CLI11 2.1 reports an unknown word without a guess.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rollgate::cli {

// The only name that starts with `word` (a word cut short: "--fo" for
// "--format"), else the nearest name within a small edit distance (a
// letter wrong, missing, extra or two swapped; at most a third of the
// word), the first declared on a tie (text::closest_within, bounded).
// None when nothing is that close.  Linear in the number of names.
std::optional<std::string> closest_name(std::string_view word, const std::vector<std::string>& names);

}  // namespace rollgate::cli
