// The stage graph as a Mermaid flowchart, for wikis that render it.  Nodes
// are named by plan index ("s0"); labels are quoted with Mermaid's entity
// codes for the characters that would end or reinterpret them.
#include <string>
#include <vector>

#include "display_width.hpp"
#include "human_time.hpp"
#include "views.hpp"

namespace rollgate::cli {

namespace {

std::string label_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : printable(text)) {
    switch (c) {
      case '"': out += "#34;"; break;
      case '#': out += "#35;"; break;
      case '&': out += "#38;"; break;
      case '<': out += "#60;"; break;
      case '>': out += "#62;"; break;
      case '`': out += "#96;"; break;
      default: out += c;
    }
  }
  return out;
}

// The front matter is YAML: single quotes take every character literally
// but the quote itself, which is doubled.
std::string yaml_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'') out += c;
  }
  return out + "'";
}

// Mermaid class names stay clear of its keywords ("end").
std::string class_name(std::string_view status) { return "status_" + std::string(status); }

void write_node(std::string& out, const GraphNode& node, std::size_t index, std::string_view indent) {
  out += indent;
  out += node_name(index);
  out += "[\"<b>";
  out += label_escaped(node.id);
  out += "</b>";
  if (!node.title.empty()) {
    out += "<br/>";
    out += label_escaped(shorten_words(node.title, kPictureTitleColumns));
  }
  if (!node.status.empty()) {
    out += "<br/><i>";
    out += label_escaped(node.status);
    out += "</i>";
  }
  out += "\"]";
  if (!node.status.empty()) {
    out += ":::";
    out += class_name(node.status);
  }
  out += '\n';
}

void write_legend(std::string& out, const StageGraph& graph) {
  const std::vector<StatusColors> legend = legend_of(graph);
  if (legend.empty()) return;
  out += "  subgraph legend[\"legend: heavy edges hold a stage back\"]\n";
  for (const StatusColors& entry : legend) {
    out += "    legend_";
    out += entry.status;
    out += "[\"";
    out += entry.status;
    out += "\"]:::";
    out += class_name(entry.status);
    out += '\n';
  }
  out += "  end\n";
  for (const StatusColors& entry : legend) {
    out += "  classDef ";
    out += class_name(entry.status);
    out += " fill:";
    out += entry.fill;
    out += ",stroke:";
    out += entry.stroke;
    out += '\n';
  }
}

// linkStyle numbers edges in the order they were written.
void write_heavy_edge_style(std::string& out, const StageGraph& graph) {
  std::string heavy;
  for (std::size_t i = 0; i < graph.edges.size(); ++i) {
    if (!graph.edges[i].holds_back) continue;
    if (!heavy.empty()) heavy += ',';
    heavy += std::to_string(i);
  }
  if (heavy.empty()) return;
  out += "  linkStyle ";
  out += heavy;
  out += " stroke:";
  out += kHoldingBackColor;
  out += ",stroke-width:3px\n";
}

}  // namespace

std::string render_mermaid(const StageGraph& graph) {
  std::string title = printable(graph.plan_name);
  if (graph.evaluated_at) {
    title += " at ";
    title += format_instant(*graph.evaluated_at);
  }
  std::string out = "---\ntitle: ";
  out += yaml_quoted(title);
  out += "\n---\nflowchart LR\n";
  std::vector<std::vector<std::size_t>> members(graph.clusters.size());
  for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
    if (graph.nodes[i].cluster == kNoCluster) write_node(out, graph.nodes[i], i, "  ");
    else members[graph.nodes[i].cluster].push_back(i);
  }
  for (std::size_t c = 0; c < graph.clusters.size(); ++c) {
    out += "  subgraph cluster_";
    out += std::to_string(c);
    out += "[\"";
    out += label_escaped(graph.clusters[c]);
    out += "\"]\n";
    for (std::size_t i : members[c]) write_node(out, graph.nodes[i], i, "    ");
    out += "  end\n";
  }
  for (const GraphEdge& edge : graph.edges) {
    out += "  ";
    out += node_name(edge.from);
    out += edge.holds_back ? " ==> " : " --> ";
    out += node_name(edge.to);
    out += '\n';
  }
  write_heavy_edge_style(out, graph);
  write_legend(out, graph);
  return out;
}

}  // namespace rollgate::cli
