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

RunResult two_replications(sim_time_us a_us, sim_time_us b_us) {
  RunResult run;
  run.replications.resize(2);
  run.replications[0].id = "f/a";
  run.replications[0].not_syncing_us = a_us;
  run.replications[1].id = "f/b";
  run.replications[1].not_syncing_us = b_us;
  summarize_run(run);
  return run;
}

TEST_CASE("not_syncing_s: checks - sweeps and the capacity search read it through the one binding") {
  const RunResult run = two_replications(90 * kUsPerS, 400 * kUsPerS);
  CHECK(run_metric("not_syncing_s", run) == Approx(400));
  CheckSpec at_most_a_minute;
  at_most_a_minute.metric = "not_syncing_s";
  at_most_a_minute.bound = CheckBound::kMax;
  at_most_a_minute.limit = 60;
  CheckSpec only_a = at_most_a_minute;
  only_a.replication = "f/a";
  only_a.limit = 100;
  const std::vector<CheckResult> checks = evaluate_checks({at_most_a_minute, only_a}, run);
  REQUIRE(checks.size() == 2);
  CHECK_FALSE(checks[0].passed);
  CHECK(*checks[0].value == Approx(400));
  CHECK(checks[1].passed);
  CHECK(*checks[1].value == Approx(90));
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
