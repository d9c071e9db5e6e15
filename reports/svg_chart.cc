#include "reports/svg_chart.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

#include "reports/html_escape.h"

namespace ccrsim {

namespace {

constexpr double kWidth = 760;
constexpr double kPlotLeft = 72;
constexpr double kPlotRight = kWidth - 72;
constexpr double kPlotTop = 44;
constexpr double kPlotHeight = 210;
constexpr double kPlotBottom = kPlotTop + kPlotHeight;
constexpr double kLegendTop = kPlotBottom + 52;
constexpr double kLegendRowHeight = 18;
constexpr double kCharWidth = 6.6;  // of the 11 px sans-serif legend text, rounded up
constexpr int kMaxTicks = 7;
constexpr int kMaxDecades = 24;
constexpr std::size_t kMaxMarkerLabels = 40;
constexpr std::size_t kMaxMarkers = 1000;  // beyond this a chart is a grey wall of lines: the CSV has the detail
constexpr std::size_t kMaxWindows = 200;
constexpr double kMinMarkerLabelGap =
    11;  // px between labelled markers  // more status changes than this draw lines without text

// Dark-to-light colours with distinct dashes: distinguishable in colour, in greyscale and for colour-blind readers.
constexpr std::array<LineStyle, 6> kStyles = {{{"#1b3a8c", "none"},
                                               {"#c0392b", "7 3"},
                                               {"#2e7d32", "2 2"},
                                               {"#6a1b9a", "9 3 2 3"},
                                               {"#d35400", "4 4"},
                                               {"#37474f", "1 3"}}};

// The value range an axis shows and where its ticks are.
struct Scale {
  double lo = 0;
  double hi = 1;
  bool log = false;
  std::vector<double> ticks;
  std::vector<std::string> labels;

  // 0 at lo, 1 at hi.
  double frac(double v) const {
    if (log) {
      const double lv = std::log10(std::max(v, lo));
      return (lv - std::log10(lo)) / (std::log10(hi) - std::log10(lo));
    }
    return (v - lo) / (hi - lo);
  }
};

Scale make_scale(const ChartAxis& axis, std::vector<double> values) {
  Scale s;
  s.log = axis.log && axis.categories.empty();
  if (!axis.categories.empty()) {
    s.lo = -0.5;
    s.hi = static_cast<double>(axis.categories.size()) - 0.5;
    for (std::size_t i = 0; i < axis.categories.size(); ++i) {
      s.ticks.push_back(static_cast<double>(i));
      s.labels.push_back(axis.categories[i]);
    }
    return s;
  }
  std::erase_if(values, [&](double v) { return !std::isfinite(v) || (s.log && v <= 0); });
  if (s.log) {
    const double lo = values.empty() ? 1e-3 : *std::min_element(values.begin(), values.end());
    const double hi = values.empty() ? 1.0 : *std::max_element(values.begin(), values.end());
    s.ticks = decade_ticks(lo, hi);
    for (double t : s.ticks) s.labels.push_back(format_tick(t, t));
  } else {
    double lo = values.empty() ? 0 : *std::min_element(values.begin(), values.end());
    double hi = values.empty() ? 1 : *std::max_element(values.begin(), values.end());
    if (axis.from_zero) lo = std::min(lo, 0.0);
    if (hi <= lo) hi = lo + 1;
    s.ticks = nice_ticks(lo, hi, kMaxTicks);
    const double step = s.ticks.size() > 1 ? s.ticks[1] - s.ticks[0] : 1;
    for (double t : s.ticks) s.labels.push_back(format_tick(t, step));
  }
  s.lo = s.ticks.front();
  s.hi = s.ticks.back();
  return s;
}

double px_x(const Scale& s, double v) {
  return kPlotLeft + std::clamp(s.frac(v), 0.0, 1.0) * (kPlotRight - kPlotLeft);
}
double px_y(const Scale& s, double v) {
  return kPlotBottom - std::clamp(s.frac(v), 0.0, 1.0) * kPlotHeight;
}

std::string text(double x, double y, const std::string& anchor, const std::string& content,
                 const std::string& extra = "") {
  return "<text x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" text-anchor=\"" + anchor + "\"" + extra + ">" +
         html_escape(content) + "</text>\n";
}

std::string stroke_attrs(int style, double width) {
  const LineStyle& ls = line_style(style);
  std::string out = " stroke=\"" + std::string(ls.colour) + "\" stroke-width=\"" + svg_number(width) + "\"";
  if (std::string(ls.dash) != "none") out += " stroke-dasharray=\"" + std::string(ls.dash) + "\"";
  return out;
}

void x_axis(const Scale& s, const ChartAxis& axis, std::string& out) {
  for (std::size_t i = 0; i < s.ticks.size(); ++i) {
    const double x = px_x(s, s.ticks[i]);
    out += "<line class=\"grid\" x1=\"" + svg_number(x) + "\" y1=\"" + svg_number(kPlotTop) + "\" x2=\"" +
           svg_number(x) + "\" y2=\"" + svg_number(kPlotBottom + 4) + "\"/>\n";
    out += text(x, kPlotBottom + 17, "middle", s.labels[i]);
  }
  out += text((kPlotLeft + kPlotRight) / 2, kPlotBottom + 36, "middle", axis.label, " class=\"axis-label\"");
}

void y_axis(const Scale& s, const ChartAxis& axis, bool right, std::string& out) {
  const double edge = right ? kPlotRight : kPlotLeft;
  for (std::size_t i = 0; i < s.ticks.size(); ++i) {
    const double y = px_y(s, s.ticks[i]);
    if (!right) {
      out += "<line class=\"grid\" x1=\"" + svg_number(kPlotLeft - 4) + "\" y1=\"" + svg_number(y) + "\" x2=\"" +
             svg_number(kPlotRight) + "\" y2=\"" + svg_number(y) + "\"/>\n";
    } else {
      out += "<line class=\"tick\" x1=\"" + svg_number(kPlotRight) + "\" y1=\"" + svg_number(y) + "\" x2=\"" +
             svg_number(kPlotRight + 4) + "\" y2=\"" + svg_number(y) + "\"/>\n";
    }
    out += text(right ? edge + 7 : edge - 7, y + 4, right ? "start" : "end", s.labels[i]);
  }
  const double lx = right ? kWidth - 14 : 16;
  const double ly = (kPlotTop + kPlotBottom) / 2;
  out += text(lx, ly, "middle", axis.label,
              " class=\"axis-label\" transform=\"rotate(" + std::string(right ? "90 " : "-90 ") + svg_number(lx) + " " +
                  svg_number(ly) + ")\"");
}

struct LegendItem {
  std::string label;
  std::string sample;  // SVG for a 24 x 10 sample at the origin of the item
};

std::vector<LegendItem> legend_items(const Chart& c) {
  std::vector<LegendItem> items;
  for (const ChartRange& r : c.ranges) {
    if (r.name.empty()) continue;  // bands that share one legend entry
    items.push_back({r.name, "<rect x=\"0\" y=\"-9\" width=\"24\" height=\"10\" fill=\"" +
                                 std::string(line_style(r.style).colour) + "\" fill-opacity=\"0.2\"/>"});
  }
  for (const ChartSeries& s : c.series) {
    items.push_back({s.name, "<line x1=\"0\" y1=\"-4\" x2=\"24\" y2=\"-4\"" + stroke_attrs(s.style, 2) + "/>"});
  }
  if (!c.windows.empty()) {
    items.push_back({"fault window", "<rect x=\"0\" y=\"-9\" width=\"24\" height=\"10\" class=\"window\"/>"});
  }
  if (!c.markers.empty()) {
    items.push_back({"status change", "<line x1=\"12\" y1=\"-10\" x2=\"12\" y2=\"2\" class=\"marker\"/>"});
  }
  return items;
}

// Lays the legend out in rows under the plot; returns the SVG and the height it needs.
std::pair<std::string, double> legend(const Chart& c) {
  std::string out;
  double x = kPlotLeft;
  double y = kLegendTop;
  for (const LegendItem& item : legend_items(c)) {
    const double w = 32 + kCharWidth * static_cast<double>(item.label.size()) + 16;
    if (x + w > kPlotRight && x > kPlotLeft) {
      x = kPlotLeft;
      y += kLegendRowHeight;
    }
    out += "<g class=\"legend-item\" transform=\"translate(" + svg_number(x) + " " + svg_number(y) + ")\">" +
           item.sample + "<text x=\"30\" y=\"0\">" + html_escape(item.label) + "</text></g>\n";
    x += w;
  }
  return {out, y + 14};
}

std::vector<double> xs_of(const Chart& c) {
  std::vector<double> xs;
  for (const ChartSeries& s : c.series) {
    for (const ChartPoint& p : s.points) xs.push_back(p.x);
  }
  for (const ChartRange& r : c.ranges) xs.insert(xs.end(), r.xs.begin(), r.xs.end());
  for (const ChartWindow& w : c.windows) {
    xs.push_back(w.x0);
    xs.push_back(w.x1);
  }
  for (const ChartMarker& m : c.markers) xs.push_back(m.x);
  return xs;
}

std::vector<double> ys_of(const Chart& c, bool right) {
  std::vector<double> ys;
  for (const ChartSeries& s : c.series) {
    if (s.right_axis != right) continue;
    for (const ChartPoint& p : s.points) ys.push_back(p.y);
  }
  if (!right) {
    for (const ChartRange& r : c.ranges) {
      ys.insert(ys.end(), r.lo.begin(), r.lo.end());
      ys.insert(ys.end(), r.hi.begin(), r.hi.end());
    }
  }
  return ys;
}

void windows_svg(const Chart& c, const Scale& sx, std::string& out) {
  for (std::size_t i = 0; i < c.windows.size() && i < kMaxWindows; ++i) {
    const ChartWindow& w = c.windows[i];
    const double x0 = px_x(sx, w.x0);
    const double x1 = std::max(px_x(sx, w.x1), x0 + 1);
    out += "<rect class=\"window\" data-label=\"" + html_escape(w.label) + "\" x=\"" + svg_number(x0) + "\" y=\"" +
           svg_number(kPlotTop) + "\" width=\"" + svg_number(x1 - x0) + "\" height=\"" + svg_number(kPlotHeight) +
           "\"/>\n";
    out += text(x0 + 3, kPlotTop + 12, "start", w.label, " class=\"window-label\"");
  }
}

void ranges_svg(const Chart& c, const Scale& sx, const Scale& sy, std::string& out) {
  for (const ChartRange& r : c.ranges) {
    const std::size_t n = std::min({r.xs.size(), r.lo.size(), r.hi.size()});
    if (n == 0) continue;
    std::string pts;
    for (std::size_t i = 0; i < n; ++i)
      pts += svg_number(px_x(sx, r.xs[i])) + "," + svg_number(px_y(sy, r.hi[i])) + " ";
    for (std::size_t i = n; i-- > 0;) pts += svg_number(px_x(sx, r.xs[i])) + "," + svg_number(px_y(sy, r.lo[i])) + " ";
    pts.pop_back();
    out += "<polygon class=\"range\" fill=\"" + std::string(line_style(r.style).colour) +
           "\" fill-opacity=\"0.2\" stroke=\"none\" points=\"" + pts + "\"/>\n";
  }
}

void series_svg(const Chart& c, const Scale& sx, const Scale& sy, const Scale& sy2, std::string& out) {
  for (const ChartSeries& s : c.series) {
    const Scale& y = s.right_axis ? sy2 : sy;
    std::string pts;
    for (const ChartPoint& p : s.points) pts += svg_number(px_x(sx, p.x)) + "," + svg_number(px_y(y, p.y)) + " ";
    if (!pts.empty()) pts.pop_back();
    out += "<polyline class=\"series\" data-series=\"" + html_escape(s.id) + "\" data-axis=\"" +
           (s.right_axis ? "right" : "left") + "\" fill=\"none\"" + stroke_attrs(s.style, 2) +
           " stroke-linejoin=\"round\" points=\"" + pts + "\"/>\n";
    if (s.points.size() == 1) {  // a lone point draws no line: show it as a dot
      out += "<circle cx=\"" + svg_number(px_x(sx, s.points[0].x)) + "\" cy=\"" + svg_number(px_y(y, s.points[0].y)) +
             "\" r=\"3\" fill=\"" + line_style(s.style).colour + "\"/>\n";
    }
  }
}

void markers_svg(const Chart& c, const Scale& sx, std::string& out) {
  double last_label_x = -1e9;
  std::size_t labels = 0;
  for (std::size_t i = 0; i < c.markers.size() && i < kMaxMarkers; ++i) {
    const double x = px_x(sx, c.markers[i].x);
    out += "<line class=\"marker\" data-label=\"" + html_escape(c.markers[i].label) + "\" x1=\"" + svg_number(x) +
           "\" y1=\"" + svg_number(kPlotTop) + "\" x2=\"" + svg_number(x) + "\" y2=\"" + svg_number(kPlotBottom) +
           "\"/>\n";
    // Labels closer than a line of text to the previous one would overprint it.
    if (labels == kMaxMarkerLabels || x - last_label_x < kMinMarkerLabelGap) continue;
    ++labels;
    last_label_x = x;
    const double ty = kPlotBottom - 4;
    out += text(x - 3, ty, "start", c.markers[i].label,
                " class=\"marker-label\" transform=\"rotate(-90 " + svg_number(x - 3) + " " + svg_number(ty) + ")\"");
  }
}

std::string exact(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

// The axis ranges and the plot box, so readers (and tests) can map pixels back to values.
std::string range_attrs(const char* name, const Scale& s) {
  return std::string(" data-") + name + "-min=\"" + exact(s.lo) + "\" data-" + name + "-max=\"" + exact(s.hi) + "\"";
}

bool has_right_axis(const Chart& c) {
  return std::any_of(c.series.begin(), c.series.end(), [](const ChartSeries& s) { return s.right_axis; });
}

bool has_data(const Chart& c) {
  return std::any_of(c.series.begin(), c.series.end(), [](const ChartSeries& s) { return !s.points.empty(); }) ||
         std::any_of(c.ranges.begin(), c.ranges.end(), [](const ChartRange& r) { return !r.xs.empty(); });
}

}  // namespace

std::string chart_css() {
  return ".chart .plot{fill:#fff;stroke:#444;stroke-width:1}\n"
         ".chart .grid{stroke:#ddd;stroke-width:1}\n"
         ".chart .tick{stroke:#444;stroke-width:1}\n"
         ".chart .window{fill:#777;fill-opacity:0.22;stroke:#555;stroke-width:0.5}\n"
         ".chart .window-label{font-size:10px;fill:#222}\n"
         ".chart .marker{stroke:#000;stroke-width:1;stroke-dasharray:1 2}\n"
         ".chart .marker-label{font-size:9px;fill:#333}\n"
         ".chart .chart-title{font-size:13px;font-weight:bold}\n"
         ".chart .axis-label{font-size:11px;fill:#222}\n"
         ".chart .no-data{font-size:14px;fill:#777}\n";
}

std::string svg_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  const std::string s = buf;
  return s == "-0.0" ? "0.0" : s;
}

const LineStyle& line_style(int style) {
  return kStyles[static_cast<std::size_t>(std::abs(style)) % kStyles.size()];
}

std::vector<double> nice_ticks(double lo, double hi, int max_ticks) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return {0, 1};
  if (hi < lo) std::swap(lo, hi);
  if (hi == lo) hi = lo + 1;
  max_ticks = std::max(max_ticks, 3);  // two ticks cannot cover a range around 0 with round values
  const double raw = (hi - lo) / (max_ticks - 1);
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  static constexpr std::array<double, 3> kMantissas = {1, 2, 5};
  // Walk 1, 2, 5, 10, 20, ... from just below the raw step until the ticks fit; a few steps at most.
  for (int guard = 0; guard < 16; ++guard) {
    for (double m : kMantissas) {
      const double step = m * magnitude;
      const double first = std::floor(lo / step);
      const double last = std::ceil(hi / step);
      if (last - first + 1 > max_ticks) continue;
      std::vector<double> ticks;
      for (double k = first; k <= last; k += 1) ticks.push_back(k * step == 0 ? 0.0 : k * step);
      return ticks;
    }
    magnitude *= 10;
  }
  return {lo, hi};
}

std::vector<double> decade_ticks(double lo, double hi) {
  if (!(lo > 0) || !std::isfinite(lo)) lo = 1e-3;
  if (!(hi > 0) || !std::isfinite(hi) || hi < lo) hi = lo;
  int e0 = static_cast<int>(std::floor(std::log10(lo) + 1e-9));
  int e1 = static_cast<int>(std::ceil(std::log10(hi) - 1e-9));
  if (e1 <= e0) e1 = e0 + 1;
  e0 = std::max(e0, e1 - kMaxDecades);
  std::vector<double> ticks;
  for (int e = e0; e <= e1; ++e) ticks.push_back(std::pow(10.0, e));
  return ticks;
}

std::string format_tick(double value, double step) {
  int decimals = 0;
  step = std::abs(step);
  if (step > 0 && step < 1) decimals = std::min(9, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string s = buf;
  if (s.find_first_not_of("-0.") == std::string::npos) s = decimals == 0 ? "0" : s.substr(s[0] == '-' ? 1 : 0);
  return s;
}

std::string render_svg_chart(const Chart& c) {
  const Scale sx = make_scale(c.x, xs_of(c));
  const Scale sy = make_scale(c.y, ys_of(c, false));
  const bool right = has_right_axis(c);
  const Scale sy2 = right ? make_scale(c.y_right, ys_of(c, true)) : Scale{};
  const auto [legend_svg, height] = legend(c);

  std::string out = "<svg class=\"chart\" data-chart=\"" + html_escape(c.kind) + "\" width=\"" + svg_number(kWidth) +
                    "\" height=\"" + svg_number(height) + "\" viewBox=\"0 0 " + svg_number(kWidth) + " " +
                    svg_number(height) + "\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\" data-plot=\"" +
                    svg_number(kPlotLeft) + " " + svg_number(kPlotTop) + " " + svg_number(kPlotRight) + " " +
                    svg_number(kPlotBottom) + "\"" + range_attrs("x", sx) + range_attrs("y", sy) +
                    (right ? range_attrs("y2", sy2) : "") + (sx.log ? " data-x-log=\"true\"" : "") + ">\n";
  out += "<title>" + html_escape(c.title) + "</title>\n";
  out += "<rect class=\"plot\" x=\"" + svg_number(kPlotLeft) + "\" y=\"" + svg_number(kPlotTop) + "\" width=\"" +
         svg_number(kPlotRight - kPlotLeft) + "\" height=\"" + svg_number(kPlotHeight) + "\"/>\n";
  windows_svg(c, sx, out);
  x_axis(sx, c.x, out);
  y_axis(sy, c.y, false, out);
  if (right) y_axis(sy2, c.y_right, true, out);
  ranges_svg(c, sx, sy, out);
  series_svg(c, sx, sy, sy2, out);
  markers_svg(c, sx, out);
  if (!has_data(c)) {
    out += text((kPlotLeft + kPlotRight) / 2, (kPlotTop + kPlotBottom) / 2, "middle", "no data", " class=\"no-data\"");
  }
  out += text(kPlotLeft, 22, "start", c.title, " class=\"chart-title\"");
  out += legend_svg;
  out += "</svg>\n";
  return out;
}

}  // namespace ccrsim
