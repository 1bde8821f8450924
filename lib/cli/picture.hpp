// The stage graph in the picture formats `rollgate graph` and
// `rollgate eval --format dot|svg|mermaid` share.
#pragma once

#include <string>
#include <string_view>

#include "stage_graph.hpp"

namespace rollgate::cli {

bool is_picture_format(std::string_view format);  // dot | svg | mermaid

// Throws std::runtime_error for another format, or when SVG cannot be drawn.
std::string render_picture(std::string_view format, const StageGraph& graph);

}  // namespace rollgate::cli
