#include "reports/replication_summary.h"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "reports/run_result.h"

namespace ccrsim {
namespace {

TEST_CASE("summary: computed once by summarize_run - read before it is an error") {
  RunResult run;
  run.replications.resize(1);
  ReplicationResult& r = run.replications[0];
  r.id = "f/a";
  for (int i = 1; i <= 200; ++i) r.lag_time.add(i * kUsPerMs);
  r.lag_ops.add(7);
  r.delivery.add_uniform(0, 10 * kUsPerS, 1000);
  CHECK_THROWS_AS(r.summary(), std::logic_error);
  summarize_run(run);
  const ReplicationSummary& s = r.summary();
  CHECK(s.lag_time.p50_us == r.lag_time.quantile_us(0.50));
  CHECK(s.lag_time.p99_us == r.lag_time.quantile_us(0.99));
  CHECK(s.lag_time.max_us == 200 * kUsPerMs);
  CHECK(s.lag_ops.max == 7);
  CHECK(s.delivery.p95_us == r.delivery.quantile_us(0.95));
  CHECK_FALSE(s.trend);  // no series
  CHECK_FALSE(s.analytic);
  CHECK_FALSE(s.exceeds_lag_threshold_in_s);
}

}  // namespace
}  // namespace ccrsim
