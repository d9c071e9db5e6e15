#include "reports/topology_dot.h"

#include <algorithm>

#include "reports/topology.h"

namespace ccrsim {

namespace {

// A DOT double-quoted string: quotes and backslashes escaped, newlines as DOT's centred line breaks.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) >= 0x20) {
      out += c;
    }
  }
  return out + "\"";
}

std::string index_count_text(int n) {
  return std::to_string(n) + (n == 1 ? " index" : " indices");
}

std::string node_label(const TopologyNode& n) {
  std::string label = n.name + "\n" + n.engine_version + "\nrole: " + n.role();
  if (n.leader_indices > 0) label += "\nleader of " + index_count_text(n.leader_indices);
  if (n.follower_indices > 0) label += "\nfollows " + index_count_text(n.follower_indices);
  return label;
}

}  // namespace

std::string render_topology_dot(const RunResult& result) {
  const Topology t = build_topology(result);
  // A comment is plain text to Graphviz; the scenario name only has to stay on its line.
  std::string name = result.scenario_name;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  std::string out = "// ccrsim topology: " + name + "\n";
  out += "digraph topology {\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"sans-serif\"];\n";
  out += "  edge [fontname=\"sans-serif\", fontsize=10];\n";
  for (std::size_t i = 0; i < t.regions.size(); ++i) {
    out += "  subgraph cluster_" + std::to_string(i) + " {\n    label=" + quoted(t.regions[i]) + ";\n";
    for (const TopologyNode& n : t.nodes) {
      if (n.region == t.regions[i]) out += "    " + quoted(n.name) + " [label=" + quoted(node_label(n)) + "];\n";
    }
    out += "  }\n";
  }
  for (const TopologyEdge& e : t.edges) {
    const bool connection = e.kind == TopologyEdge::Kind::kConnection;
    out += "  " + quoted(e.from) + " -> " + quoted(e.to) + " [label=" + quoted(e.label) +
           (connection ? ", style=dashed, color=\"#555555\"" : ", style=bold, color=\"#1b3a8c\"") +
           (e.active ? "" : ", fontcolor=\"#c0392b\"") + "];\n";
  }
  out += "}\n";
  return out;
}

}  // namespace ccrsim
