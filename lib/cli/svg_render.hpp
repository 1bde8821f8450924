// SVG through Graphviz: the DOT text piped through `dot -Tsvg`, found on
// PATH.  No shell is involved, so no text of the plan can become a command.
#pragma once

#include <string>
#include <string_view>

namespace rollgate::cli {

// Throws std::runtime_error naming the missing program when `dot` is not on
// PATH, and with dot's own message when it fails.
std::string render_svg(std::string_view dot_text);

}  // namespace rollgate::cli
