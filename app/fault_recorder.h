#pragma once
// Measures what each fault window did to the replications (docs/scenario-format.md §6.1 `faults` and `disasters`, §6.2
// recovery_time, rpo, rto). It listens to the fault injector (window began / ended) and to the lag sampler (one
// call per replication per sample), so its cost is per sample, never per operation; times it measures after a
// window (recovery, rto) have the sampler's resolution.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/faults/fault_injector.h"
#include "model/replication/replication_service.h"
#include "reports/run_result.h"

namespace ccrsim {

class FaultRecorder {
 public:
  FaultRecorder(ReplicationService& service, const FaultInjector& injector);

  // Just before a window's effects: the bytes lost so far by the replications it touches (its effects may lose
  // some at once, e.g. a restore on a lost node).
  void before_fault(std::size_t fault);
  void on_fault(std::size_t fault, bool began);
  void on_sample(const ReplicationEntry& entry, const ReplicationSample& sample);
  // After every replication of a sample: disasters whose followers all accept writes now get their rto.
  void after_sample();

  std::vector<FaultResult> faults() const;
  std::vector<DisasterResult> disasters() const;
  // When the last window that ended did (0 if none ended yet).
  sim_time_us last_heal_us() const { return last_heal_us_; }

 private:
  struct Track {
    std::set<int> affected;  // entry ids
    std::int64_t peak_lag_ops = 0;
    sim_time_us peak_lag_time_us = 0;
    std::vector<std::pair<int, std::int64_t>> pending;  // after the end: entry id, leader checkpoint to reach
    std::optional<sim_time_us> recovery_time_us;
    // Entry id -> its bytes_lost_in_flight when it became affected, and when the fault recovered.
    std::map<int, std::int64_t> lost_at_begin;
    std::map<int, std::int64_t> lost_at_recovery;
  };
  struct Disaster {
    std::size_t fault = 0;
    DomainId domain = 0;
    sim_time_us at_us = 0;
    std::vector<std::pair<int, LostReplication>> lost;  // entry id, rpo
    std::set<int> waiting;                              // entry ids whose follower does not accept writes yet
    std::optional<sim_time_us> rto_us;
  };

  bool touches(const FaultSpec& f, const ReplicationEntry& e) const;
  std::string entry_id(const ReplicationEntry& e) const;
  bool follower_accepts_writes(const ReplicationEntry& e);
  void affect(Track& t, const ReplicationEntry& e);
  std::int64_t bytes_resent(std::size_t fault, const Track& t) const;

  ReplicationService& service_;
  const FaultInjector& injector_;
  std::vector<Track> tracks_;
  std::vector<Disaster> disasters_;
  sim_time_us last_heal_us_ = 0;
};

}  // namespace ccrsim
