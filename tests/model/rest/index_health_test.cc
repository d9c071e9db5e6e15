#include "model/rest/index_health.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

Domain domain_with_nodes(int instance_count) {
  DomainSpec spec;
  spec.instance_count = instance_count;
  return Domain(spec, 1);
}

TEST_CASE("index health: data nodes are the instances - at least one") {
  CHECK(data_nodes(domain_with_nodes(3)) == 3);
  CHECK(data_nodes(domain_with_nodes(1)) == 1);
  CHECK(data_nodes(domain_with_nodes(0)) == 1);
}

TEST_CASE("index health: a replica needs a data node without a copy of its shard") {
  const Domain three = domain_with_nodes(3);
  CHECK(assigned_copies(three, Index("i", "u", 1, 0, 0)) == 1);
  CHECK(assigned_copies(three, Index("i", "u", 1, 2, 0)) == 3);
  CHECK(assigned_copies(three, Index("i", "u", 1, 5, 0)) == 3);  // only as many copies as nodes
  CHECK(assigned_copies(domain_with_nodes(1), Index("i", "u", 5, 1, 0)) == 1);
}

TEST_CASE("index health: green when every replica is assigned - yellow when some cannot be") {
  const Domain two = domain_with_nodes(2);
  CHECK(index_health(two, Index("i", "u", 3, 1, 0)) == "green");
  CHECK(index_health(two, Index("i", "u", 3, 0, 0)) == "green");
  CHECK(index_health(two, Index("i", "u", 3, 2, 0)) == "yellow");
  CHECK(index_health(domain_with_nodes(1), Index("i", "u", 1, 1, 0)) == "yellow");
}

TEST_CASE("index health: red while a primary is unassigned - back when it returns") {
  const Domain two = domain_with_nodes(2);
  Index index("i", "u", 2, 1, 0);
  index.set_shard_unassigned(1, true);
  CHECK(index_health(two, index) == "red");
  index.set_shard_unassigned(1, false);
  CHECK(index_health(two, index) == "green");
}

}  // namespace
}  // namespace ccrsim
