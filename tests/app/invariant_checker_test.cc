#include "app/invariant_checker.h"

#include <catch2/catch.hpp>

#include "tests/model/replication_fixture.h"

namespace ccrsim {
namespace {

using testing::ReplicationFixture;

TEST_CASE("the invariant checker passes a healthy replication and names a violation", "[faults][invariants]") {
  ReplicationFixture f;
  f.leader_index("leader-01", 2).shard(0).append_synthetic(100, 0, 0, 1000);
  f.add_workload("leader-01", 50, kUsPerS, 10 * kUsPerMin);
  REQUIRE(f.start("follower-01", "leader-01").status == 200);
  InvariantChecker checker(f.service());
  const ReplicationEntry& e = *f.service().entries()[0];
  for (int i = 1; i <= 60; ++i) {
    f.run_until(i * 10 * kUsPerS);
    checker.on_sample(e, f.service().sample(e));
  }
  CHECK_FALSE(checker.violation().has_value());

  SECTION("a follower ahead of its leader") {
    ReplicationSample bad = f.service().sample(e);
    bad.follower_checkpoint = bad.leader_checkpoint + 1;
    checker.on_sample(e, bad);
    REQUIRE(checker.violation().has_value());
    CHECK(checker.violation()->find("follower-domain/follower-01") != std::string::npos);
    CHECK(checker.violation()->find("follower checkpoint <= leader checkpoint") != std::string::npos);
    CHECK(checker.violation()->rfind("at 600.0 s", 0) == 0);
  }
  SECTION("a replication that never converges after a permanent cut") {
    f.network().set_link_up(0, 1, false);
    f.run_until(60 * kUsPerMin);
    REQUIRE(f.service().ops_lag(e) > 0);
    checker.at_end(10 * kUsPerMin);
    REQUIRE(checker.violation().has_value());
    CHECK(checker.violation()->find("converges") != std::string::npos);
  }
  SECTION("a converged replication passes the end check") {
    f.run_until(60 * kUsPerMin);
    checker.at_end(10 * kUsPerMin);
    CHECK_FALSE(checker.violation().has_value());
  }
}

}  // namespace
}  // namespace ccrsim
