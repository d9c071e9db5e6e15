#include "app/fault_recorder.h"

#include <algorithm>

#include "model/domain.h"
#include "model/index.h"
#include "sim/assert.h"

namespace ccrsim {

FaultRecorder::FaultRecorder(ReplicationService& service, const FaultInjector& injector)
    : service_(service), injector_(injector), tracks_(injector.faults().size()) {}

std::string FaultRecorder::entry_id(const ReplicationEntry& e) const {
  return service_.world().domain(e.follower_domain).name() + "/" + e.follower_index;
}

bool FaultRecorder::touches(const FaultSpec& f, const ReplicationEntry& e) const {
  const World& world = service_.world();
  const std::string& follower = world.domain(e.follower_domain).name();
  const std::string& leader = world.domain(e.leader_domain).name();
  if (f.b.empty()) return f.a == follower || f.a == leader;
  return (f.a == follower && f.b == leader) || (f.a == leader && f.b == follower);
}

bool FaultRecorder::follower_accepts_writes(const ReplicationEntry& e) {
  if (!e.stopped) return false;
  Domain& domain = service_.world().domain(e.follower_domain);
  const Index* index = domain.find_index(e.follower_index);
  return domain.up() && index != nullptr && !index->closed() && !index->replication_block() &&
         service_.active_entry(e.follower_domain, e.follower_index) == nullptr;
}

void FaultRecorder::affect(Track& t, const ReplicationEntry& e) {
  CCRSIM_ASSERT(!e.stopped);
  if (t.affected.insert(e.id).second) t.lost_at_begin.emplace(e.id, e.bytes_lost_in_flight);  // keeps before_fault's
}

void FaultRecorder::before_fault(std::size_t fault) {
  CCRSIM_ASSERT(fault < tracks_.size());
  CCRSIM_ASSERT(!injector_.windows()[fault].active);  // told before the window's effects begin
  const FaultSpec& f = injector_.faults()[fault];
  for (const auto& entry : service_.entries()) {
    if (!entry->stopped && touches(f, *entry)) tracks_[fault].lost_at_begin[entry->id] = entry->bytes_lost_in_flight;
  }
}

void FaultRecorder::on_fault(std::size_t fault, bool began) {
  CCRSIM_ASSERT(fault < tracks_.size());
  CCRSIM_ASSERT(injector_.windows()[fault].active == began);  // told after the window began or ended
  const FaultSpec& f = injector_.faults()[fault];
  Track& t = tracks_[fault];
  const sim_time_us now = service_.world().now();
  for (const auto& entry : service_.entries()) {
    ReplicationEntry& e = *entry;
    if (e.stopped || !touches(f, e)) continue;
    if (began) {
      affect(t, e);
      continue;
    }
    if (e.overall == OverallState::kRunning) t.pending.emplace_back(e.id, service_.leader_checkpoint(e));
  }
  if (!began) {
    last_heal_us_ = std::max(last_heal_us_, now);
    if (t.pending.empty()) t.recovery_time_us = 0;
  }
  if (!began || f.kind != FaultKind::kDomainLost) return;
  Disaster d;
  d.fault = fault;
  CCRSIM_ASSERT(service_.world().find_domain(f.a).has_value());
  d.domain = *service_.world().find_domain(f.a);
  d.at_us = now;
  for (const auto& entry : service_.entries()) {
    ReplicationEntry& e = *entry;
    if (e.stopped || e.leader_domain != d.domain) continue;
    LostReplication lost;
    lost.replication = entry_id(e);
    lost.rpo_ops = std::max<std::int64_t>(0, service_.ops_lag(e));
    lost.rpo_us = service_.time_lag_us(e);
    d.lost.emplace_back(e.id, lost);
    d.waiting.insert(e.id);
  }
  disasters_.push_back(std::move(d));
}

void FaultRecorder::on_sample(const ReplicationEntry& e, const ReplicationSample& sample) {
  const sim_time_us now = service_.world().now();
  for (std::size_t i = 0; i < tracks_.size(); ++i) {
    Track& t = tracks_[i];
    const FaultInjector::Window& w = injector_.windows()[i];
    // Replications started while the window is open are affected too.
    if (w.active && !e.stopped && touches(injector_.faults()[i], e)) affect(t, e);
    if (!t.affected.count(e.id) || t.recovery_time_us || !(w.active || w.ended)) continue;
    t.peak_lag_ops = std::max(t.peak_lag_ops, sample.lag_ops);
    t.peak_lag_time_us = std::max(t.peak_lag_time_us, sample.lag_time_us);
    if (!w.ended) continue;
    auto& p = t.pending;
    p.erase(std::remove_if(p.begin(), p.end(),
                           [&](const auto& pe) { return pe.first == e.id && sample.follower_checkpoint >= pe.second; }),
            p.end());
    if (p.empty()) {
      const FaultSpec& f = injector_.faults()[i];
      t.recovery_time_us = now - (f.at_us + f.duration_us.value_or(0));
      CCRSIM_ASSERT(*t.recovery_time_us >= 0);  // recovered after the window ended
      for (int id : t.affected) {
        CCRSIM_ASSERT(service_.entries()[static_cast<std::size_t>(id)]->id == id);  // entries are kept by id
        t.lost_at_recovery[id] = service_.entries()[static_cast<std::size_t>(id)]->bytes_lost_in_flight;
      }
    }
  }
}

void FaultRecorder::after_sample() {
  const sim_time_us now = service_.world().now();
  for (Disaster& d : disasters_) {
    if (d.rto_us) continue;
    for (auto it = d.waiting.begin(); it != d.waiting.end();) {
      it = follower_accepts_writes(*service_.entries()[static_cast<std::size_t>(*it)]) ? d.waiting.erase(it) : ++it;
    }
    if (d.waiting.empty()) d.rto_us = now - d.at_us;
    CCRSIM_ASSERT(!d.rto_us || *d.rto_us >= 0);
  }
}

// Lost in flight by each affected replication from when it was affected until the fault recovered (or now), plus
// every bootstrap of the same follower index that began after the fault did (the whole store copied again).
std::int64_t FaultRecorder::bytes_resent(std::size_t fault, const Track& t) const {
  const FaultSpec& f = injector_.faults()[fault];
  const auto& entries = service_.entries();
  std::int64_t bytes = 0;
  std::set<int> rebootstraps;
  for (int id : t.affected) {
    const ReplicationEntry& e = *entries[static_cast<std::size_t>(id)];
    const auto recovered = t.lost_at_recovery.find(id);
    const std::int64_t lost_until = recovered != t.lost_at_recovery.end() ? recovered->second : e.bytes_lost_in_flight;
    CCRSIM_ASSERT(lost_until >= t.lost_at_begin.at(id));  // bytes lost in flight only add up
    bytes += lost_until - t.lost_at_begin.at(id);
    const std::string rid = entry_id(e);
    for (const auto& later : entries) {
      const bool same = later->id == id || (later->id > id && entry_id(*later) == rid);
      if (same && later->bootstrap_start_us > f.at_us) rebootstraps.insert(later->id);
    }
  }
  for (int id : rebootstraps) {
    const ReplicationEntry& e = *entries[static_cast<std::size_t>(id)];
    bytes += e.bytes_bootstrapped;
    if (!t.affected.count(id)) bytes += e.bytes_lost_in_flight;  // a later start's own losses are the fault's too
  }
  CCRSIM_ASSERT(bytes >= 0);
  return bytes;
}

std::vector<FaultResult> FaultRecorder::faults() const {
  std::vector<FaultResult> out;
  const auto& entries = service_.entries();
  for (std::size_t i = 0; i < tracks_.size(); ++i) {
    const FaultSpec& f = injector_.faults()[i];
    const Track& t = tracks_[i];
    FaultResult r;
    r.name = f.name;
    r.kind = fault_kind_name(f.kind);
    r.target = fault_target(f);
    r.start_us = f.at_us;
    if (f.duration_us) r.end_us = f.at_us + *f.duration_us;
    for (int id : t.affected) {
      const ReplicationEntry& e = *entries[static_cast<std::size_t>(id)];
      const std::string rid = entry_id(e);
      if (std::find(r.affected.begin(), r.affected.end(), rid) == r.affected.end()) r.affected.push_back(rid);
      // Bootstrapped again: the same replication restarted its bootstrap, or a later replication into the same
      // follower index (the stop / delete / start runbook) bootstrapped after the fault began.
      for (const auto& later : entries) {
        const bool same = later->id == id || (later->id > id && entry_id(*later) == rid);
        if (same && later->bootstrap_start_us > f.at_us) r.rebootstrapped = true;
      }
    }
    r.peak_lag_ops = t.peak_lag_ops;
    r.peak_lag_time_us = t.peak_lag_time_us;
    r.recovery_time_us = t.recovery_time_us;
    r.writes_refused = injector_.windows()[i].writes_refused;
    r.bytes_resent = bytes_resent(i, t);
    out.push_back(std::move(r));
  }
  CCRSIM_ASSERT(out.size() == injector_.faults().size());  // one result per fault window
  return out;
}

std::vector<DisasterResult> FaultRecorder::disasters() const {
  std::vector<DisasterResult> out;
  for (const Disaster& d : disasters_) {
    DisasterResult r;
    r.domain = service_.world().domain(d.domain).name();
    r.at_us = d.at_us;
    for (const auto& [id, lost] : d.lost) r.lost.push_back(lost);
    r.rto_us = d.rto_us;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace ccrsim
