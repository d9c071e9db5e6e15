#include "reports/topology_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "reports/html_escape.h"
#include "reports/svg_chart.h"
#include "reports/topology.h"

namespace ccrsim {

namespace {

constexpr double kMinWidth = 760;
constexpr double kColumnWidth = 250;
constexpr double kBoxWidth = 190;
constexpr double kBoxHeight = 74;
constexpr double kRowPitch = 150;
constexpr double kTop = 44;
constexpr double kEdgeOffset = 8;  // connection and replication between the same pair run side by side
constexpr const char* kConnectionColour = "#555555";
constexpr const char* kReplicationColour = "#1b3a8c";

struct Box {
  double cx = 0;
  double cy = 0;
};

std::string index_count_text(int n) {
  return std::to_string(n) + (n == 1 ? " index" : " indices");
}

std::string node_svg(const TopologyNode& n, const Box& b) {
  const double x = b.cx - kBoxWidth / 2;
  const double y = b.cy - kBoxHeight / 2;
  std::string counts;
  if (n.leader_indices > 0) counts += "leader of " + index_count_text(n.leader_indices);
  if (n.follower_indices > 0)
    counts += (counts.empty() ? "" : ", ") + std::string("follows ") + index_count_text(n.follower_indices);
  if (counts.empty()) counts = index_count_text(n.indices);
  std::string out = "<g class=\"domain\" data-domain=\"" + html_escape(n.name) + "\" data-role=\"" + n.role() + "\">\n";
  out += "<rect x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" width=\"" + svg_number(kBoxWidth) +
         "\" height=\"" + svg_number(kBoxHeight) + "\" rx=\"6\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"" +
         (n.role() == "none" ? "1" : "2") + "\"/>\n";
  const auto line = [&](double dy, const std::string& t, const char* extra) {
    out += "<text x=\"" + svg_number(b.cx) + "\" y=\"" + svg_number(y + dy) + "\" text-anchor=\"middle\"" + extra +
           ">" + html_escape(t) + "</text>\n";
  };
  line(18, n.name, " font-weight=\"bold\" font-size=\"12\"");
  line(34, n.engine_version, "");
  line(50, "role: " + n.role(), "");
  line(65, counts, "");
  out += "</g>\n";
  return out;
}

std::string edge_svg(const TopologyEdge& e, const Box& a, const Box& b) {
  const bool connection = e.kind == TopologyEdge::Kind::kConnection;
  const double dx = b.cx - a.cx;
  const double dy = b.cy - a.cy;
  const double len = std::max(std::hypot(dx, dy), 1.0);
  // Offset to the right of the direction of travel, so opposite arrows between one pair never overlap.
  const double ox = -dy / len * kEdgeOffset;
  const double oy = dx / len * kEdgeOffset;
  const auto exit_fraction = [&](double ddx, double ddy) {
    const double fx = ddx == 0 ? 1e9 : (kBoxWidth / 2 + 4) / std::abs(ddx);
    const double fy = ddy == 0 ? 1e9 : (kBoxHeight / 2 + 4) / std::abs(ddy);
    return std::min({fx, fy, 0.45});
  };
  const double t0 = exit_fraction(dx, dy);
  const double x1 = a.cx + dx * t0 + ox;
  const double y1 = a.cy + dy * t0 + oy;
  const double x2 = b.cx - dx * t0 + ox;
  const double y2 = b.cy - dy * t0 + oy;
  const char* colour = connection ? kConnectionColour : kReplicationColour;
  std::string out = "<g class=\"edge\" data-kind=\"" + std::string(connection ? "connection" : "replication") +
                    "\" data-from=\"" + html_escape(e.from) + "\" data-to=\"" + html_escape(e.to) + "\">\n";
  out += "<line x1=\"" + svg_number(x1) + "\" y1=\"" + svg_number(y1) + "\" x2=\"" + svg_number(x2) + "\" y2=\"" +
         svg_number(y2) + "\" stroke=\"" + colour + "\" stroke-width=\"" + (connection ? "1.5" : "2.5") + "\"" +
         (connection ? " stroke-dasharray=\"6 4\"" : "") + " marker-end=\"url(#topology-arrow-" +
         (connection ? "connection" : "replication") + ")\"/>\n";
  const double lx = (x1 + x2) / 2 + ox * 1.5;
  const double ly = (y1 + y2) / 2 + oy * 1.5 + 4;
  // Beside a steep arrow the label starts (or ends) next to it instead of being centred across it.
  const std::string anchor = std::abs(dy) <= std::abs(dx) ? "middle" : ox > 0 ? "start" : "end";
  out += "<text x=\"" + svg_number(lx) + "\" y=\"" + svg_number(ly) + "\" text-anchor=\"" + anchor +
         "\" font-size=\"10\" fill=\"" + (e.active ? colour : "#c0392b") +
         "\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">" + html_escape(e.label) + "</text>\n</g>\n";
  return out;
}

std::string arrow_defs() {
  std::string out = "<defs>\n";
  for (const auto& [name, colour] :
       {std::pair{"connection", kConnectionColour}, std::pair{"replication", kReplicationColour}}) {
    out += "<marker id=\"topology-arrow-" + std::string(name) +
           "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
           "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"" +
           colour + "\"/></marker>\n";
  }
  return out + "</defs>\n";
}

std::string legend_svg(double y) {
  std::string out = "<g class=\"legend\" font-size=\"11\">\n";
  out += "<line x1=\"20\" y1=\"" + svg_number(y) + "\" x2=\"60\" y2=\"" + svg_number(y) + "\" stroke=\"" +
         kConnectionColour +
         "\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" marker-end=\"url(#topology-arrow-connection)\"/>\n";
  out += "<text x=\"68\" y=\"" + svg_number(y + 4) + "\">connection (follower to leader)</text>\n";
  out += "<line x1=\"300\" y1=\"" + svg_number(y) + "\" x2=\"340\" y2=\"" + svg_number(y) + "\" stroke=\"" +
         kReplicationColour + "\" stroke-width=\"2.5\" marker-end=\"url(#topology-arrow-replication)\"/>\n";
  out += "<text x=\"348\" y=\"" + svg_number(y + 4) + "\">replication (leader to follower)</text>\n</g>\n";
  return out;
}

}  // namespace

std::string render_topology_svg(const RunResult& result) {
  const Topology t = build_topology(result);
  const double width = std::max(kMinWidth, kColumnWidth * static_cast<double>(t.regions.size()) + 20);
  const double column = (width - 20) / static_cast<double>(std::max<std::size_t>(t.regions.size(), 1));
  std::vector<Box> boxes(t.nodes.size());
  std::vector<int> rows(t.regions.size(), 0);
  int max_rows = 1;
  for (std::size_t i = 0; i < t.nodes.size(); ++i) {
    const auto col =
        static_cast<std::size_t>(std::find(t.regions.begin(), t.regions.end(), t.nodes[i].region) - t.regions.begin());
    const int row = rows[col]++;
    max_rows = std::max(max_rows, rows[col]);
    boxes[i] = {10 + column * (static_cast<double>(col) + 0.5), kTop + 16 + kBoxHeight / 2 + kRowPitch * row};
  }
  const double height = kTop + 16 + kRowPitch * max_rows + 20;
  std::string out = "<svg class=\"topology\" width=\"" + svg_number(width) + "\" height=\"" + svg_number(height) +
                    "\" viewBox=\"0 0 " + svg_number(width) + " " + svg_number(height) +
                    "\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">\n";
  out += "<title>Topology: domains by region, connections and replications</title>\n" + arrow_defs();
  for (std::size_t c = 0; c < t.regions.size(); ++c) {
    const double cx = 10 + column * (static_cast<double>(c) + 0.5);
    out += "<rect x=\"" + svg_number(cx - column / 2 + 6) + "\" y=\"" + svg_number(kTop - 26) + "\" width=\"" +
           svg_number(column - 12) + "\" height=\"" + svg_number(height - kTop - 12) +
           "\" fill=\"#f4f4f4\" stroke=\"#bbb\"/>\n";
    out += "<text class=\"region\" x=\"" + svg_number(cx) + "\" y=\"" + svg_number(kTop - 8) +
           "\" text-anchor=\"middle\" font-weight=\"bold\">" + html_escape(t.regions[c]) + "</text>\n";
  }
  const auto box_of = [&](const std::string& name) {
    for (std::size_t i = 0; i < t.nodes.size(); ++i) {
      if (t.nodes[i].name == name) return boxes[i];
    }
    return Box{};
  };
  for (std::size_t i = 0; i < t.nodes.size(); ++i) out += node_svg(t.nodes[i], boxes[i]);
  for (const TopologyEdge& e : t.edges) out += edge_svg(e, box_of(e.from), box_of(e.to));
  out += legend_svg(height - 20);
  out += "</svg>\n";
  return out;
}

}  // namespace ccrsim
