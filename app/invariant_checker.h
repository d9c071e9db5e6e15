#pragma once
// `ccrsim run --check-invariants` (docs/faults.md): properties every run must keep, checked once per lag sample
// (never per operation) and once at the end:
//   - a follower's checkpoint never passes its leader's (per shard and summed as _status sums them);
//   - no operation applied twice or skipped: replayed operations equal recorded deliveries, and a follower shard's
//     checkpoint never moves backwards while its replication lives;
//   - no write lost on a live leader: a leader shard's max seq_no never moves backwards;
//   - convergence: once the last fault has healed and the writers have stopped, every replication that is not
//     PAUSED, FAILED or stopped has the leader's operations within kConvergenceBoundUs.
// The first violation is kept with its simulated time, replication and invariant; the run then fails.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "model/replication/replication_service.h"

namespace ccrsim {

class InvariantChecker {
 public:
  // Long enough for an idle shard's retry cycle (about 7.5 min) plus the longest backoff, with margin.
  static constexpr sim_time_us kConvergenceBoundUs = 30 * kUsPerMin;

  explicit InvariantChecker(ReplicationService& service) : service_(service) {}

  void on_sample(const ReplicationEntry& entry, const ReplicationSample& sample);
  // End of the run: `quiet_since_us` is when the last fault healed and the last writer stopped.
  void at_end(sim_time_us quiet_since_us);

  const std::optional<std::string>& violation() const { return violation_; }

 private:
  void violated(const ReplicationEntry& entry, const std::string& invariant, const std::string& detail);
  std::string id(const ReplicationEntry& entry) const;

  ReplicationService& service_;
  std::optional<std::string> violation_;
  // (entry id, shard) -> last seen follower checkpoint / leader max seq_no, and the bootstrap they belong to.
  struct Seen {
    sim_time_us bootstrap_start_us = -1;
    std::string leader_uuid;
    std::int64_t follower = -1;
    std::int64_t leader = -1;
  };
  std::map<std::pair<int, int>, Seen> seen_;
};

}  // namespace ccrsim
