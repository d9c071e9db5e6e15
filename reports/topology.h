#pragma once
// The run's topology as a graph, shared by the SVG picture in report.html and topology.dot: domains grouped by
// region, connections (follower -> leader, the way the follower pulls) and replications (leader -> follower, the
// way data flows), each domain with its role and index counts.
#include <string>
#include <vector>

#include "reports/run_result.h"

namespace ccrsim {

struct TopologyNode {
  std::string name;
  std::string region;
  std::string engine_version;
  int indices = 0;
  int leader_indices = 0;    // distinct leader indices replicated from this domain
  int follower_indices = 0;  // follower indices on this domain
  std::string role() const;  // leader | follower | leader+follower | none
};

struct TopologyEdge {
  enum class Kind { kConnection, kReplication };
  Kind kind = Kind::kConnection;
  std::string from;
  std::string to;
  std::string label;   // connection alias (with its status when not ACTIVE) or the replicated indices
  bool active = true;  // an ACTIVE connection, or a replication that ran
};

struct Topology {
  std::vector<std::string> regions;  // in order of first appearance
  std::vector<TopologyNode> nodes;   // the run's domains in scenario order
  std::vector<TopologyEdge> edges;   // connections first, then one edge per (leader, follower) domain pair
};

Topology build_topology(const RunResult& result);
// "1 index", "3 indices".
std::string index_count_text(int n);

}  // namespace ccrsim
