#include "model/faults/fault_injector.h"

#include <catch2/catch.hpp>

#include "model/rest/index_health.h"
#include "tests/model/fault_spec_builder.h"
#include "tests/model/replication_fixture.h"

namespace ccrsim {
namespace {

using testing::ReplicationFixture;

using testing::fault;

// Every follower shard holds exactly the leader's history: nothing lost, nothing applied twice.
void check_converged(ReplicationFixture& f) {
  f.leader().catch_up_writes(f.sim().now());
  const Index& leader = *f.leader().find_index("leader-01");
  const Index& follower = *f.follower().find_index("follower-01");
  for (int s = 0; s < leader.number_of_shards(); ++s) {
    INFO("shard " << s);
    CHECK(follower.shard(s).max_seq_no() == leader.shard(s).max_seq_no());
    CHECK(follower.shard(s).store_bytes() == leader.shard(s).store_bytes());
  }
  const ReplicationEntry& e = *f.service().entries()[0];
  CHECK(f.service().ops_lag(e) == 0);
}

std::int64_t failed_reads(const ReplicationEntry& e) {
  std::int64_t n = 0;
  for (const auto& t : e.task->shard_tasks()) n += t->stats().failed_read_requests;
  return n;
}

// A 3-shard leader with a steady writer, replicating; faults from `faults`.
struct FaultWorld {
  ReplicationFixture f;
  std::unique_ptr<FaultInjector> injector;
  explicit FaultWorld(std::vector<FaultSpec> faults, sim_time_us writes_until_us = 20 * kUsPerMin) {
    Index& leader = f.leader_index("leader-01", 3);
    leader.shard(0).append_synthetic(1000, 0, 0, 1000);
    f.add_workload("leader-01", 100, kUsPerS, writes_until_us);
    REQUIRE(f.start("follower-01", "leader-01").status == 200);
    injector = std::make_unique<FaultInjector>(f.world(), f.service(), std::move(faults));
    injector->start();
  }
  const ReplicationEntry& entry() { return *f.service().entries()[0]; }
};

TEST_CASE("link_down fails fetches and status while the follower keeps working", "[faults]") {
  FaultWorld w({fault(FaultKind::kLinkDown, 2 * kUsPerMin, 3 * kUsPerMin, "leader-domain", "follower-domain")});
  w.f.run_until(2 * kUsPerMin - kUsPerS);
  CHECK(w.f.service().ops_lag(w.entry()) < 100);
  w.f.run_until(4 * kUsPerMin);
  CHECK_FALSE(w.f.network().reachable(0, 1));
  CHECK(w.f.service().ops_lag(w.entry()) > 5000);  // two minutes of writes at 100/s wait on the leader
  const RestResponse status = w.f.call("GET _plugins/_replication/follower-01/_status");
  CHECK(status.status == 500);
  CHECK(status.body["error"]["reason"] == "failed to fetch replication status");
  // The follower's own data stays (reads of it over REST: scenarios/examples/faults/leader-domain-down.yaml).
  CHECK(w.f.follower().find_index("follower-01")->doc_count() > 1000);
  // Nothing failed at the cut: the requests in flight time out 60 s after they were sent, each retry waits 30 s for
  // the connection attempt, and the retry helper sleeps 10, 20, 40 s between them; the fourth attempt comes after
  // the link is back, so the shard task never counts a failed read (failures at once would have counted one at
  // 4m30s).
  w.f.run_until(5 * kUsPerMin - kUsPerS);
  CHECK(failed_reads(w.entry()) == 0);
  // Catch-up comes from the retries once the link is back, not at the instant it heals.
  w.f.run_until(5 * kUsPerMin + kUsPerS);
  CHECK(w.f.network().reachable(0, 1));
  w.f.run_until(25 * kUsPerMin);
  check_converged(w.f);
  CHECK(w.f.status("follower-01")["status"] == "SYNCING");
}

TEST_CASE("pause and stop work while the link is down", "[faults]") {
  FaultWorld w({fault(FaultKind::kLinkDown, 2 * kUsPerMin, std::nullopt, "leader-domain", "follower-domain")});
  w.f.run_until(3 * kUsPerMin);
  CHECK(w.f.call("POST _plugins/_replication/follower-01/_pause", json::object()).status == 200);
  CHECK(w.f.status("follower-01")["status"] == "PAUSED");
  CHECK(w.f.call("POST _plugins/_replication/follower-01/_stop", json::object()).status == 200);
  // The promoted follower accepts writes: its replication block is gone.
  CHECK_FALSE(w.f.follower().find_index("follower-01")->replication_block());
}

TEST_CASE("domain_down refuses writes and counts them", "[faults]") {
  FaultWorld w({fault(FaultKind::kDomainDown, 2 * kUsPerMin, 2 * kUsPerMin, "leader-domain")});
  w.f.run_until(3 * kUsPerMin);
  CHECK(w.injector->domain_down(0));
  CHECK_FALSE(w.f.leader().up());
  w.f.run_until(25 * kUsPerMin);
  w.injector->finish();
  // 100 writes/s for the two minutes it was down.
  CHECK(w.injector->windows()[0].writes_refused == Approx(12000).margin(200));
  check_converged(w.f);
}

TEST_CASE("a follower domain down for 13 hours comes back auto-paused on expired leases", "[faults]") {
  FaultWorld w({fault(FaultKind::kDomainDown, 2 * kUsPerMin, 13 * kUsPerH, "follower-domain")}, 5 * kUsPerMin);
  w.f.run_until(2 * kUsPerMin + kUsPerS);
  CHECK(w.entry().task == nullptr);  // the persistent tasks went down with the domain
  CHECK(w.entry().suspended);
  w.f.run_until(13 * kUsPerH + 5 * kUsPerMin);
  CHECK(w.entry().overall == OverallState::kPaused);
  CHECK(w.entry().reason.find("RetentionLeaseNotFoundException") != std::string::npos);
}

TEST_CASE("a follower domain down for ten minutes resumes from its checkpoint", "[faults]") {
  FaultWorld w({fault(FaultKind::kDomainDown, 2 * kUsPerMin, 10 * kUsPerMin, "follower-domain")});
  w.f.run_until(12 * kUsPerMin + kUsPerS);
  REQUIRE(w.entry().task != nullptr);
  CHECK(w.entry().overall == OverallState::kRunning);
  w.f.run_until(30 * kUsPerMin);
  check_converged(w.f);
}

TEST_CASE("node_down on the follower restarts the lost shard tasks elsewhere", "[faults]") {
  std::vector<FaultSpec> faults = {fault(FaultKind::kNodeDown, 2 * kUsPerMin, 10 * kUsPerMin, "follower-domain")};
  faults[0].node_count = 1;
  FaultWorld w(faults);
  w.f.run_until(2 * kUsPerMin + kUsPerS);
  const ShardReplicationTask* before = w.entry().task->shard_tasks()[0].get();
  w.f.run_until(3 * kUsPerMin);
  // Shard 0 lived on node 0: a new task took over after the replica's promotion; shard 1 kept its task.
  CHECK(w.entry().task->shard_tasks()[0].get() != before);
  CHECK(w.f.follower().nodes_down() == 1);
  w.f.run_until(25 * kUsPerMin);
  CHECK(w.f.follower().nodes_down() == 0);
  check_converged(w.f);
  const ReplicationEntry& e = w.entry();
  CHECK(e.ops_replicated == e.delivery.count());  // every op applied once
}

TEST_CASE("node_down on the leader makes its primaries unavailable until a replica takes over", "[faults]") {
  std::vector<FaultSpec> faults = {fault(FaultKind::kNodeDown, 2 * kUsPerMin, 10 * kUsPerMin, "leader-domain")};
  faults[0].node_count = 1;
  FaultWorld w(faults);
  w.f.run_until(2 * kUsPerMin + kUsPerS);
  const Index& leader = *w.f.leader().find_index("leader-01");
  CHECK_FALSE(w.f.leader().primary_available(leader, 0, w.f.sim().now()));
  CHECK(w.f.leader().primary_available(leader, 1, w.f.sim().now()));
  CHECK(w.f.leader().primary_available(leader, 0, w.f.sim().now() + FaultInjector::kNodeLeftDetectionUs));
  w.f.run_until(25 * kUsPerMin);
  check_converged(w.f);
}

TEST_CASE("latency and bandwidth faults change the link and then restore it", "[faults]") {
  std::vector<FaultSpec> faults = {
      fault(FaultKind::kLatency, 2 * kUsPerMin, kUsPerMin, "leader-domain", "follower-domain"),
      fault(FaultKind::kBandwidth, 2 * kUsPerMin, kUsPerMin, "leader-domain", "follower-domain")};
  faults[0].add_latency_us = 300 * kUsPerMs;
  faults[1].set_bandwidth_bytes_per_s = 1e5;
  FaultWorld w(faults);
  const double base_bw = w.f.network().link_bandwidth_bytes_per_s(0, 1);
  w.f.run_until(2 * kUsPerMin + kUsPerS);
  CHECK(w.f.network().one_way_latency_us(1, 0) >= 320 * kUsPerMs);
  CHECK(w.f.network().link_bandwidth_bytes_per_s(0, 1) == Approx(1e5));
  w.f.run_until(3 * kUsPerMin + kUsPerS);
  CHECK(w.f.network().one_way_latency_us(1, 0) < 100 * kUsPerMs);
  CHECK(w.f.network().link_bandwidth_bytes_per_s(0, 1) == Approx(base_bw));
  w.f.run_until(25 * kUsPerMin);
  check_converged(w.f);
}

TEST_CASE("domain_lost is permanent and the follower can still be promoted", "[faults]") {
  FaultWorld w({fault(FaultKind::kDomainLost, 2 * kUsPerMin, std::nullopt, "leader-domain")});
  w.f.run_until(10 * kUsPerH);
  CHECK_FALSE(w.f.leader().up());
  CHECK(w.f.call("POST _plugins/_replication/follower-01/_stop", json::object()).status == 200);
  CHECK_FALSE(w.f.follower().find_index("follower-01")->replication_block());
  w.injector->finish();
  CHECK(w.injector->windows()[0].writes_refused > 100000);
}

TEST_CASE("node_down on a leader without replicas refuses the writes to its unassigned primaries", "[faults]") {
  std::vector<FaultSpec> faults = {fault(FaultKind::kNodeDown, 2 * kUsPerMin, 8 * kUsPerMin, "leader-domain")};
  faults[0].node_count = 1;
  ReplicationFixture f;
  Index& leader = f.leader_index("leader-01", 3);
  leader.set_number_of_replicas(0);
  f.add_workload("leader-01", 100, kUsPerS, 20 * kUsPerMin);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  FaultInjector injector(f.world(), f.service(), faults);
  injector.start();
  // Snapshots of the writer and the leader shards just after the window opens and just after it closes.
  auto snapshot = [&](sim_time_us t) {
    f.run_until(t);
    f.leader().catch_up_writes(f.sim().now());
    const Index& l = *f.leader().find_index("leader-01");
    return std::vector<std::int64_t>{f.leader().workloads()[0].issued(), l.shard(0).max_seq_no(),
                                     l.shard(1).max_seq_no(), l.shard(2).max_seq_no()};
  };
  const std::vector<std::int64_t> at_begin = snapshot(2 * kUsPerMin + 1);
  // Two data nodes: node 0 holds primaries 0 and 2, which have no replica to promote.
  const Index& l = *f.leader().find_index("leader-01");
  CHECK(l.shard_unassigned(0));
  CHECK_FALSE(l.shard_unassigned(1));
  CHECK(l.shard_unassigned(2));
  CHECK(index_health(f.leader(), l) == "red");
  const std::vector<std::int64_t> at_end = snapshot(10 * kUsPerMin + 1);
  CHECK(at_end[1] == at_begin[1]);  // nothing written to the unassigned primaries
  CHECK(at_end[3] == at_begin[3]);
  CHECK(at_end[2] > at_begin[2]);  // the assigned one kept taking writes
  const std::int64_t issued = at_end[0] - at_begin[0];
  const std::int64_t accepted = at_end[2] - at_begin[2];
  CHECK(injector.windows()[0].writes_refused == issued - accepted);
  CHECK(injector.windows()[0].writes_refused > 30000);  // 2/3 of 100/s for 8 minutes
  CHECK_FALSE(l.shard_unassigned(0));
  CHECK(index_health(f.leader(), l) != "red");
  f.run_until(30 * kUsPerMin);
  injector.finish();
  CHECK(injector.windows()[0].writes_refused == issued - accepted);  // nothing counted after the window
  check_converged(f);
}

TEST_CASE("node_down on a leader with replicas keeps accepting writes after the promotion", "[faults]") {
  std::vector<FaultSpec> faults = {fault(FaultKind::kNodeDown, 2 * kUsPerMin, 8 * kUsPerMin, "leader-domain")};
  faults[0].node_count = 1;
  FaultWorld w(faults);
  w.f.run_until(5 * kUsPerMin);
  w.f.leader().catch_up_writes(w.f.sim().now());
  const Index& l = *w.f.leader().find_index("leader-01");
  CHECK_FALSE(l.shard_unassigned(0));
  CHECK(w.f.leader().primary_available(l, 0, w.f.sim().now()));
  // Shard 0 kept its share of the writes: as many as shard 1 took (the writer spreads them evenly).
  CHECK(std::abs((l.shard(0).max_seq_no() - 999) - (l.shard(1).max_seq_no() + 1)) <= 1);
  w.f.run_until(25 * kUsPerMin);
  w.injector->finish();
  CHECK(w.injector->windows()[0].writes_refused == 0);
  check_converged(w.f);
}

}  // namespace
}  // namespace ccrsim
