#include "model/replication/retention_leases.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

LeaseKey key(int shard, const std::string& uuid = "uuid-a") {
  LeaseKey k;
  k.leader_domain = 1;
  k.leader_index_uuid = uuid;
  k.shard = shard;
  k.follower_domain = 2;
  k.follower_index = "follower";
  return k;
}

TEST_CASE("leases: alive up to and including the retention period after the last renewal") {
  RetentionLeases leases;
  const sim_time_us period = 12 * kUsPerH;
  leases.add(key(0), -1, seconds_us(10));
  CHECK(leases.alive(key(0), seconds_us(10) + period, period));
  CHECK_FALSE(leases.alive(key(0), seconds_us(10) + period + 1, period));
  CHECK_FALSE(leases.alive(key(1), seconds_us(10), period));  // another shard has none
}

TEST_CASE("leases: renewal keeps the highest retaining seq_no and restarts the period") {
  RetentionLeases leases;
  const sim_time_us period = seconds_us(60);
  leases.add(key(0), -1, 0);
  REQUIRE(leases.renew(key(0), 100, seconds_us(50), period));
  REQUIRE(leases.renew(key(0), 40, seconds_us(100), period));  // lower: kept at 100
  const Lease* lease = leases.find(key(0));
  REQUIRE(lease != nullptr);
  CHECK(lease->retaining_seq_no == 100);
  CHECK(lease->renewed_us == seconds_us(100));
  CHECK(leases.alive(key(0), seconds_us(160), period));
}

TEST_CASE("leases: renewing an expired or missing lease fails and drops it") {
  RetentionLeases leases;
  const sim_time_us period = seconds_us(60);
  leases.add(key(0), 5, 0);
  const auto epoch = leases.epoch();
  CHECK_FALSE(leases.renew(key(0), 6, seconds_us(61), period));
  CHECK(leases.find(key(0)) == nullptr);
  CHECK(leases.epoch() != epoch);
  CHECK_FALSE(leases.renew(key(3), 6, 0, period));
  CHECK(leases.all().empty());
}

TEST_CASE("leases: the epoch changes on add and remove - not on renewal") {
  RetentionLeases leases;
  const auto e0 = leases.epoch();
  leases.add(key(0), -1, 0);
  const auto e1 = leases.epoch();
  CHECK(e1 != e0);
  REQUIRE(leases.renew(key(0), 1, 1, seconds_us(1)));
  CHECK(leases.epoch() == e1);
  leases.remove(key(0));
  CHECK(leases.epoch() != e1);
  CHECK(leases.find(key(0)) == nullptr);
}

TEST_CASE("leases: belong to the leader index instance - a recreated index has none") {
  RetentionLeases leases;
  leases.add(key(2, "uuid-old"), -1, 0);
  CHECK(leases.any_on(1, "uuid-old", 2));
  CHECK_FALSE(leases.any_on(1, "uuid-new", 2));
  CHECK_FALSE(leases.any_on(1, "uuid-old", 0));
  CHECK_FALSE(leases.any_on(9, "uuid-old", 2));
}

TEST_CASE("leases: any_on counts expired leases too") {
  RetentionLeases leases;
  leases.add(key(0), -1, 0);
  CHECK_FALSE(leases.alive(key(0), kUsPerDay, seconds_us(1)));
  CHECK(leases.any_on(1, "uuid-a", 0));
}

TEST_CASE("leases: the lease id as the plugin names it") {
  CHECK(lease_id("follower-cluster", "fUuId", "logs-1", 3) == "replication:follower-cluster:fUuId:[logs-1][3]");
}

}  // namespace
}  // namespace ccrsim
