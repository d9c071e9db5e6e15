#include "model/shard.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

TEST_CASE("an empty shard has no operations and checkpoint -1") {
  Shard s;
  CHECK(s.max_seq_no() == kNoOpsPerformed);
  CHECK(s.global_checkpoint() == -1);
  CHECK(s.seq_no_at(kTimeNever - 1) == kNoOpsPerformed);
  CHECK(s.synthetic_docs_upto(10) == 0);
}

TEST_CASE("synthetic runs keep exact seq_nos and evenly spaced write times") {
  Shard s;
  s.append_synthetic(11, 0, 10 * kUsPerS, 100);  // one op per second
  CHECK(s.max_seq_no() == 10);
  CHECK(s.write_time(0) == 0);
  CHECK(s.write_time(5) == 5 * kUsPerS);
  CHECK(s.write_time(10) == 10 * kUsPerS);
  CHECK(s.seq_no_at(4 * kUsPerS + 1) == 4);
  CHECK(s.seq_no_at(-1) == kNoOpsPerformed);
  CHECK(s.bytes_between(2, 4) == 300);
  CHECK(s.store_bytes() == 1100);
}

TEST_CASE("a run that continues the previous one at the same spacing merges into it") {
  Shard s;
  s.append_synthetic(10, 0, 9 * kUsPerS, 1);
  s.append_synthetic(5, 10 * kUsPerS, 14 * kUsPerS, 1);
  CHECK(s.runs().size() == 1);
  CHECK(s.write_time(14) == 14 * kUsPerS);
  s.append_synthetic(5, 100 * kUsPerS, 104 * kUsPerS, 1);  // a gap: a new run
  CHECK(s.runs().size() == 2);
  CHECK(s.seq_no_at(50 * kUsPerS) == 14);
}

TEST_CASE("explicit operations are kept and counted apart from synthetic ones") {
  Shard s;
  s.append_synthetic(3, 0, 2, 10);
  DocOp op;
  op.id = "a";
  op.bytes = 20;
  CHECK(s.append_explicit(op, 5) == 3);
  s.append_synthetic(2, 6, 7, 10);
  CHECK(s.max_seq_no() == 5);
  CHECK(s.synthetic_docs_upto(5) == 5);
  CHECK(s.synthetic_docs_upto(3) == 3);
  CHECK(s.explicit_ops().count(3) == 1);
  CHECK(s.bytes_between(3, 3) == 20);
}

TEST_CASE("replicated ranges copy explicit ops and refuse gaps") {
  Shard leader;
  leader.append_synthetic(4, 0, 3, 10);
  DocOp op;
  op.id = "x";
  op.bytes = 7;
  leader.append_explicit(op, 4);
  Shard follower;
  follower.apply_replicated(leader, 0, 2, 100);
  CHECK(follower.max_seq_no() == 2);
  CHECK(follower.explicit_ops().empty());
  follower.apply_replicated(leader, 3, 4, 200);
  CHECK(follower.max_seq_no() == 4);
  CHECK(follower.explicit_ops().count(4) == 1);
  CHECK(follower.store_bytes() == leader.store_bytes());
  CHECK(follower.synthetic_docs_upto(4) == leader.synthetic_docs_upto(4));
}

TEST_CASE("the run list stays bounded and keeps counts exact") {
  Shard s;
  for (int i = 0; i < 10000; ++i) s.append_synthetic(1 + i % 3, i * 1000, i * 1000 + (i % 3) * 7, 1);
  CHECK(s.runs().size() <= Shard::kMaxRuns);
  std::int64_t total = 0;
  for (int i = 0; i < 10000; ++i) total += 1 + i % 3;
  CHECK(s.max_seq_no() == total - 1);
  CHECK(s.store_bytes() == total);
  // Write times stay monotone in seq_no after merging.
  for (std::int64_t q = 1; q < total; q += 97) CHECK(s.write_time(q) >= s.write_time(q - 1));
}

}  // namespace
}  // namespace ccrsim
