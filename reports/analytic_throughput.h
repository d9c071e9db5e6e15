#pragma once
// A closed-form estimate of the throughput a replication can sustain, to set beside the simulated one: each shard's
// readers move `batch` operations per round trip, and nothing goes faster than the follower primary indexes, the
// leader primary reads, or the link carries.
#include <cstdint>
#include <string>

namespace ccrsim {

struct ThroughputInputs {
  int shards = 1;
  int readers_per_shard = 2;
  std::int64_t batch_ops = 50'000;
  double round_trip_s = 0;           // request latency + response latency
  double index_rate_per_s = 0;       // follower shard_index_rate
  double read_rate_per_s = 0;        // leader shard_read_rate
  double bandwidth_bytes_per_s = 0;  // leader -> follower link
  double bytes_per_op = 1024;        // of the leader index's operations
};

struct ThroughputEstimate {
  double ops_per_s = 0;
  std::string bound;  // what limits it: readers | leader_read | follower_index | bandwidth
};

// Per shard, a reader's cycle is a round trip plus reading, sending and replaying its batch, so
// min(readers x batch / cycle, shard_read_rate, shard_index_rate) per shard, times the shards, and at most the
// link's bandwidth over the bytes per operation.
ThroughputEstimate analytic_throughput(const ThroughputInputs& in);

}  // namespace ccrsim
