#include "app/replication_sampler.h"

#include <algorithm>

namespace ccrsim {

ReplicationSampler::ReplicationSampler(Simulator& sim, ReplicationService& service, sim_time_us interval_us)
    : sim_(sim), service_(service), interval_us_(std::max<sim_time_us>(interval_us, 1)) {}

ReplicationSampler::~ReplicationSampler() {
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
  if (series_.size() < entries.size()) series_.resize(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ReplicationEntry& entry = *entries[i];
    Series& out = series_[i];
    if (entry.stopped) {
      note_status(out, sim_.now(), "STOPPED");
      continue;
    }
    const ReplicationSample s = service_.sample(entry);
    note_status(out, sim_.now(), s.status);
    LagPoint p;
    p.t_us = sim_.now();
    p.status = s.status;
    p.leader_checkpoint = s.leader_checkpoint;
    p.follower_checkpoint = s.follower_checkpoint;
    p.lag_ops = s.lag_ops;
    p.lag_time_us = s.lag_time_us;
    out.points.add(p);
    if (on_sample_) on_sample_(entry, s);
    if (!s.running) continue;  // percentiles use samples taken while BOOTSTRAPPING or SYNCING
    out.lag_time.add(s.lag_time_us);
    out.lag_ops.add(std::max<std::int64_t>(s.lag_ops, 0));
    ++out.samples;
  }
  if (after_sample_) after_sample_();
}

void ReplicationSampler::note_status(Series& series, sim_time_us t_us, const std::string& status) {
  if (!series.status_changes.empty() && series.status_changes.back().status == status) return;
  series.status_changes.push_back({t_us, status});
}

std::vector<ReplicationResult> ReplicationSampler::results() {
  const auto& entries = service_.entries();
  if (series_.size() < entries.size()) series_.resize(entries.size());
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
    Series& s = series_[i];
    s.points.flush();
    r.lag_time = s.lag_time;
    r.lag_ops = s.lag_ops;
    r.series = s.points;
    r.status_changes = s.status_changes;
    r.samples = s.samples;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ccrsim
