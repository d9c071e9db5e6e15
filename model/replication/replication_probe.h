#pragma once
// Probes of the replication model, in the manner of ns-3 trace sources: the model says what happened, when it
// happens, and recorders (reports/) that registered with the service turn it into measurements. A probe never
// changes the simulation: it reads, and the model does not look at what it did.
#include <vector>

#include "sim/time.h"

namespace ccrsim {

struct ReplicationEntry;

class ReplicationProbe {
 public:
  virtual ~ReplicationProbe() = default;
  // The entry's status (ReplicationService::status_string) may have changed at t_us: its index task moved, was
  // retired (pause, failure, stop, outage), or its first shard finished bootstrapping. Emitted at every instant the
  // status can change, and sometimes when it did not.
  virtual void status_may_have_changed(const ReplicationEntry& entry, sim_time_us t_us) = 0;
};

// The probes registered with one replication service, told in registration order.
class ReplicationProbes {
 public:
  void add(ReplicationProbe& probe) { probes_.push_back(&probe); }
  void remove(ReplicationProbe& probe) { std::erase(probes_, &probe); }
  void status_may_have_changed(const ReplicationEntry& entry, sim_time_us t_us) const {
    for (ReplicationProbe* p : probes_) p->status_may_have_changed(entry, t_us);
  }

 private:
  std::vector<ReplicationProbe*> probes_;
};

}  // namespace ccrsim
