#include "reports/topology.h"

#include <catch2/catch.hpp>

#include "reports/topology_dot.h"
#include "reports/topology_svg.h"
#include "tests/reports/sample_run.h"
#include "tests/reports/xml_checker.h"

namespace ccrsim {
namespace {

TEST_CASE("topology gives each domain its role and index counts") {
  const Topology t = build_topology(testing::sample_run());
  REQUIRE(t.nodes.size() == 3);
  CHECK(t.regions == std::vector<std::string>{"us-east-1", "eu-west-1"});
  CHECK(t.nodes[0].role() == "leader");
  CHECK(t.nodes[0].leader_indices == 2);
  CHECK(t.nodes[1].role() == "follower");
  CHECK(t.nodes[1].follower_indices == 2);
  CHECK(t.nodes[2].role() == "none");
}

TEST_CASE("topology edges point the way the follower pulls and the data flows") {
  const Topology t = build_topology(testing::sample_run());
  REQUIRE(t.edges.size() == 3);
  CHECK(t.edges[0].kind == TopologyEdge::Kind::kConnection);
  CHECK(t.edges[0].from == "follower-domain");
  CHECK(t.edges[0].to == "leader-domain");
  CHECK_FALSE(t.edges[1].active);
  CHECK(t.edges[1].label == "broken (VALIDATION_FAILED)");
  // Two replications between one pair make one edge that counts them.
  CHECK(t.edges[2].kind == TopologyEdge::Kind::kReplication);
  CHECK(t.edges[2].from == "leader-domain");
  CHECK(t.edges[2].to == "follower-domain");
  CHECK(t.edges[2].label == "2 indices");
}

TEST_CASE("topology.dot has a cluster per region and directed edges") {
  const std::string dot = render_topology_dot(testing::sample_run());
  CHECK(dot.find("digraph topology {") != std::string::npos);
  CHECK(dot.find("subgraph cluster_0 {\n    label=\"us-east-1\";") != std::string::npos);
  CHECK(dot.find("subgraph cluster_1 {\n    label=\"eu-west-1\";") != std::string::npos);
  CHECK(dot.find("\"follower-domain\" -> \"leader-domain\" [label=\"atlantic\", style=dashed") != std::string::npos);
  CHECK(dot.find("\"leader-domain\" -> \"follower-domain\" [label=\"2 indices\"") != std::string::npos);
  // The scenario name's quotes cannot end the comment line or a string.
  CHECK(dot.find("\n\"") == std::string::npos);
}

TEST_CASE("the topology picture is well-formed SVG with every domain and edge") {
  const std::string svg = render_topology_svg(testing::sample_run());
  CHECK(testing::xml_problem(svg).empty());
  CHECK(svg.find("data-domain=\"leader-domain\" data-role=\"leader\"") != std::string::npos);
  CHECK(svg.find("data-domain=\"follower-domain\" data-role=\"follower\"") != std::string::npos);
  CHECK(svg.find("data-kind=\"replication\" data-from=\"leader-domain\" data-to=\"follower-domain\"") !=
        std::string::npos);
  CHECK(svg.find("marker-end=\"url(#topology-arrow-connection)\"") != std::string::npos);
}

}  // namespace
}  // namespace ccrsim
