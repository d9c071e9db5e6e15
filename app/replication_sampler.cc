#include "app/replication_sampler.h"

#include <algorithm>

namespace ccrsim {

ReplicationSampler::ReplicationSampler(Simulator& sim, ReplicationService& service, sim_time_us interval_us)
    : sim_(sim),
      service_(service),
      interval_us_(std::max<sim_time_us>(interval_us, 1)),
      not_syncing_([&service](const ReplicationEntry& e) { return service.status_string(e) == "SYNCING"; }) {
  service_.add_probe(not_syncing_);
}

ReplicationSampler::~ReplicationSampler() {
  service_.remove_probe(not_syncing_);
  sim_.cancel(next_);
}

void ReplicationSampler::start() {
  next_ = sim_.schedule_in(interval_us_, this, 0);
}

void ReplicationSampler::on_event(std::uint64_t) {
  sample_now();
  next_ = sim_.schedule_in(interval_us_, this, 0);
}

void ReplicationSampler::sample_now() {
  const auto& entries = service_.entries();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ReplicationEntry& entry = *entries[i];
    if (entry.stopped) {
      lag_.record_stopped(i, sim_.now());
      continue;
    }
    const ReplicationSample s = service_.sample(entry);
    lag_.record(i, sim_.now(), s);
    if (on_sample_) on_sample_(entry, s);
  }
  if (after_sample_) after_sample_();
}

std::vector<ReplicationResult> ReplicationSampler::results() {
  const auto& entries = service_.entries();
  std::vector<ReplicationResult> out;
  out.reserve(entries.size());
  World& world = service_.world();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ReplicationEntry& e = *entries[i];
    ReplicationResult r;
    r.follower_domain = world.domain(e.follower_domain).name();
    r.follower_index = e.follower_index;
    r.id = r.follower_domain + "/" + r.follower_index;
    r.leader_domain = world.domain(e.leader_domain).name();
    r.leader_alias = e.leader_alias;
    r.leader_index = e.leader_index;
    r.started_by = e.started_by;
    r.final_status = service_.status_string(e);
    if (e.bootstrap_start_us >= 0 && e.bootstrap_end_us >= 0)
      r.bootstrap_us = e.bootstrap_end_us - e.bootstrap_start_us;
    r.ops_replicated = e.ops_replicated;
    r.delivery = e.delivery;
    lag_.fill(i, r);
    r.not_syncing_us = not_syncing_.not_syncing_us(e, sim_.now());
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ccrsim
