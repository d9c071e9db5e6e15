// The fetch loop's back-pressure (docs/replication.md "The fetch loop"): a reader hands its answer to the sequencer
// through a rendezvous and fetches again only once the sequencer took it, so fetched but unreplayed operations stay
// within a few batches, and under a backlog each GetChanges brings back up to ops_batch_size operations.
#include <algorithm>
#include <catch2/catch.hpp>
#include <vector>

#include "tests/model/replication_fixture.h"

namespace ccrsim {
namespace {

using testing::ReplicationFixture;
using testing::ReplicationFixtureOptions;

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
