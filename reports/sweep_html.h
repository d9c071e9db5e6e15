#pragma once
// The sweep's report.html (docs/scenario-format.md §7.1): for each metric, a chart of the metric against the first
// varied parameter, one line per value of the other varied parameters (the mean over seeds) with a min-max band over
// seeds, and a table of the same numbers. Self-contained and deterministic like the run's report.html.
//
// Use: write_file(dir / "report.html", render_sweep_html(sweep)); the rows need not be sorted, but runs of the same
// combination must share `combination` and `values`. A metric that is nullopt in a run is left out of that run's
// group; a group with no value draws no point.
#include <cstddef>
#include <string>

#include "reports/svg_chart.h"
#include "reports/sweep_result.h"

namespace ccrsim {

// At most this many lines per chart (one per value of the other parameters); the table has every combination.
inline constexpr std::size_t kMaxSweepLines = 12;

std::string render_sweep_html(const SweepResult& sweep);

// The chart of metric `metric` (an index into sweep.metrics), for pages that embed it.
Chart sweep_chart(const SweepResult& sweep, std::size_t metric);

}  // namespace ccrsim
