#include "reports/analytic_throughput.h"

#include <algorithm>
#include <limits>

namespace ccrsim {

ThroughputEstimate analytic_throughput(const ThroughputInputs& in) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const double batch = static_cast<double>(std::max<std::int64_t>(1, in.batch_ops));
  const double shards = std::max(1, in.shards);
  const double read_s = in.read_rate_per_s > 0 ? batch / in.read_rate_per_s : 0;
  const double send_s = in.bandwidth_bytes_per_s > 0 ? batch * in.bytes_per_op / in.bandwidth_bytes_per_s : 0;
  const double cycle_s = in.round_trip_s + read_s + send_s;
  ThroughputEstimate e;
  e.ops_per_s = cycle_s > 0 ? std::max(1, in.readers_per_shard) * batch / cycle_s * shards : kInf;
  e.bound = "readers";
  const auto bound = [&](double limit, const char* name) {
    if (limit < e.ops_per_s) {
      e.ops_per_s = limit;
      e.bound = name;
    }
  };
  if (in.read_rate_per_s > 0) bound(in.read_rate_per_s * shards, "leader_read");
  if (in.index_rate_per_s > 0) bound(in.index_rate_per_s * shards, "follower_index");
  if (in.bandwidth_bytes_per_s > 0 && in.bytes_per_op > 0)
    bound(in.bandwidth_bytes_per_s / in.bytes_per_op, "bandwidth");
  return e;
}

}  // namespace ccrsim
