#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "sim/rng.h"
#include "tests/model/replication_fixture.h"

namespace ccrsim {
namespace {

using testing::ReplicationFixture;
using testing::ReplicationFixtureOptions;

// Every follower shard holds exactly the leader's history, explicit documents included.
void check_histories_equal(const Index& leader, const Index& follower) {
  REQUIRE(leader.number_of_shards() == follower.number_of_shards());
  for (int s = 0; s < leader.number_of_shards(); ++s) {
    INFO("shard " << s);
    CHECK(follower.shard(s).max_seq_no() == leader.shard(s).max_seq_no());
    CHECK(follower.shard(s).explicit_ops().size() == leader.shard(s).explicit_ops().size());
    CHECK(follower.shard(s).store_bytes() == leader.shard(s).store_bytes());
  }
  CHECK(follower.doc_count() == leader.doc_count());
}

std::string reason_of(const RestResponse& r) {
  return r.body["error"]["reason"].get<std::string>();
}

TEST_CASE("steady writes replicate exactly - lag returns to zero") {
  ReplicationFixture f;
  Index& leader = f.leader_index("leader-01", 3);
  leader.shard(0).append_synthetic(1000, 0, 0, 1000);
  f.add_workload("leader-01", 500, kUsPerS, 60 * kUsPerS);
  f.run_until(2 * kUsPerS);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  f.run_until(30 * kUsPerS);
  const ReplicationEntry& e = *f.service().entries()[0];
  // The snapshot is the safe commit each leader shard took when GetStoreMetadata reached it.
  std::int64_t snapshot_ops = 0;
  for (const ShardBootstrap& b : e.task->bootstrap()) snapshot_ops += b.snapshot_seq_no + 1;
  CHECK(snapshot_ops > 1000);  // the pre-existing docs and the first writes
  CHECK(f.service().ops_lag(e) >= 0);
  CHECK(f.service().ops_lag(e) < 200);  // a few round trips behind at most
  CHECK(f.service().time_lag_us(e) < 2 * kUsPerS);
  f.run_until(3 * kUsPerMin);
  f.leader().catch_up_writes(f.sim().now());
  const Index& follower = *f.follower().find_index("follower-01");
  check_histories_equal(*f.leader().find_index("leader-01"), follower);
  CHECK(f.service().ops_lag(e) == 0);
  CHECK(f.service().time_lag_us(e) == 0);
  // Everything written after the snapshot was replayed, each op once.
  CHECK(e.ops_replicated == e.delivery.count());
  std::int64_t total = 0;
  for (const Shard& sh : leader.shards()) total += sh.max_seq_no() + 1;
  CHECK(e.ops_replicated + snapshot_ops == total);
  CHECK(e.delivery.quantile_us(0.5) > 20 * kUsPerMs);  // at least the one-way latency
  CHECK(e.delivery.max_us() < 2 * kUsPerS);
  json s = f.status("follower-01");
  CHECK(s["syncing_details"]["leader_checkpoint"] == s["syncing_details"]["follower_checkpoint"]);
}

TEST_CASE("explicit documents - updates and deletes reach the follower") {
  ReplicationFixture f;
  Index& leader = f.leader_index("leader-01", 2);
  leader.index_doc("a", json{{"v", 1}}, 0);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  f.run_until(10 * kUsPerS);
  leader.index_doc("b", json{{"v", 1}}, f.sim().now());
  leader.index_doc("a", json{{"v", 2}}, f.sim().now());
  f.service().notify_leader_changed(ReplicationFixture::kLeader, "leader-01");
  f.run_until(20 * kUsPerS);
  leader.delete_doc("b", f.sim().now());
  leader.index_doc("c", json{{"v", 3}}, f.sim().now());
  // No notification this time: the 5 s monitor pass notices the leader changed.
  f.run_until(40 * kUsPerS);
  const Index& follower = *f.follower().find_index("follower-01");
  check_histories_equal(leader, follower);
  REQUIRE(follower.get_doc("a"));
  CHECK(*follower.get_doc("a")->source == json{{"v", 2}});
  CHECK_FALSE(follower.get_doc("b"));
  REQUIRE(follower.get_doc("c"));
  CHECK(follower.get_doc("c")->version == leader.get_doc("c")->version);
}

TEST_CASE("an idle shard's long poll wakes at the leader's next write") {
  ReplicationFixture f;
  f.leader_index("leader-01", 1);
  f.add_workload("leader-01", 1, 30 * kUsPerS, 31 * kUsPerS);  // one op at t = 30 s
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  f.run_until(31 * kUsPerS);
  const ReplicationEntry& e = *f.service().entries()[0];
  CHECK(e.ops_replicated == 1);
  CHECK(e.delivery.max_us() < 100 * kUsPerMs);  // response transfer + replay, no polling delay
}

TEST_CASE("after a 504 cycle the retry helper's sleep delays a write (up to 80 s)") {
  ReplicationFixture f;
  f.leader_index("leader-01", 1);
  // First long poll at ~0 s times out at 60 s; the helper sleeps 10 s; a write at 65 s waits for the retry at 70 s.
  f.add_workload("leader-01", 1, 65 * kUsPerS, 66 * kUsPerS);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  f.run_until(2 * kUsPerMin);
  const ReplicationEntry& e = *f.service().entries()[0];
  REQUIRE(e.ops_replicated == 1);
  CHECK(e.delivery.max_us() > 4 * kUsPerS);
  CHECK(e.delivery.max_us() < 6 * kUsPerS);
}

TEST_CASE("leader index deleted: auto-pause with the real reason format") {
  ReplicationFixture f;
  f.leader_index("leader-01", 1);
  f.add_workload("leader-01", 10, 0, 20 * kUsPerS);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  f.run_until(30 * kUsPerS);
  f.leader().delete_index("leader-01");
  f.run_until(45 * kUsPerS);
  json s = f.status("follower-01");
  CHECK(s["status"] == "PAUSED");
  CHECK(s["reason"] ==
        "AutoPaused:  + [[follower-01][0] - org.opensearch.index.IndexNotFoundException - \"no such index "
        "[leader-01]\"], ");
  CHECK_FALSE(s.contains("syncing_details"));
}

TEST_CASE("auto-pause reason before 2.8 has no stray plus") {
  ReplicationFixtureOptions options;
  options.engine_version = "OpenSearch_2.7";
  ReplicationFixture f(options);
  f.leader_index("leader-01", 1);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  f.leader().find_index("leader-01")->set_closed(true);
  f.service().notify_leader_changed(ReplicationFixture::kLeader, "leader-01");
  f.run_until(20 * kUsPerS);
  json s = f.status("follower-01");
  CHECK(s["status"] == "PAUSED");
  CHECK(s["reason"] == "AutoPaused: [[follower-01][0] - org.opensearch.indices.IndexClosedException - \"closed\"], ");
}

TEST_CASE("leases expire while paused: resume is refused with the version's text") {
  for (const char* version : {"OpenSearch_2.11", "OpenSearch_3.8"}) {
    ReplicationFixtureOptions options;
    options.engine_version = version;
    ReplicationFixture f(options);
    Index& leader = f.leader_index("leader-01", 2);
    leader.settings()["soft_deletes.retention_lease.period"] = "10m";
    REQUIRE(f.start("follower-01", "leader-01").status == 200);
    f.run_until(10 * kUsPerS);
    REQUIRE(f.call("POST _plugins/_replication/follower-01/_pause").status == 200);
    f.run_until(5 * kUsPerMin);
    CHECK(f.call("POST _plugins/_replication/follower-01/_resume", json::object()).status == 200);
    REQUIRE(f.call("POST _plugins/_replication/follower-01/_pause").status == 200);
    f.run_until(20 * kUsPerMin);
    auto r = f.call("POST _plugins/_replication/follower-01/_resume", json::object());
    CHECK(r.status == 404);
    std::string expected = "Retention lease doesn't exist. Replication can't be resumed for follower-01";
    if (std::string(version) == "OpenSearch_3.8") expected += ". Use force_resume=true to restore from snapshot.";
    CHECK(reason_of(r) == expected);
  }
}

TEST_CASE("a leader deleted and recreated while paused loses the leases") {
  ReplicationFixture f;
  f.leader_index("leader-01", 1);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  REQUIRE(f.call("POST _plugins/_replication/follower-01/_pause").status == 200);
  f.leader().delete_index("leader-01");
  f.leader_index("leader-01", 1);
  auto r = f.call("POST _plugins/_replication/follower-01/_resume", json::object());
  CHECK(r.status == 404);
  CHECK(reason_of(r) == "Retention lease doesn't exist. Replication can't be resumed for follower-01");
}

TEST_CASE("a leader that is itself a follower cannot be replicated") {
  ReplicationFixture f;
  f.leader_index("leader-01", 1).set_follower_of("other:x");
  auto r = f.start("follower-01", "leader-01");
  CHECK(r.status == 400);
  CHECK(reason_of(r) == "Cannot Replicate a Replicated Index leader-01");
}

TEST_CASE("follower and leader stats after 50 docs") {
  ReplicationFixture f;
  f.leader_index("leader-01", 1);
  f.add_workload("leader-01", 10, kUsPerS, 6 * kUsPerS);  // 50 ops
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  f.run_until(30 * kUsPerS);
  json fs = f.call("GET _plugins/_replication/follower_stats").body;
  CHECK(fs.size() == 16);
  CHECK(fs["num_syncing_indices"] == 1);
  CHECK(fs["num_shard_tasks"] == 1);
  CHECK(fs["operations_written"] == 50);
  CHECK(fs["operations_read"] == 50);
  CHECK(fs["follower_checkpoint"] == 49);
  json ls = f.call("GET _plugins/_replication/leader_stats", std::nullopt, ReplicationFixture::kLeader).body;
  CHECK(ls.size() == 9);
  CHECK(ls["num_replicated_indices"] == 1);
  CHECK(ls["operations_read"] == 50);
  CHECK(ls["operations_read_translog"] == 50);
  CHECK(ls["operations_read_lucene"] == 0);
}

TEST_CASE("a link cut stalls replication - it catches up after the link returns") {
  ReplicationFixture f;
  f.leader_index("leader-01", 2);
  f.add_workload("leader-01", 200, 0, 10 * kUsPerMin);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  f.run_until(kUsPerMin);
  f.network().set_link_up(ReplicationFixture::kLeader, ReplicationFixture::kFollower, false);
  f.run_until(3 * kUsPerMin);
  const ReplicationEntry& e = *f.service().entries()[0];
  CHECK(f.service().ops_lag(e) > 20'000);
  CHECK(f.service().time_lag_us(e) > 100 * kUsPerS);
  CHECK(f.status("follower-01") ==
        json{{"error",
              {{"root_cause", {{{"type", "replication_exception"}, {"reason", "failed to fetch replication status"}}}},
               {"type", "replication_exception"},
               {"reason", "failed to fetch replication status"}}},
             {"status", 500}});
  f.network().set_link_up(ReplicationFixture::kLeader, ReplicationFixture::kFollower, true);
  f.run_until(20 * kUsPerMin);
  f.leader().catch_up_writes(f.sim().now());
  check_histories_equal(*f.leader().find_index("leader-01"), *f.follower().find_index("follower-01"));
  CHECK(f.service().ops_lag(e) == 0);
}

// The spirit of ShardFollowNodeTaskRandomTests: random short and failed GetChanges answers, random settings and
// write patterns, many seeds, always ending in exact history equality with every op applied once.
TEST_CASE("randomized replay ends in exact history equality") {
  for (std::uint64_t seed = 1; seed <= 25; ++seed) {
    INFO("seed " << seed);
    Rng rng(seed, "replay-test");
    ReplicationFixtureOptions options;
    options.seed = seed;
    options.latency_us = static_cast<sim_time_us>(1 + rng.below(100)) * kUsPerMs;
    ReplicationFixture f(options);
    const int shards = 1 + static_cast<int>(rng.below(4));
    f.leader_index("leader-01", shards);
    f.follower().persistent_settings()["plugins.replication.follower.index.ops_batch_size"] =
        static_cast<std::int64_t>(16 + rng.below(300));
    f.follower().persistent_settings()["plugins.replication.follower.concurrent_readers_per_shard"] =
        static_cast<std::int64_t>(1 + rng.below(4));
    f.follower().persistent_settings()["plugins.replication.follower.concurrent_writers_per_shard"] =
        static_cast<std::int64_t>(1 + rng.below(3));
    f.add_workload("leader-01", static_cast<double>(50 + rng.below(2000)), 0, 40 * kUsPerS,
                   rng.below(2) == 0 ? Arrival::kUniform : Arrival::kPoisson);
    Rng faults(seed, "faults");
    f.service().set_get_changes_fault([&faults](const ReplicationEntry&, int, SeqRange requested) {
      GetChangesFault fault;
      const auto roll = faults.below(10);
      if (roll == 0) fault.status = 500;
      if (roll == 1) fault.status = 429;
      if (roll == 2 || roll == 3) fault.truncate_to = requested.from - 1 + static_cast<std::int64_t>(faults.below(20));
      return fault;
    });
    REQUIRE(f.start("follower-01", "leader-01").status == 200);
    for (sim_time_us t = 0; t < 40 * kUsPerS; t += 5 * kUsPerS) {
      // The start already ran the clock past the first checkpoints; run_until refuses an end in the past, and
      // such a run fired nothing anyway (every pending event is at now or later).
      if (t >= f.sim().now()) f.run_until(t);
      const ReplicationEntry& e = *f.service().entries()[0];
      CHECK(f.service().follower_checkpoint(e) <= f.service().leader_checkpoint(e));
      if (rng.below(4) == 0) {
        Index& leader = *f.leader().find_index("leader-01");
        leader.index_doc("doc-" + std::to_string(rng.below(20)), json{{"t", t}}, f.sim().now());
        if (rng.below(2) == 0) leader.delete_doc("doc-" + std::to_string(rng.below(20)), f.sim().now());
      }
    }
    f.service().set_get_changes_fault(nullptr);
    f.run_until(40 * kUsPerS + 15 * kUsPerMin);
    f.leader().catch_up_writes(f.sim().now());
    const ReplicationEntry& e = *f.service().entries()[0];
    CHECK(f.service().status_string(e) == "SYNCING");
    check_histories_equal(*f.leader().find_index("leader-01"), *f.follower().find_index("follower-01"));
    CHECK(e.ops_replicated == e.delivery.count());
    CHECK(f.service().ops_lag(e) == 0);
  }
}

void check_delivery_against_brute_force(double rate, sim_time_us latency_us) {
  ReplicationFixtureOptions options;
  options.latency_us = latency_us;
  ReplicationFixture f(options);
  f.leader_index("leader-01", 2);
  // Few enough applies that the follower keeps one run per apply (Shard::kMaxRuns): per-op apply times are exact.
  f.add_workload("leader-01", rate, kUsPerS, 30 * kUsPerS);
  f.follower().persistent_settings()["plugins.replication.follower.index.ops_batch_size"] = 5000;
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  f.run_until(2 * kUsPerMin);
  const Index& leader = *f.leader().find_index("leader-01");
  const Index& follower = *f.follower().find_index("follower-01");
  const ReplicationEntry& e = *f.service().entries()[0];
  std::vector<sim_time_us> delivery;
  for (int s = 0; s < 2; ++s) {
    REQUIRE(follower.shard(s).runs().size() < Shard::kMaxRuns);
    // Ops up to the bootstrap's snapshot arrive with the copied store: they are not replayed, so not delivered.
    const std::int64_t snapshot_seq_no = e.task->bootstrap()[static_cast<std::size_t>(s)].snapshot_seq_no;
    for (std::int64_t q = snapshot_seq_no + 1; q <= follower.shard(s).max_seq_no(); ++q) {
      delivery.push_back(follower.shard(s).write_time(q) - leader.shard(s).write_time(q));
    }
  }
  std::sort(delivery.begin(), delivery.end());
  REQUIRE(e.delivery.count() == static_cast<std::int64_t>(delivery.size()));
  for (double q : {0.5, 0.9, 0.95, 0.99, 1.0}) {
    INFO("q " << q);
    const auto idx = static_cast<std::size_t>(std::ceil(q * static_cast<double>(delivery.size()))) - 1;
    const double brute = static_cast<double>(delivery[idx]);
    const double hist = static_cast<double>(e.delivery.quantile_us(q));
    CHECK(std::abs(hist - brute) <= 0.01 * brute + 2.0);
  }
}

TEST_CASE("delivery histogram matches a per-op brute force within 1 %: small batches - op by op") {
  check_delivery_against_brute_force(100, 20 * kUsPerMs);
}

TEST_CASE("delivery histogram matches a per-op brute force within 1 %: large batches - uniform masses") {
  check_delivery_against_brute_force(4000, 200 * kUsPerMs);
}

TEST_CASE("events per round trip do not grow with the write rate") {
  auto events_for = [](double rate) {
    ReplicationFixture f;
    f.leader_index("leader-01", 1);
    f.add_workload("leader-01", rate, 0, 5 * kUsPerMin);
    REQUIRE(f.start("follower-01", "leader-01").status == 200);
    f.run_until(5 * kUsPerMin);
    return f.sim().events_processed();
  };
  const auto slow = events_for(100);
  const auto fast = events_for(20'000);
  CHECK(static_cast<double>(fast) < 1.5 * static_cast<double>(slow));
}

// The fetch loop's back-pressure (docs/replication.md "The fetch loop"): a reader hands its answer to the sequencer
// through a rendezvous and fetches again only once the sequencer took it, so fetched but unreplayed operations stay
// within a few batches, and under a backlog each GetChanges brings back up to ops_batch_size operations.
// One GetChanges as the leader saw it on arrival.
struct Fetch {
  sim_time_us at_us = 0;
  SeqRange requested;
  std::int64_t answered = 0;    // operations the leader had for it then (0: it long-polls)
  std::int64_t unreplayed = 0;  // fetched before it but not yet applied on the follower
};

struct Run {
  std::vector<Fetch> fetches;
  std::int64_t ops_lag_after_writes = -1;
};

// One shard, follower and leader 0.5 ms apart (one region), writes at `rate` from 5 s to 35 s.
Run run(double rate, double follower_index_rate, std::int64_t ops_batch_size) {
  ReplicationFixtureOptions options;
  options.latency_us = 500;
  options.follower_index_rate_per_s = follower_index_rate;
  ReplicationFixture f(options);
  f.leader_index("leader-01", 1);
  f.add_workload("leader-01", rate, 5 * kUsPerS, 35 * kUsPerS);
  f.follower().persistent_settings()["plugins.replication.follower.index.ops_batch_size"] = ops_batch_size;
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  Run out;
  f.service().set_get_changes_fault([&](const ReplicationEntry&, int, SeqRange requested) {
    const std::int64_t leader_checkpoint = f.leader().find_index("leader-01")->shard(0).global_checkpoint();
    const std::int64_t applied = f.follower().find_index("follower-01")->shard(0).local_checkpoint();
    const std::int64_t answered =
        std::max<std::int64_t>(0, std::min(requested.to, leader_checkpoint) - requested.from + 1);
    out.fetches.push_back({f.sim().now(), requested, answered, requested.from - 1 - applied});
    return GetChangesFault{};
  });
  f.run_until(35 * kUsPerS + kUsPerS);
  out.ops_lag_after_writes = f.service().ops_lag(*f.service().entries()[0]);
  f.service().set_get_changes_fault(nullptr);
  return out;
}

double mean_answered(const Run& r) {
  std::int64_t ops = 0;
  std::int64_t answers = 0;
  for (const Fetch& fetch : r.fetches) {
    if (fetch.answered == 0) continue;
    ops += fetch.answered;
    ++answers;
  }
  return answers == 0 ? 0.0 : static_cast<double>(ops) / static_cast<double>(answers);
}

TEST_CASE("a reader waits while its batch is untaken: fetched but unreplayed operations stay within a few batches") {
  // The follower indexes 1000 ops/s and is written 3000/s: the leader's backlog grows by 2000 ops/s. Were readers
  // to ask again at once, the follower would hold ever more fetched batches waiting for a writer (60 000 ops by the
  // end); with the rendezvous at most two batches replay, one waits for a writer and each reader holds one.
  const Run r = run(3000, 1000, 2000);
  REQUIRE(r.fetches.size() > 10);
  std::int64_t most_unreplayed = 0;
  for (const Fetch& fetch : r.fetches) most_unreplayed = std::max(most_unreplayed, fetch.unreplayed);
  CHECK(most_unreplayed <= 5 * 2000);
  CHECK(r.ops_lag_after_writes > 40'000);  // the follower really is behind: the bound above is the rendezvous
}

TEST_CASE("under a backlog every GetChanges asks for and gets ops_batch_size operations - never more") {
  const Run r = run(3000, 1000, 2000);
  std::int64_t full = 0;
  for (const Fetch& fetch : r.fetches) {
    CHECK(fetch.requested.count() == 2000);
    CHECK(fetch.answered <= 2000);
    // Once the backlog exceeds a few batches, every answer is a full batch: about one a second per writer.
    if (fetch.at_us < 15 * kUsPerS || fetch.at_us > 35 * kUsPerS) continue;
    CHECK(fetch.answered == 2000);
    ++full;
  }
  CHECK(full >= 10);
}

TEST_CASE("batches grow with the write rate in one region and the follower keeps up") {
  // A replay holds a writer for at least 5 ms, so two writers finish at most 400 batches a second: keeping up with
  // 5000 ops/s (the follower indexes 6000/s) takes batches of about 12.5, which rate x round trip (1 ms) would
  // never give.
  const Run slow = run(1000, 0, 50'000);
  const Run fast = run(5000, 0, 50'000);
  INFO("mean batch at 1000/s " << mean_answered(slow) << ", at 5000/s " << mean_answered(fast));
  CHECK(mean_answered(fast) >= 12);
  CHECK(mean_answered(fast) > 4 * mean_answered(slow));
  CHECK(slow.ops_lag_after_writes < 100);
  CHECK(fast.ops_lag_after_writes < 500);
}

}  // namespace
}  // namespace ccrsim
