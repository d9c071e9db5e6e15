#include "reports/lag_trend.h"

#include <catch2/catch.hpp>

#include "reports/run_result.h"

namespace ccrsim {
namespace {

// Ten minutes of SYNCING samples every 10 s: the follower applies `applied_per_s`, the lag grows by `growth_per_s`.
ReplicationResult series(double applied_per_s, double growth_per_s, double lag_time_growth) {
  ReplicationResult r;
  for (int i = 0; i <= 60; ++i) {
    const double t = 10.0 * i;
    LagPoint p;
    p.t_us = static_cast<sim_time_us>(t * 1e6);
    p.status = i < 3 ? "BOOTSTRAPPING" : "SYNCING";
    p.follower_checkpoint = static_cast<std::int64_t>(applied_per_s * t);
    p.lag_ops = static_cast<std::int64_t>(500 + growth_per_s * t + (i % 2) * 300);  // a saw on top of the line
    p.lag_time_us = static_cast<sim_time_us>((0.5 + lag_time_growth * t) * 1e6);
    p.leader_checkpoint = p.follower_checkpoint + p.lag_ops;
    r.series.add(p);
  }
  r.series.flush();
  return r;
}

TEST_CASE("lag trend: a flat saw-toothed lag keeps up", "[capacity]") {
  const std::optional<LagTrend> t = fit_lag_trend(series(4000, 0, 0), 43200);
  REQUIRE(t);
  CHECK(t->verdict == "keeps_up");
  CHECK(std::abs(t->ops_per_s) < 1.0);
  CHECK(t->simulated_ops_per_s == Approx(4000).epsilon(0.01));
  CHECK_FALSE(t->exceeds_threshold_in_s);
}

TEST_CASE("lag trend: a growing lag falls behind and is projected to the threshold", "[capacity]") {
  const std::optional<LagTrend> t = fit_lag_trend(series(4000, 1000, 0.25), 3600);
  REQUIRE(t);
  CHECK(t->verdict == "falls_behind");
  CHECK(t->ops_per_s == Approx(1000).epsilon(0.01));
  CHECK(t->time_lag_s_per_s == Approx(0.25).epsilon(0.01));
  // At the end (600 s) the time lag is 150.5 s; 3600 s is reached (3600 - 150.5) / 0.25 s later.
  REQUIRE(t->exceeds_threshold_in_s);
  CHECK(*t->exceeds_threshold_in_s == Approx((3600 - 150.5) / 0.25).epsilon(0.01));
}

TEST_CASE("lag trend: too few steady samples give no trend", "[capacity]") {
  ReplicationResult r;
  for (int i = 0; i < 5; ++i) r.series.add({i * kUsPerS, "SYNCING", 0, 0, 0, 0});
  r.series.flush();
  CHECK_FALSE(fit_lag_trend(r, 43200));
}

TEST_CASE("lag trend: a user threshold is projected like the lease period", "[capacity]") {
  const std::optional<LagTrend> t = fit_lag_trend(series(4000, 1000, 0.25), 43200);
  REQUIRE(t);
  REQUIRE(t->exceeds_in_s(300));
  // At the end (600 s) the time lag is 150.5 s and grows 0.25 s per s: 300 s is passed (300 - 150.5) / 0.25 s later.
  CHECK(*t->exceeds_in_s(300) == Approx((300 - 150.5) / 0.25).epsilon(0.01));
  CHECK(*t->exceeds_in_s(300) < *t->exceeds_threshold_in_s);  // a lower threshold comes sooner than the lease
  CHECK(*t->exceeds_in_s(60) == 0);                           // already past
}

TEST_CASE("lag trend: a replication that keeps up never passes a threshold", "[capacity]") {
  const std::optional<LagTrend> t = fit_lag_trend(series(4000, 0, 0.25), 43200);
  REQUIRE(t);
  CHECK(t->verdict == "keeps_up");
  CHECK_FALSE(t->exceeds_in_s(1));
}

}  // namespace
}  // namespace ccrsim
