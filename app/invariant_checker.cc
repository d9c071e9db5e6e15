#include "app/invariant_checker.h"

#include <algorithm>

#include "model/domain.h"
#include "model/index.h"
#include "reports/number_format.h"
#include "sim/assert.h"

namespace ccrsim {

std::string InvariantChecker::id(const ReplicationEntry& entry) const {
  return service_.world().domain(entry.follower_domain).name() + "/" + entry.follower_index;
}

void InvariantChecker::violated(const ReplicationEntry& entry, const std::string& invariant,
                                const std::string& detail) {
  CCRSIM_ASSERT(!invariant.empty() && !detail.empty());
  if (violation_) return;
  violation_ = "at " + format_seconds(service_.world().now()) + " s: replication " + id(entry) + ": invariant '" +
               invariant + "' violated: " + detail;
}

void InvariantChecker::on_sample(const ReplicationEntry& e, const ReplicationSample& sample) {
  if (violation_ || e.stopped) return;
  if (sample.follower_checkpoint > sample.leader_checkpoint) {
    violated(e, "follower checkpoint <= leader checkpoint",
             std::to_string(sample.follower_checkpoint) + " > " + std::to_string(sample.leader_checkpoint));
    return;
  }
  if (e.ops_replicated != e.delivery.count()) {
    violated(e, "no operation applied twice or skipped",
             std::to_string(e.ops_replicated) + " operations replayed, " + std::to_string(e.delivery.count()) +
                 " deliveries recorded");
    return;
  }
  World& world = service_.world();
  const Index* follower = world.domain(e.follower_domain).find_index(e.follower_index);
  const Index* leader = world.domain(e.leader_domain).find_index(e.leader_index);
  if (follower == nullptr || leader == nullptr || leader->uuid() != e.leader_index_uuid) return;
  CCRSIM_ASSERT(follower != leader);
  const int shards = std::min(follower->number_of_shards(), leader->number_of_shards());
  for (int s = 0; s < shards; ++s) {
    const std::int64_t f = follower->shard(s).max_seq_no();
    const std::int64_t l = leader->shard(s).max_seq_no();
    const std::string where = "shard " + std::to_string(s) + ": ";
    if (f > l) {
      violated(e, "follower checkpoint <= leader checkpoint", where + std::to_string(f) + " > " + std::to_string(l));
      return;
    }
    Seen& seen = seen_[{e.id, s}];
    if (seen.bootstrap_start_us == e.bootstrap_start_us && f < seen.follower) {
      violated(
          e, "no operation applied twice or skipped",
          where + "follower checkpoint went back from " + std::to_string(seen.follower) + " to " + std::to_string(f));
      return;
    }
    if (seen.leader_uuid == leader->uuid() && l < seen.leader && world.domain(e.leader_domain).up()) {
      violated(e, "no write lost on a live leader",
               where + "leader max seq_no went back from " + std::to_string(seen.leader) + " to " + std::to_string(l));
      return;
    }
    seen = {e.bootstrap_start_us, leader->uuid(), f, l};
  }
}

void InvariantChecker::at_end(sim_time_us quiet_since_us) {
  if (violation_) return;
  const sim_time_us now = service_.world().now();
  CCRSIM_ASSERT(quiet_since_us <= now);                    // quiet since a time already past
  if (now - quiet_since_us < kConvergenceBoundUs) return;  // not quiet for long enough to judge
  for (const auto& entry : service_.entries()) {
    ReplicationEntry& e = *entry;
    if (e.stopped || e.overall != OverallState::kRunning) continue;
    const std::int64_t lag = service_.ops_lag(e);
    if (lag != 0) {
      violated(e, "converges after the last fault heals and writes stop",
               std::to_string(lag) + " operations still missing " + format_seconds(now - quiet_since_us) + " s after " +
                   format_seconds(quiet_since_us) + " s");
      return;
    }
  }
}

}  // namespace ccrsim
