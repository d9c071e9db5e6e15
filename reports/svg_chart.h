#pragma once
// A small SVG line chart for report.html: axes with units, ticks at round values (1-2-5 steps, or decades on a log
// axis), a legend, shaded x windows (fault windows), vertical markers (status changes) and min-max bands. Colours
// come with distinct dash patterns so every line stays tellable apart in greyscale print. No scripts, no external
// references; the output is plain XML inside an HTML page and the same bytes for the same chart.
#include <string>
#include <vector>

namespace ccrsim {

struct ChartPoint {
  double x = 0;
  double y = 0;
};

struct ChartSeries {
  std::string name;  // legend text
  std::string id;    // data-series attribute, for tests and readers of the page
  std::vector<ChartPoint> points;
  bool right_axis = false;  // plotted against the right-hand y axis
  int style = 0;            // index into the colour/dash palette
};

// A shaded band between a lower and an upper line (min-max over seeds in sweep charts).
struct ChartRange {
  std::string name;  // legend text; empty: no legend entry of its own
  std::vector<double> xs;
  std::vector<double> lo;
  std::vector<double> hi;
  int style = 0;
};

// A shaded window along x, labelled at the top (a fault window). At most 200 are drawn.
struct ChartWindow {
  double x0 = 0;
  double x1 = 0;
  std::string label;
};

// A vertical line at x, labelled along the line (a status change). At most 1000 are drawn and 40 labelled.
struct ChartMarker {
  double x = 0;
  std::string label;
};

struct ChartAxis {
  std::string label;                    // e.g. "simulated time (min)"
  bool log = false;                     // decades; only positive values are drawn
  bool from_zero = true;                // linear axes: the range starts at 0 unless data go below
  std::vector<std::string> categories;  // non-empty: ticks at 0..n-1 labelled with these instead of numbers
};

struct Chart {
  std::string kind;   // data-chart attribute ("lag", "delivery-cdf", "sweep")
  std::string title;  // shown above the plot and as the SVG <title>
  ChartAxis x;
  ChartAxis y;
  ChartAxis y_right;  // used when a series has right_axis
  std::vector<ChartRange> ranges;
  std::vector<ChartSeries> series;
  std::vector<ChartWindow> windows;
  std::vector<ChartMarker> markers;
};

// Round tick values covering [lo, hi]: a step of 1, 2 or 5 times a power of ten giving at most max_ticks ticks,
// the first tick at or below lo and the last at or above hi. lo == hi widens to a unit range.
std::vector<double> nice_ticks(double lo, double hi, int max_ticks);  // max_ticks below 3 counts as 3
// Powers of ten covering [lo, hi] (both > 0): the first at or below lo, the last at or above hi.
std::vector<double> decade_ticks(double lo, double hi);
// A tick label: as many decimals as the step needs, no exponent ("0.25", "10", "1500").
std::string format_tick(double value, double step);

std::string render_svg_chart(const Chart& chart);
// A coordinate or length in any SVG ccrsim writes: one decimal, fixed, never "-0.0".
std::string svg_number(double v);
// The style sheet the charts' classes need; put it once in the page's <style>.
std::string chart_css();

// The palette, shared with legends drawn outside charts (the topology picture).
struct LineStyle {
  const char* colour;
  const char* dash;  // stroke-dasharray; "none" for a solid line
};
const LineStyle& line_style(int style);

}  // namespace ccrsim
