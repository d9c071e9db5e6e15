#include "app/fault_recorder.h"

#include <catch2/catch.hpp>

#include "tests/model/fault_spec_builder.h"
#include "tests/model/replication_fixture.h"

namespace ccrsim {
namespace {

using testing::ReplicationFixture;
using testing::ReplicationFixtureOptions;

using testing::fault;

// A leader index of `shards` shards holding `ops_per_shard` 1 kB operations each, a follower domain of two nodes,
// a slow link (the bootstrap takes minutes), and a recorder listening to the faults.
struct BootstrapWorld {
  ReplicationFixture f;
  std::unique_ptr<FaultInjector> injector;
  std::unique_ptr<FaultRecorder> recorder;
  BootstrapWorld(int shards, std::int64_t ops_per_shard, int leader_replicas, double bandwidth_bytes_per_s,
                 std::vector<FaultSpec> faults)
      : f(options(bandwidth_bytes_per_s)) {
    Index& leader = f.leader_index("leader-01", shards);
    leader.set_number_of_replicas(leader_replicas);
    for (int s = 0; s < shards; ++s) leader.shard(s).append_synthetic(ops_per_shard, 0, 0, 1000);
    REQUIRE(f.start("follower-01", "leader-01", false).status == 200);
    injector = std::make_unique<FaultInjector>(f.world(), f.service(), std::move(faults));
    recorder = std::make_unique<FaultRecorder>(f.service(), *injector);
    injector->set_listener([this](std::size_t i, bool began) { recorder->on_fault(i, began); });
    injector->set_before_begin([this](std::size_t i) { recorder->before_fault(i); });
    injector->start();
  }
  static ReplicationFixtureOptions options(double bandwidth_bytes_per_s) {
    ReplicationFixtureOptions o;
    o.bandwidth_bytes_per_s = bandwidth_bytes_per_s;
    return o;
  }
  ReplicationEntry& entry() { return *f.service().entries()[0]; }
  bool syncing() {
    const ReplicationEntry& e = entry();
    return e.overall == OverallState::kRunning && e.task != nullptr && !e.task->restore_in_progress();
  }
};

TEST_CASE("a restore chunk cut by link_down is fetched again and counted in bytes_resent", "[faults][fault_recorder]") {
  // One 1 MB chunk over 10 kB/s: still in flight when the link goes down at 30 s.
  BootstrapWorld w(1, 1000, 1, 1e4,
                   {fault(FaultKind::kLinkDown, 30 * kUsPerS, kUsPerMin, "leader-domain", "follower-domain")});
  w.f.run_until(31 * kUsPerS);
  const std::int64_t chunk = w.entry().task->bootstrap()[0].bytes_total;
  REQUIRE(chunk > 0);
  CHECK(w.entry().bytes_lost_in_flight == chunk);
  // The lost chunk fails only when its request times out (60 s after it was sent), not when the link went down.
  CHECK(w.entry().task->restore_in_progress());
  w.f.run_until(10 * kUsPerMin);
  CHECK(w.syncing());
  w.injector->finish();
  const std::vector<FaultResult> faults = w.recorder->faults();
  REQUIRE(faults.size() == 1);
  CHECK(faults[0].bytes_resent == chunk);
  CHECK_FALSE(faults[0].rebootstrapped);
}

TEST_CASE("a follower node lost during a bootstrap restores its shards again elsewhere", "[faults][fault_recorder]") {
  // Two shards of 1 MB over 10 kB/s; node 0 (shard 0's primary) leaves at 30 s.
  std::vector<FaultSpec> faults = {fault(FaultKind::kNodeDown, 30 * kUsPerS, 5 * kUsPerMin, "follower-domain")};
  faults[0].node_count = 1;
  BootstrapWorld w(2, 1000, 1, 1e4, faults);
  w.f.run_until(31 * kUsPerS);
  REQUIRE(w.entry().task != nullptr);
  const std::vector<ShardBootstrap>& b = w.entry().task->bootstrap();
  CHECK(b[0].bytes_requested == 0);  // shard 0 starts over
  CHECK(b[1].bytes_requested > 0);   // shard 1 goes on
  const std::int64_t lost = w.entry().bytes_lost_in_flight;
  CHECK(lost > 0);
  CHECK(w.entry().task->restore_in_progress());
  CHECK(w.entry().overall == OverallState::kRunning);
  w.f.run_until(30 * kUsPerMin);
  CHECK(w.syncing());
  const Index& follower = *w.f.follower().find_index("follower-01");
  const Index& leader = *w.f.leader().find_index("leader-01");
  for (int s = 0; s < 2; ++s) CHECK(follower.shard(s).max_seq_no() == leader.shard(s).max_seq_no());
  w.injector->finish();
  CHECK(w.recorder->faults()[0].bytes_resent == lost);
}

TEST_CASE("a leader node without replicas lost during a bootstrap fails the restore after the retries", "[faults]") {
  // Eight 10 MB chunks, five in flight at a time over 1 MB/s: the last three are requested after node 0 left.
  std::vector<FaultSpec> faults = {fault(FaultKind::kNodeDown, 10 * kUsPerS, 20 * kUsPerMin, "leader-domain")};
  faults[0].node_count = 1;
  BootstrapWorld w(1, 80'000, 0, 1e6, faults);
  w.f.run_until(2 * kUsPerMin);
  CHECK(w.entry().overall == OverallState::kRunning);  // the retry helper is still trying
  w.f.run_until(10 * kUsPerMin);
  CHECK(w.entry().overall == OverallState::kFailed);
  CHECK(w.entry().reason == "[follower-01][0] failed to restore from remote repository replication-remote-repo-source");
}

TEST_CASE("a leader node with a replica lost during a bootstrap lets the restore go on", "[faults]") {
  std::vector<FaultSpec> faults = {fault(FaultKind::kNodeDown, 10 * kUsPerS, 20 * kUsPerMin, "leader-domain")};
  faults[0].node_count = 1;
  BootstrapWorld w(1, 80'000, 1, 1e6, faults);
  w.f.run_until(10 * kUsPerMin);
  CHECK(w.entry().overall == OverallState::kRunning);
  CHECK(w.syncing());
}

}  // namespace
}  // namespace ccrsim
