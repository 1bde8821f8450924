// The renderers of the command line: the report for a terminal or a
// ticket (from a ReportView) and the stage graph as DOT or Mermaid (from a
// StageGraph).  Each returns the whole document, ending with a newline, and
// gives the same bytes for the same inputs.
#pragma once

#include <string>

#include "report_view.hpp"
#include "stage_graph.hpp"
#include "terminal.hpp"

namespace rollgate::cli {

// The text report for a rollout lead, within 80 columns: changes, blockers,
// what may start next, stages by status, warnings (text_view.cpp).
std::string render_text(const ReportView& report, const TextStyle& style);

// The same content as Markdown for a ticket, every text escaped
// (markdown_view.cpp).
std::string render_markdown(const ReportView& report);

// Graphviz DOT (graph_view.cpp) and Mermaid (mermaid_view.cpp) of the
// stage graph, coloured by status when it was evaluated.
std::string render_dot(const StageGraph& graph);
std::string render_mermaid(const StageGraph& graph);

}  // namespace rollgate::cli
