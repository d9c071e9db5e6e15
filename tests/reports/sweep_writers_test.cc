#include "reports/sweep_writers.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

SweepResult two_by_two() {
  SweepResult s;
  s.name = "demo";
  s.paths = {"workload[0].rate"};
  s.metrics = {"lag_time_p99", "ops_replicated"};
  s.runs = {{0, 0, 1, {"1000/s"}, {0.25, 100.0}, true},
            {1, 0, 2, {"1000/s"}, {0.75, 300.0}, true},
            {2, 1, 1, {"2000/s"}, {std::nullopt, 200.0}, false},
            {3, 1, 2, {"2000/s"}, {12.5, 201.0}, true}};
  return s;
}

TEST_CASE("sweep writers: sweep.csv has one row per run with metrics in seconds or counts", "[sweep]") {
  CHECK(render_sweep_csv(two_by_two()) ==
        "run,seed,workload[0].rate,lag_time_p99,ops_replicated\n"
        "0,1,1000/s,0.25,100\n"
        "1,2,1000/s,0.75,300\n"
        "2,1,2000/s,,200\n"
        "3,2,2000/s,12.5,201\n");
}

TEST_CASE("sweep writers: summary.csv gives mean min and max over the seeds that measured", "[sweep]") {
  CHECK(render_sweep_summary_csv(two_by_two()) ==
        "combination,workload[0].rate,runs,passed,lag_time_p99_mean,lag_time_p99_min,lag_time_p99_max,"
        "ops_replicated_mean,ops_replicated_min,ops_replicated_max\n"
        "0,1000/s,2,2,0.5,0.25,0.75,200,100,300\n"
        "1,2000/s,2,1,12.5,12.5,12.5,200.5,200,201\n");
}

TEST_CASE("sweep writers: fields with commas or quotes are quoted", "[sweep]") {
  SweepResult s = two_by_two();
  s.runs.resize(1);
  s.runs[0].values = {"a,\"b\""};
  CHECK(render_sweep_csv(s).find("0,1,\"a,\"\"b\"\"\",0.25,100\n") != std::string::npos);
}

TEST_CASE("sweep writers: the runs file reads back to the same outputs in any order", "[sweep]") {
  const SweepResult whole = two_by_two();
  SweepResult shuffled = whole;
  std::swap(shuffled.runs[0], shuffled.runs[3]);
  std::string error;
  const std::optional<SweepRunsFile> back = parse_sweep_runs_json(render_sweep_runs_json(shuffled, 4), error);
  REQUIRE(back);
  CHECK(back->total_runs == 4);
  CHECK(render_sweep_summary_csv(back->sweep) == render_sweep_summary_csv(whole));
  CHECK(render_sweep_markdown(back->sweep) == render_sweep_markdown(whole));
  CHECK_FALSE(parse_sweep_runs_json("{\"name\": 1}", error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("sweep writers: report.md is a table with one row per combination", "[sweep]") {
  const std::string md = render_sweep_markdown(two_by_two());
  CHECK(md.find("| `workload[0].rate` | lag_time_p99 (s) | ops_replicated | passed |\n") != std::string::npos);
  CHECK(md.find("| 1000/s | 0.5 [0.25 – 0.75] | 200 [100 – 300] | 2/2 |\n") != std::string::npos);
  CHECK(md.find("| 2000/s | 12.5 [12.5 – 12.5] | 200.5 [200 – 201] | 1/2 |\n") != std::string::npos);
}

}  // namespace
}  // namespace ccrsim
