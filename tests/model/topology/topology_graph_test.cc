// The topology graph's queries: connected-domain counts, which domains hold a copy of an index, and which indices
// have no copy outside a region.
#include "model/topology/topology_graph.h"

#include <catch2/catch.hpp>

namespace ccrsim {

TEST_CASE("connected domains count each peer once and only live connections", "[topology]") {
  TopologyGraph g;
  const int a = g.add_domain("a-domain", "us-east-1");
  const int b = g.add_domain("b-domain", "us-east-1");
  const int c = g.add_domain("c-domain", "eu-west-1");
  g.add_connection(a, b, {"one", "ACTIVE", true, false});
  g.add_connection(a, b, {"two", "PENDING_ACCEPTANCE", true, false});
  g.add_connection(c, a, {"in", "ACTIVE", true, false});
  g.add_connection(a, c, {"gone", "DELETED", false, false});
  CHECK(g.connected_domain_count(a) == 2);
  CHECK(g.connected_domain_count(b) == 1);
  CHECK(g.connected_domain_count(c) == 1);
}

TEST_CASE("copies of an index are found through replications in both directions", "[topology]") {
  TopologyGraph g;
  const int leader = g.add_domain("leader-domain", "us-east-1");
  const int f1 = g.add_domain("follower-one", "eu-west-1");
  const int f2 = g.add_domain("follower-two", "us-east-1");
  g.add_index(leader, "logs");
  g.add_index(leader, "alone");
  g.add_replication(leader, "logs", f1, "logs-copy", {"SYNCING"});
  g.add_replication(leader, "logs", f2, "logs", {"PAUSED"});
  const std::vector<std::string> all = {"follower-one", "follower-two", "leader-domain"};
  CHECK(g.domains_holding_copy(leader, "logs") == all);
  CHECK(g.domains_holding_copy(f1, "logs-copy") == all);
  CHECK(g.domains_holding_copy(leader, "alone") == std::vector<std::string>{"leader-domain"});
  CHECK(g.domains_holding_copy(leader, "missing").empty());
}

TEST_CASE("indices with no copy outside a region are listed per copy", "[topology]") {
  TopologyGraph g;
  const int east = g.add_domain("east-domain", "us-east-1");
  const int east2 = g.add_domain("east-two", "us-east-1");
  const int west = g.add_domain("west-domain", "eu-west-1");
  g.add_index(east, "safe");
  g.add_index(east, "local-only");
  g.add_index(west, "elsewhere");
  g.add_replication(east, "safe", west, "safe", {"SYNCING"});
  g.add_replication(east, "local-only", east2, "local-only", {"SYNCING"});
  const std::vector<std::string> expected = {"east-domain/local-only", "east-two/local-only"};
  CHECK(g.indices_without_copy_outside("us-east-1") == expected);
  // "safe" has its leader in us-east-1; "elsewhere" lives only in eu-west-1.
  CHECK(g.indices_without_copy_outside("eu-west-1") == std::vector<std::string>{"west-domain/elsewhere"});
}

}  // namespace ccrsim
