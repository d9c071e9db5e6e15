#include "model/replication/changes_tracker.h"

#include <catch2/catch.hpp>

#include "model/replication/replay_sequencer.h"
#include "sim/rng.h"

namespace ccrsim {
namespace {

TEST_CASE("an idle shard has exactly one long poll") {
  ChangesTracker t(-1);
  auto first = t.request_batch(100);
  REQUIRE(first);
  CHECK(*first == SeqRange{0, 99});
  CHECK_FALSE(t.request_batch(100));  // the second reader waits
  t.batch_fetched(*first, -1, -1);    // empty: cursor back
  CHECK(t.already_requested() == -1);
  CHECK(t.request_batch(100) == SeqRange{0, 99});
}

TEST_CASE("readers get disjoint ranges while the leader is ahead") {
  ChangesTracker t(-1);
  auto a = *t.request_batch(10);
  t.batch_fetched(a, 9, 1000);
  auto b = *t.request_batch(10);
  auto c = *t.request_batch(10);
  CHECK(b == SeqRange{10, 19});
  CHECK(c == SeqRange{20, 29});
  // A short response for a range that is not the last one re-queues the remainder with priority.
  t.batch_fetched(b, 14, 1000);
  CHECK(t.request_batch(10) == SeqRange{15, 19});
  // A failed last range moves the cursor back.
  t.batch_failed(c);
  CHECK(t.already_requested() == 19);
  CHECK(t.request_batch(10) == SeqRange{20, 29});
}

TEST_CASE("the tracker starts after the follower's checkpoint and counts batch sizes from there") {
  ChangesTracker t(99);
  CHECK(t.already_requested() == 99);
  CHECK(t.leader_checkpoint() == 99);
  CHECK(t.has_work());  // caught up: one long poll may go out
  CHECK(t.request_batch(50) == SeqRange{100, 149});
  CHECK_FALSE(t.has_work());
  CHECK(t.already_requested() == 149);
}

TEST_CASE("a full response moves the leader checkpoint forward and never back") {
  ChangesTracker t(-1);
  const SeqRange a = *t.request_batch(10);
  t.batch_fetched(a, 9, 500);
  CHECK(t.leader_checkpoint() == 500);
  const SeqRange b = *t.request_batch(10);
  t.batch_fetched(b, 19, 300);  // an older view of the leader
  CHECK(t.leader_checkpoint() == 500);
  CHECK(t.missing_count() == 0);
}

TEST_CASE("re-queued ranges go out first and in the order they were lost") {
  ChangesTracker t(-1);
  t.batch_fetched(*t.request_batch(10), 9, 1000);
  const SeqRange a = *t.request_batch(10);  // 10..19
  const SeqRange b = *t.request_batch(10);  // 20..29
  const SeqRange c = *t.request_batch(10);  // 30..39, the last one handed out
  t.batch_failed(a);
  t.batch_fetched(b, 24, 1000);
  CHECK(t.missing_count() == 2);
  CHECK(t.has_work());
  CHECK(t.request_batch(100) == SeqRange{10, 19});  // the size asked for does not resize a lost range
  CHECK(t.request_batch(100) == SeqRange{25, 29});
  CHECK(t.request_batch(5) == SeqRange{c.to + 1, c.to + 5});
}

// In the spirit of ShardFollowNodeTaskRandomTests: random short/empty/failed responses in random order, many seeds;
// every op is applied exactly once, in order.
TEST_CASE("tracker and sequencer: random responses never skip or repeat an op") {
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    Rng rng(seed, "tracker");
    const std::int64_t leader_max = static_cast<std::int64_t>(rng.below(2000));
    ChangesTracker t(-1);
    ReplaySequencer s(-1);
    std::vector<SeqRange> outstanding;
    std::int64_t applied = -1;
    std::int64_t leader_known = -1;
    for (int step = 0; step < 100000 && applied < leader_max; ++step) {
      if (outstanding.size() < 3) {
        if (auto r = t.request_batch(1 + static_cast<std::int64_t>(rng.below(64)))) outstanding.push_back(*r);
      }
      if (outstanding.empty()) continue;
      const std::size_t pick = rng.below(outstanding.size());
      const SeqRange req = outstanding[pick];
      outstanding.erase(outstanding.begin() + static_cast<std::ptrdiff_t>(pick));
      if (rng.below(5) == 0) {
        t.batch_failed(req);
        continue;
      }
      leader_known = std::min<std::int64_t>(leader_max, leader_known + static_cast<std::int64_t>(rng.below(50)));
      std::int64_t to = std::min(req.to, leader_known);
      if (to >= req.from && rng.below(3) == 0) to = req.from + static_cast<std::int64_t>(rng.below(to - req.from + 1));
      if (to < req.from) to = req.from - 1;
      t.batch_fetched(req, to, leader_known);
      if (to >= req.from) s.add({req.from, to});
      while (auto d = s.next_dispatch(2)) {
        for (const SeqRange& a : s.finished(*d)) {
          REQUIRE(a.from == applied + 1);
          applied = a.to;
        }
      }
    }
    INFO("seed " << seed);
    CHECK(applied == leader_max);
  }
}

}  // namespace
}  // namespace ccrsim
