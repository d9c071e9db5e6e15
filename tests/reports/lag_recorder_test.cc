#include "reports/lag_recorder.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

ReplicationSample sample(const std::string& status, std::int64_t lag_ops, sim_time_us lag_time_us) {
  ReplicationSample s;
  s.status = status;
  s.running = status == "SYNCING" || status == "BOOTSTRAPPING";
  s.leader_checkpoint = 100;
  s.follower_checkpoint = 100 - lag_ops;
  s.lag_ops = lag_ops;
  s.lag_time_us = lag_time_us;
  return s;
}

TEST_CASE("lag recorder: only samples taken while replicating enter the histograms - every sample is a point") {
  LagRecorder recorder;
  recorder.record(0, 1 * kUsPerS, sample("BOOTSTRAPPING", 40, 4 * kUsPerS));
  recorder.record(0, 2 * kUsPerS, sample("SYNCING", 10, 1 * kUsPerS));
  recorder.record(0, 3 * kUsPerS, sample("PAUSED", 900, 90 * kUsPerS));
  ReplicationResult r;
  recorder.fill(0, r);
  CHECK(r.samples == 2);
  CHECK(r.lag_time.max_us() == 4 * kUsPerS);
  CHECK(r.lag_ops.max() == 40);
  CHECK(r.series.points().size() == 3);
  CHECK(r.series.points().back().lag_ops == 900);
}

TEST_CASE("lag recorder: status changes are noted once per change - a stop included") {
  LagRecorder recorder;
  recorder.record(1, 1 * kUsPerS, sample("SYNCING", 0, 0));
  recorder.record(1, 2 * kUsPerS, sample("SYNCING", 0, 0));
  recorder.record(1, 3 * kUsPerS, sample("PAUSED", 0, 0));
  recorder.record_stopped(1, 4 * kUsPerS);
  recorder.record_stopped(1, 5 * kUsPerS);
  ReplicationResult r;
  recorder.fill(1, r);
  REQUIRE(r.status_changes.size() == 3);
  CHECK(r.status_changes[0].status == "SYNCING");
  CHECK(r.status_changes[1].t_us == 3 * kUsPerS);
  CHECK(r.status_changes[2].status == "STOPPED");
  ReplicationResult never;
  recorder.fill(0, never);  // a replication never sampled has nothing
  CHECK(never.samples == 0);
  CHECK(never.status_changes.empty());
}

TEST_CASE("lag recorder: a negative operations lag counts as none") {
  LagRecorder recorder;
  recorder.record(0, 1 * kUsPerS, sample("SYNCING", -5, 0));
  ReplicationResult r;
  recorder.fill(0, r);
  CHECK(r.lag_ops.max() == 0);
  CHECK(r.lag_ops.samples() == 1);
}

}  // namespace
}  // namespace ccrsim
