#pragma once
// Records each replication's lag samples (model/replication/replication_service.h ReplicationSample): the time
// and operations lag histograms (only samples taken while BOOTSTRAPPING or SYNCING), the lag series and the
// status as the samples saw it. The sampler (app/replication_sampler.h) decides when to sample; this decides what
// a sample adds to the run's measurements.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/replication/replication_service.h"
#include "reports/run_result.h"
#include "sim/time.h"

namespace ccrsim {

class LagRecorder {
 public:
  // A sample of replication `id` (its place in the service's entries, in start order) taken at t_us.
  void record(std::size_t id, sim_time_us t_us, const ReplicationSample& sample);
  // Replication `id` is stopped at t_us: only its status is noted.
  void record_stopped(std::size_t id, sim_time_us t_us);
  // Copies replication `id`'s measurements into `out`, closing its series.
  void fill(std::size_t id, ReplicationResult& out);

 private:
  struct Lag {
    TimeHistogram lag_time;
    CountHistogram lag_ops;
    LagSeries points;
    std::vector<StatusChange> status_changes;
    std::int64_t samples = 0;
  };

  Lag& at(std::size_t id);
  static void note_status(Lag& lag, sim_time_us t_us, const std::string& status);

  std::vector<Lag> lags_;  // by entry id
};

}  // namespace ccrsim
