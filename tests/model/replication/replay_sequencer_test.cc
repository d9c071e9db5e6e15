#include "model/replication/replay_sequencer.h"

#include <catch2/catch.hpp>
#include <vector>

namespace ccrsim {
namespace {

TEST_CASE("the sequencer replays in order with bounded writers") {
  ReplaySequencer s(-1);
  s.add({10, 19});
  CHECK_FALSE(s.next_dispatch(2));  // 0..9 missing
  s.add({0, 9});
  s.add({20, 29});
  CHECK(s.next_dispatch(2) == SeqRange{0, 9});
  CHECK(s.next_dispatch(2) == SeqRange{10, 19});
  CHECK_FALSE(s.next_dispatch(2));      // both writers busy
  CHECK(s.finished({10, 19}).empty());  // out-of-order finish: nothing applicable yet
  CHECK(s.next_dispatch(2) == SeqRange{20, 29});
  auto applied = s.finished({0, 9});
  REQUIRE(applied.size() == 2);
  CHECK(applied[0] == SeqRange{0, 9});
  CHECK(applied[1] == SeqRange{10, 19});
  CHECK(s.applied_upto() == 19);
  const auto last = s.finished({20, 29});
  CHECK(std::vector<SeqRange>(last.begin(), last.end()) == std::vector<SeqRange>{{20, 29}});
}

TEST_CASE("the sequencer starts after the follower's checkpoint") {
  ReplaySequencer s(41);
  CHECK(s.applied_upto() == 41);
  CHECK(s.dispatched_upto() == 41);
  s.add({50, 59});
  CHECK_FALSE(s.next_dispatch(4));  // 42..49 missing
  s.add({42, 49});
  CHECK(s.buffered() == 2);
  CHECK(s.next_dispatch(4) == SeqRange{42, 49});
  CHECK(s.dispatched_upto() == 49);
  CHECK(s.applied_upto() == 41);  // dispatched is not applied
  CHECK(s.in_flight() == 1);
}

TEST_CASE("the sequencer frees a writer as soon as a replay finishes - even out of order") {
  ReplaySequencer s(-1);
  s.add({0, 4});
  s.add({5, 9});
  s.add({10, 14});
  REQUIRE(s.next_dispatch(2) == SeqRange{0, 4});
  REQUIRE(s.next_dispatch(2) == SeqRange{5, 9});
  CHECK(s.in_flight() == 2);
  CHECK(s.finished({5, 9}).empty());
  CHECK(s.in_flight() == 1);
  CHECK(s.applied_upto() == -1);  // 0..4 still running
  CHECK(s.next_dispatch(2) == SeqRange{10, 14});
  const auto applied = s.finished({0, 4});
  CHECK(std::vector<SeqRange>(applied.begin(), applied.end()) == std::vector<SeqRange>{{0, 4}, {5, 9}});
  CHECK(s.applied_upto() == 9);
  CHECK(s.buffered() == 0);
}

TEST_CASE("the sequencer with one writer replays strictly one batch at a time") {
  ReplaySequencer s(-1);
  s.add({0, 0});
  s.add({1, 1});
  REQUIRE(s.next_dispatch(1) == SeqRange{0, 0});
  CHECK_FALSE(s.next_dispatch(1));
  CHECK(s.finished({0, 0}).size() == 1);
  CHECK(s.next_dispatch(1) == SeqRange{1, 1});
}

TEST_CASE("the sequencer is ready only when the batch continuing the dispatched prefix is buffered") {
  ReplaySequencer s(-1);
  CHECK_FALSE(s.ready());
  s.add({10, 19});
  CHECK_FALSE(s.ready());  // out of order: the rendezvous takes such a hand-off without waiting for a writer
  s.add({0, 9});
  CHECK(s.ready());
  CHECK(s.next_dispatch(1) == SeqRange{0, 9});
  CHECK(s.ready());  // 10..19 is next, but the only writer is busy: hand-offs wait behind it
  CHECK_FALSE(s.next_dispatch(1));
  s.finished({0, 9});
  CHECK(s.next_dispatch(1) == SeqRange{10, 19});
  CHECK_FALSE(s.ready());
}

}  // namespace
}  // namespace ccrsim
