#pragma once
// report.html: the run for people who would rather look than read. One self-contained, printable page (inline CSS,
// inline SVG, no scripts, no external references): verdict, topology, per replication a lag chart with fault windows
// and status changes and a delivery latency CDF, fault recovery, disaster RPO/RTO, steps, checks, connections.
// Deterministic: the same result gives the same bytes.
#include <string>

#include "reports/run_result.h"
#include "reports/svg_chart.h"

namespace ccrsim {

// At most this many replications get charts (each is up to 2000 points); the rest are in the tables and in
// timeseries.csv.
inline constexpr std::size_t kMaxChartedReplications = 50;

std::string render_html_report(const RunResult& result);

// The lag chart and the delivery CDF of one replication, as the report draws them (exposed for tests).
Chart lag_chart(const RunResult& result, const ReplicationResult& replication);
Chart delivery_cdf_chart(const ReplicationResult& replication);

// The page frame shared by report.html and the sweep report: doctype, head with the inline style sheet, body.
std::string html_page_begin(const std::string& title);
std::string html_page_end();

}  // namespace ccrsim
