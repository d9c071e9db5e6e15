#include "model/faults/fault_injector.h"

#include <algorithm>

#include "sim/assert.h"

namespace ccrsim {

const char* fault_kind_name(FaultKind kind) {
  switch (kind) {
    case FaultKind::kLinkDown:
      return "link_down";
    case FaultKind::kDomainDown:
      return "domain_down";
    case FaultKind::kLatency:
      return "latency";
    case FaultKind::kBandwidth:
      return "bandwidth";
    case FaultKind::kNodeDown:
      return "node_down";
    case FaultKind::kDomainLost:
      return "domain_lost";
  }
  return "unknown";
}

std::string fault_target(const FaultSpec& fault) {
  return fault.b.empty() ? fault.a : fault.a + " <-> " + fault.b;
}

FaultInjector::FaultInjector(World& world, ReplicationService& service, std::vector<FaultSpec> faults)
    : world_(world), service_(service), faults_(std::move(faults)) {
  const auto domains = static_cast<std::size_t>(world_.domain_count());
  windows_.assign(faults_.size(), Window{});
  events_.assign(faults_.size() * 2, EventHandle{});
  domain_down_.assign(domains, 0);
  refused_when_down_.assign(domains, 0);
  down_fault_.assign(domains, 0);
  nodes_down_.assign(domains, 0);
  node_fault_.assign(domains, 0);
  refused_unassigned_mark_.assign(domains, 0);
  for (const FaultSpec& f : faults_) CCRSIM_ASSERT(f.at_us >= 0 && (!f.duration_us || *f.duration_us >= 0));
}

FaultInjector::~FaultInjector() {
  for (EventHandle& e : events_) world_.sim().cancel(e);
}

void FaultInjector::start() {
  for (std::size_t i = 0; i < faults_.size(); ++i) {
    const FaultSpec& f = faults_[i];
    CCRSIM_ASSERT(!events_[2 * i].valid() && !events_[2 * i + 1].valid());  // started once
    // A fault listed before now begins now: scheduling into the past is an error (schedule_at asserts).
    const sim_time_us at = std::max(world_.now(), f.at_us);
    events_[2 * i] = world_.sim().schedule_at(at, this, 2 * i);
    if (f.duration_us) events_[2 * i + 1] = world_.sim().schedule_at(at + *f.duration_us, this, 2 * i + 1);
  }
}

DomainId FaultInjector::domain_id(const std::string& name) const {
  const std::optional<DomainId> d = world_.find_domain(name);
  CCRSIM_ASSERT(d.has_value());  // the loader resolved every name
  return d.value_or(0);
}

void FaultInjector::on_event(std::uint64_t arg) {
  const std::size_t i = arg / 2;
  CCRSIM_ASSERT(i < faults_.size());
  if (i >= faults_.size()) return;
  if (arg % 2 == 0) {
    begin(i);
  } else {
    end(i);
  }
}

std::int64_t FaultInjector::refused_writes(DomainId d) const {
  std::int64_t n = 0;
  for (const Workload& w : world_.domain(d).workloads()) n += w.refused();
  return n;
}

std::int64_t FaultInjector::refused_unassigned_writes(DomainId d) const {
  std::int64_t n = 0;
  for (const Workload& w : world_.domain(d).workloads()) n += w.refused_unassigned();
  return n;
}

// Counts the writes refused by unassigned primaries since the last call to the window that holds the nodes down
// (the domain is caught up to now).
void FaultInjector::flush_node_refusals(DomainId d) {
  const auto k = static_cast<std::size_t>(d);
  const std::int64_t n = refused_unassigned_writes(d);
  CCRSIM_ASSERT(n >= refused_unassigned_mark_[k]);  // refusal counts only grow
  if (nodes_down_[k] > 0) windows_[node_fault_[k]].writes_refused += n - refused_unassigned_mark_[k];
  refused_unassigned_mark_[k] = n;
}

void FaultInjector::take_domain_down(DomainId d, std::size_t fault) {
  const auto k = static_cast<std::size_t>(d);
  CCRSIM_ASSERT(k < domain_down_.size() && domain_down_[k] >= 0);
  CCRSIM_ASSERT(fault < faults_.size());
  if (domain_down_[k]++ > 0) return;
  Domain& domain = world_.domain(d);
  CCRSIM_ASSERT(domain.up());            // no other window holds it down
  domain.catch_up_writes(world_.now());  // what was written before the outage was accepted
  refused_when_down_[k] = refused_writes(d);
  down_fault_[k] = fault;
  domain.set_up(false);
  world_.network().set_domain_up(d, false);
  service_.domain_down(d);
}

void FaultInjector::bring_domain_back(DomainId d) {
  const auto k = static_cast<std::size_t>(d);
  CCRSIM_ASSERT(domain_down_[k] > 0);  // only a domain a window took down comes back
  if (--domain_down_[k] > 0) return;
  Domain& domain = world_.domain(d);
  CCRSIM_ASSERT(!domain.up());
  domain.catch_up_writes(world_.now());  // the writes issued during the outage are refused
  CCRSIM_ASSERT(refused_writes(d) >= refused_when_down_[k]);
  windows_[down_fault_[k]].writes_refused += refused_writes(d) - refused_when_down_[k];
  domain.set_up(true);
  world_.network().set_domain_up(d, true);
  service_.domain_up(d);
}

void FaultInjector::apply_bandwidth(const LinkKey& link) {
  const auto& in_force = bandwidth_[link];
  std::optional<double> lowest;
  for (const auto& [fault, rate] : in_force) {
    CCRSIM_ASSERT(fault < faults_.size() && windows_[fault].active);  // only windows in force cap the link
    lowest = lowest ? std::min(*lowest, rate) : rate;
  }
  world_.network().set_bandwidth_override(link.first, link.second, lowest);
}

void FaultInjector::set_nodes_down(DomainId d, int delta, std::size_t fault) {
  const auto k = static_cast<std::size_t>(d);
  Domain& domain = world_.domain(d);
  domain.catch_up_writes(world_.now());  // the writes issued so far met the shards as they were
  flush_node_refusals(d);
  const bool were_down = nodes_down_[k] > 0;
  CCRSIM_ASSERT(delta != 0);
  CCRSIM_ASSERT(nodes_down_[k] + delta >= 0);  // every window gives back exactly the nodes it took
  nodes_down_[k] = std::max(0, nodes_down_[k] + delta);
  if (!were_down) node_fault_[k] = fault;
  if (delta < 0 && node_fault_[k] == fault && nodes_down_[k] > 0) {
    // The counting window ended while others still hold nodes down: the earliest of those counts from now on.
    for (std::size_t j = 0; j < faults_.size(); ++j) {
      if (windows_[j].active && faults_[j].kind == FaultKind::kNodeDown && domain_id(faults_[j].a) == d) {
        node_fault_[k] = j;
        break;
      }
    }
  }
  if (delta > 0) {
    const sim_time_us promoted_at = world_.now() + kNodeLeftDetectionUs;
    domain.set_nodes_down(nodes_down_[k], promoted_at);
    service_.follower_nodes_lost(d, promoted_at);
    return;
  }
  domain.set_nodes_down(nodes_down_[k], world_.now());
  service_.domain_nodes_back(d);
}

void FaultInjector::begin(std::size_t i) {
  const FaultSpec& f = faults_[i];
  Window& w = windows_[i];
  if (w.active || w.ended) return;
  if (before_begin_) before_begin_(i);
  CCRSIM_ASSERT(!w.active && !w.ended);  // the hook must not start or end a window
  w.active = true;
  const DomainId a = domain_id(f.a);
  const DomainId b = f.b.empty() ? a : domain_id(f.b);
  world_.trace().log(world_.now(), "fault", f.name + " begins: " + fault_kind_name(f.kind) + " " + fault_target(f));
  switch (f.kind) {
    case FaultKind::kLinkDown:
      CCRSIM_ASSERT(a != b);
      if (link_down_[link_key(a, b)]++ == 0) world_.network().set_link_up(a, b, false);
      break;
    case FaultKind::kDomainDown:
    case FaultKind::kDomainLost:
      take_domain_down(a, i);
      break;
    case FaultKind::kLatency:
      world_.network().add_latency(a, b, f.add_latency_us);
      break;
    case FaultKind::kBandwidth:
      bandwidth_[link_key(a, b)].emplace_back(i, f.set_bandwidth_bytes_per_s);
      apply_bandwidth(link_key(a, b));
      break;
    case FaultKind::kNodeDown:
      set_nodes_down(a, f.node_count, i);
      break;
  }
  CCRSIM_ASSERT(w.active && !w.ended);
  world_.sim().mix_fingerprint(0x46415554ULL ^ (static_cast<std::uint64_t>(i) << 1));
  if (listener_) listener_(i, true);
}

void FaultInjector::end(std::size_t i) {
  const FaultSpec& f = faults_[i];
  Window& w = windows_[i];
  if (!w.active) return;
  CCRSIM_ASSERT(!w.ended);  // a window ends once
  w.active = false;
  w.ended = true;
  const DomainId a = domain_id(f.a);
  const DomainId b = f.b.empty() ? a : domain_id(f.b);
  world_.trace().log(world_.now(), "fault", f.name + " ends");
  switch (f.kind) {
    case FaultKind::kLinkDown:
      CCRSIM_ASSERT(link_down_[link_key(a, b)] > 0);
      if (--link_down_[link_key(a, b)] == 0) world_.network().set_link_up(a, b, true);
      break;
    case FaultKind::kDomainDown:
      bring_domain_back(a);
      break;
    case FaultKind::kDomainLost:
      break;  // permanent: never scheduled to end
    case FaultKind::kLatency:
      world_.network().add_latency(a, b, -f.add_latency_us);
      break;
    case FaultKind::kBandwidth: {
      auto& in_force = bandwidth_[link_key(a, b)];
      const std::size_t before = in_force.size();
      in_force.erase(std::remove_if(in_force.begin(), in_force.end(), [&](const auto& p) { return p.first == i; }),
                     in_force.end());
      CCRSIM_ASSERT(in_force.size() + 1 == before);  // the window's own cap, once
      apply_bandwidth(link_key(a, b));
      break;
    }
    case FaultKind::kNodeDown:
      set_nodes_down(a, -f.node_count, i);
      break;
  }
  world_.sim().mix_fingerprint(0x46415554ULL ^ (static_cast<std::uint64_t>(i) << 1) ^ 1);
  if (listener_) listener_(i, false);
}

void FaultInjector::finish() {
  for (DomainId d = 0; d < world_.domain_count(); ++d) {
    const auto k = static_cast<std::size_t>(d);
    if (domain_down_[k] == 0 && nodes_down_[k] == 0) continue;
    world_.domain(d).catch_up_writes(world_.now());
    flush_node_refusals(d);
    if (domain_down_[k] == 0) continue;
    windows_[down_fault_[k]].writes_refused += refused_writes(d) - refused_when_down_[k];
    refused_when_down_[k] = refused_writes(d);
  }
  for (const Window& w : windows_) CCRSIM_ASSERT(w.writes_refused >= 0);
}

}  // namespace ccrsim
