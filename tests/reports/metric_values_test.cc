#include "reports/metric_values.h"

#include <catch2/catch.hpp>

#include "reports/checks.h"
#include "reports/run_metric.h"
#include "scenario/metric_catalogue.h"

namespace ccrsim {
namespace {

int functions_set(const MetricBinding& b) {
  return (b.of_replication != nullptr) + (b.of_fault != nullptr) + (b.of_lost != nullptr) + (b.of_disaster != nullptr) +
         (b.of_run != nullptr);
}

TEST_CASE("metric bindings: one per catalogue entry in catalogue order - each with the function of its scope") {
  const auto catalogue = metric_catalogue();
  const auto bindings = metric_bindings();
  REQUIRE(bindings.size() == catalogue.size());
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    INFO(catalogue[i].name);
    CHECK(bindings[i].name == catalogue[i].name);
    CHECK(find_metric_binding(catalogue[i].name) == &bindings[i]);
    CHECK(functions_set(bindings[i]) == 1);
    switch (bindings[i].scope) {
      case MetricScope::kReplication:
        CHECK(bindings[i].of_replication != nullptr);
        break;
      case MetricScope::kFault:
        CHECK(bindings[i].of_fault != nullptr);
        break;
      case MetricScope::kLostReplication:
        CHECK(bindings[i].of_lost != nullptr);
        break;
      case MetricScope::kDisaster:
        CHECK(bindings[i].of_disaster != nullptr);
        break;
      case MetricScope::kRun:
        CHECK(bindings[i].of_run != nullptr);
        break;
    }
  }
  CHECK(find_metric_binding("lag_p99") == nullptr);
}

TEST_CASE("a replication metric is read from the summary: a count is not turned into a time") {
  RunResult run;
  run.replications.resize(1);
  for (int i = 1; i <= 100; ++i) run.replications[0].lag_ops.add(i * 1000);
  run.replications[0].lag_time.add(2 * kUsPerS);
  summarize_run(run);
  CHECK(run_metric("lag_ops_max", run) == Approx(100000));
  CHECK(run_metric("lag_time_max", run) == Approx(2.0));
}

}  // namespace
}  // namespace ccrsim
