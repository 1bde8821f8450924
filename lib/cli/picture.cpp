#include "picture.hpp"

#include <stdexcept>

#include "svg_render.hpp"
#include "views.hpp"

namespace rollgate::cli {

bool is_picture_format(std::string_view format) { return format == "dot" || format == "svg" || format == "mermaid"; }

std::string render_picture(std::string_view format, const StageGraph& graph) {
  if (format == "dot") return render_dot(graph);
  if (format == "svg") return render_svg(render_dot(graph));
  if (format == "mermaid") return render_mermaid(graph);
  throw std::runtime_error("unknown picture format '" + std::string(format) + "' (dot, svg or mermaid)");
}

}  // namespace rollgate::cli
