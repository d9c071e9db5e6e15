#include "model/capacity/instance_capacity.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

TEST_CASE("instance capacity: defaults scale with family and size from the r6g.large baseline", "[capacity]") {
  const ShardCapacity large = default_shard_capacity("r6g.large.search");
  CHECK(large.index_rate_per_s == Approx(6000));
  CHECK(large.read_rate_per_s == Approx(30000));
  CHECK(default_shard_capacity("r6g.2xlarge.search").index_rate_per_s == Approx(6000 * 2.3));
  CHECK(default_shard_capacity("t3.medium.search").index_rate_per_s == Approx(6000 * 0.4 * 0.75));
  CHECK(default_shard_capacity("c6g.xlarge.search").read_rate_per_s == Approx(30000 * 1.15 * 1.6));
  // Bigger is never slower, and a single shard gains less than the node's cores past 4xlarge.
  CHECK(default_shard_capacity("m6g.4xlarge.search").index_rate_per_s <
        default_shard_capacity("m6g.8xlarge.search").index_rate_per_s);
  CHECK(default_shard_capacity("m6g.16xlarge.search").index_rate_per_s < 4 * large.index_rate_per_s);
}

TEST_CASE("instance capacity: unknown types take the baseline", "[capacity]") {
  CHECK(default_shard_capacity("x9z.huge.search").index_rate_per_s == Approx(6000));
  CHECK(default_shard_capacity("nodots").read_rate_per_s == Approx(30000));
}

TEST_CASE("instance capacity: each written value wins over the default on its own", "[capacity]") {
  DomainSpec d;
  d.instance_type = "r6g.xlarge.search";
  d.capacity.shard_index_rate_per_s = 1234;
  const ShardCapacity c = effective_shard_capacity(d);
  CHECK(c.index_rate_per_s == 1234);
  CHECK(c.read_rate_per_s == Approx(30000 * 1.6));
}

}  // namespace
}  // namespace ccrsim
