#include "reports/timeseries_csv.h"

#include "reports/number_format.h"

namespace ccrsim {

std::string render_timeseries_csv(const RunResult& result) {
  std::string out = "t_s,replication,status,leader_checkpoint,follower_checkpoint,lag_ops,lag_time_s\n";
  for (const ReplicationResult& r : result.replications) {
    for (const LagPoint& p : r.series.points()) {
      out += format_seconds(p.t_us) + "," + r.id + "," + p.status + "," + std::to_string(p.leader_checkpoint) + "," +
             std::to_string(p.follower_checkpoint) + "," + std::to_string(p.lag_ops) + "," +
             format_seconds(p.lag_time_us) + "\n";
    }
  }
  return out;
}

}  // namespace ccrsim
