#pragma once
// The plugin's stats endpoints as JSON views over the service's state: follower_stats (per follower index and for
// the node, from the shard tasks' counters) and leader_stats (per leader index and for the node, from the leader
// shards' read counters, for indices with an active follower).
#include <memory>
#include <vector>

#include "model/replication/replication_context.h"
#include "model/replication/replication_entry.h"
#include "model/rest/rest_response.h"

namespace ccrsim {

// GET _plugins/_replication/follower_stats on `follower`, over every replication `entries` holds.
RestResponse follower_stats_response(const std::vector<std::unique_ptr<ReplicationEntry>>& entries, DomainId follower);
// GET _plugins/_replication/leader_stats on `leader`: an index counts while a follower fetched from it within the
// last five minutes and holds a lease on it.
RestResponse leader_stats_response(ReplicationContext& ctx, DomainId leader);

}  // namespace ccrsim
