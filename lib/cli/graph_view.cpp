// The stage graph as Graphviz DOT.  Nodes are named by plan index ("s0")
// and every text is an HTML-like label with XML escaping: a stage id may
// hold any character, and DOT's quoted strings cannot carry every one (a
// trailing backslash escapes the closing quote).
#include <string>
#include <vector>

#include "display_width.hpp"
#include "human_time.hpp"
#include "views.hpp"

namespace rollgate::cli {

namespace {

std::string xml_escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : printable(text)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

void write_node(std::string& out, const GraphNode& node, std::size_t index, std::string_view indent) {
  out += indent;
  out += node_name(index);
  out += " [label=<<B>" + xml_escaped(node.id) + "</B>";
  if (!node.title.empty()) out += "<BR/>" + xml_escaped(shorten_words(node.title, kPictureTitleColumns));
  if (!node.status.empty()) out += "<BR/><I>" + xml_escaped(node.status) + "</I>";
  out += ">";
  if (const StatusColors* colors = colors_of(node.status)) {
    out += ", fillcolor=\"";
    out += colors->fill;
    out += "\", color=\"";
    out += colors->stroke;
    out += "\"";
  }
  out += "];\n";
}

// The graph's caption: the plan, the instant and, for an evaluated plan,
// one cell per status shown in its colour.
std::string caption(const StageGraph& graph) {
  const std::vector<StatusColors> legend = legend_of(graph);
  // The title spans the legend's row: a cell per status and the edge's.
  std::string out = "<<TABLE BORDER=\"0\" CELLSPACING=\"4\"><TR><TD COLSPAN=\"";
  out += std::to_string(legend.size() + 1);
  out += "\"><B>";
  out += xml_escaped(graph.plan_name);
  out += "</B>";
  if (graph.evaluated_at) out += " at " + xml_escaped(format_instant(*graph.evaluated_at));
  out += "</TD></TR>";
  if (!legend.empty()) {
    out += "<TR>";
    for (const StatusColors& entry : legend) {
      out += "<TD BGCOLOR=\"";
      out += entry.fill;
      out += "\" BORDER=\"1\" COLOR=\"";
      out += entry.stroke;
      out += "\">";
      out += entry.status;
      out += "</TD>";
    }
    out += "<TD><FONT COLOR=\"";
    out += kHoldingBackColor;
    out += "\"><B>&#8594;</B></FONT> holds a stage back</TD></TR>";
  }
  return out + "</TABLE>>";
}

}  // namespace

std::string render_dot(const StageGraph& graph) {
  std::string out = "digraph rollgate {\n";
  out += "  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=b, label=" + caption(graph) + "];\n";
  out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];\n";
  out += "  edge [color=\"#555555\"];\n";
  std::vector<std::vector<std::size_t>> members(graph.clusters.size());
  for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
    if (graph.nodes[i].cluster == kNoCluster) write_node(out, graph.nodes[i], i, "  ");
    else members[graph.nodes[i].cluster].push_back(i);
  }
  for (std::size_t c = 0; c < graph.clusters.size(); ++c) {
    out += "  subgraph cluster_" + std::to_string(c) + " {\n";
    out += "    label=<" + xml_escaped(graph.clusters[c]) + ">;\n";
    out += "    style=\"rounded,dashed\";\n";
    out += "    labelloc=t;\n";
    for (std::size_t i : members[c]) write_node(out, graph.nodes[i], i, "    ");
    out += "  }\n";
  }
  for (const GraphEdge& edge : graph.edges) {
    out += "  " + node_name(edge.from) + " -> " + node_name(edge.to);
    if (edge.holds_back) {
      out += " [penwidth=3, color=\"";
      out += kHoldingBackColor;
      out += "\"]";
    }
    out += ";\n";
  }
  return out + "}\n";
}

}  // namespace rollgate::cli
