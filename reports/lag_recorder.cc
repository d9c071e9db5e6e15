#include "reports/lag_recorder.h"

namespace ccrsim {

LagRecorder::Lag& LagRecorder::at(std::size_t id) {
  if (lags_.size() <= id) lags_.resize(id + 1);
  return lags_[id];
}

void LagRecorder::note_status(Lag& lag, sim_time_us t_us, const std::string& status) {
  if (!lag.status_changes.empty() && lag.status_changes.back().status == status) return;
  lag.status_changes.push_back({t_us, status});
}

void LagRecorder::record_stopped(std::size_t id, sim_time_us t_us) {
  note_status(at(id), t_us, "STOPPED");
}

void LagRecorder::record(std::size_t id, sim_time_us t_us, const ReplicationSample& sample) {
  Lag& lag = at(id);
  note_status(lag, t_us, sample.status);
  LagPoint p;
  p.t_us = t_us;
  p.status = sample.status;
  p.leader_checkpoint = sample.leader_checkpoint;
  p.follower_checkpoint = sample.follower_checkpoint;
  p.lag_ops = sample.lag_ops;
  p.lag_time_us = sample.lag_time_us;
  lag.points.add(p);
  if (!sample.running) return;  // percentiles use samples taken while BOOTSTRAPPING or SYNCING
  lag.lag_time.add(sample.lag_time_us);
  lag.lag_ops.add(sample.lag_ops);
  ++lag.samples;
}

void LagRecorder::fill(std::size_t id, ReplicationResult& out) {
  Lag& lag = at(id);
  lag.points.flush();
  out.lag_time = lag.lag_time;
  out.lag_ops = lag.lag_ops;
  out.series = lag.points;
  out.status_changes = lag.status_changes;
  out.samples = lag.samples;
}

}  // namespace ccrsim
