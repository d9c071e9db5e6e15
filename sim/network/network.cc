// The network as a fluid model (docs/scenario-format.md §4.3 "Flows, not packets").
//
// Every ordered domain pair has one link: a capacity pool in bytes per second (a->b and b->a are separate, i.e.
// full duplex), a one-way latency and a random stream of its own for jitter and loss. A transfer is a flow, not a
// train of packets: it pushes its bytes at a rate, then its last byte propagates for the one-way latency sampled
// when it started. Rates are the max-min fair allocation of the link among the flows pushing on it, each flow
// possibly capped by a limit of its own.
//
// Between two flow starts or ends every rate is constant, so each flow's remaining bytes fall linearly and its
// completion time is known exactly. Rates therefore only need recomputing when the set of flows changes (or a fault
// changes the capacity): then each flow whose rate changed integrates its remaining bytes at the old rate up to now
// and its single completion event is moved. The cost is one event per flow phase instead of one per packet, and
// an idle link costs nothing.
//
// Determinism: times are integer microseconds and completion times are rounded up so a flow never finishes early;
// remaining bytes are doubles updated in a fixed order; flows are always visited in slot order; the only
// randomness is each link's named stream "network/<from>-><to>", so adding a domain never shifts another link.
#include "sim/network/network.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <span>

#include "sim/assert.h"
#include "sim/network/max_min_solver.h"
#include "sim/rng.h"

namespace ccrsim {

namespace {

// Rounding in the remaining-bytes arithmetic leaves crumbs; a flow this close to done is done.
constexpr double kDoneWithinBytes = 1.0;
constexpr double kUsPerSecond = 1e6;
// Buggify (sim/buggify.h): how often an active site cuts a transfer as it starts.
constexpr double kBuggifyCutProbability = 0.01;

}  // namespace

struct Network::Impl final : EventTarget {
  enum class Phase : std::uint8_t { kFree, kPushing, kPropagating, kFailing };

  struct Flow {
    Phase phase = Phase::kFree;
    std::uint32_t generation = 0;
    std::uint32_t link = 0;
    EventTarget* target = nullptr;
    std::uint64_t arg = 0;
    std::int64_t bytes = 0;
    double remaining_bytes = 0;
    double rate_bytes_per_s = 0;
    double max_rate_bytes_per_s = kUnlimitedRate;
    sim_time_us updated_at_us = 0;  // remaining_bytes is exact at this time
    sim_time_us latency_us = 0;     // sampled at start
    // A flow alone on its link: its event is already its delivery (end of push + latency), since nothing else's
    // rate depends on when its push ends. It stays in the link's pushing list until push_end_us, and is taken
    // off lazily (retire_finished) or turned back into a plain pushing flow when another flow joins the link.
    bool merged = false;
    sim_time_us push_end_us = 0;
    EventHandle event;  // the one pending event of this flow (push done, delivery or failure)
  };

  struct Link {
    Link(DomainId from_domain, DomainId to_domain, const LinkConfig& link_config, Rng stream)
        : from(from_domain), to(to_domain), spec(link_config), base_latency_us(link_config.latency_us), rng(stream) {}
    DomainId from;
    DomainId to;
    LinkConfig spec;
    sim_time_us base_latency_us;
    sim_time_us extra_latency_us = 0;  // from latency faults
    std::optional<double> bandwidth_override_bytes_per_s;
    bool up = true;
    Rng rng;
    std::vector<std::uint32_t> pushing;  // slots of the flows pushing bytes, ascending
    std::int64_t bytes_delivered = 0;

    double capacity_bytes_per_s() const { return bandwidth_override_bytes_per_s.value_or(spec.bandwidth_bytes_per_s); }
  };

  Impl(Simulator& simulator, const NetworkConfig& config) : sim(simulator) {
    const std::size_t n = config.endpoints.size();
    CCRSIM_ASSERT(config.links.size() == n * n);
    domain_up.assign(n, 1);
    links.reserve(n * n);
    for (std::size_t from = 0; from < n; ++from) {
      const std::string& a = config.endpoints[from];
      const bool fresh = domain_index.emplace(a, static_cast<DomainId>(from)).second;
      CCRSIM_ASSERT(fresh);  // endpoint names are unique: they name the random streams
      for (std::size_t to = 0; to < n; ++to) {
        const std::string& b = config.endpoints[to];
        const LinkConfig& lc = config.links[from * n + to];
        CCRSIM_ASSERT(lc.latency_us >= 0 && lc.jitter_us >= 0);
        CCRSIM_ASSERT(lc.loss >= 0 && lc.loss < 1);
        CCRSIM_ASSERT(lc.bandwidth_bytes_per_s > 0);
        links.emplace_back(static_cast<DomainId>(from), static_cast<DomainId>(to), lc,
                           Rng(config.seed, "network/" + a + "->" + b));
      }
    }
  }

  ~Impl() override {
    for (Flow& f : flows) {
      if (f.phase != Phase::kFree) sim.cancel(f.event);
    }
  }

  int domain_count() const { return static_cast<int>(domain_up.size()); }
  std::uint32_t link_index(DomainId from, DomainId to) const {
    CCRSIM_ASSERT(from >= 0 && from < domain_count());
    CCRSIM_ASSERT(to >= 0 && to < domain_count());
    return static_cast<std::uint32_t>(from * domain_count() + to);
  }
  Link& link(DomainId from, DomainId to) { return links[link_index(from, to)]; }
  const Link& link(DomainId from, DomainId to) const { return links[link_index(from, to)]; }

  bool reachable(DomainId a, DomainId b) const {
    return domain_up[static_cast<std::size_t>(a)] && domain_up[static_cast<std::size_t>(b)] && link(a, b).up;
  }

  sim_time_us one_way_latency_us(DomainId from, DomainId to) {
    Link& l = link(from, to);
    const sim_time_us base_us = std::max<sim_time_us>(0, l.base_latency_us + l.extra_latency_us);
    if (l.spec.jitter_us <= 0) return base_us;
    return base_us + static_cast<sim_time_us>(l.rng.below(static_cast<std::uint64_t>(l.spec.jitter_us) + 1));
  }

  bool lost(DomainId from, DomainId to) {
    Link& l = link(from, to);
    if (l.spec.loss <= 0) return false;
    return l.rng.uniform01() < l.spec.loss;
  }

  // --- flow slab ---

  std::uint32_t allocate_flow() {
    if (!free_slots.empty()) {
      const std::uint32_t slot = free_slots.back();
      free_slots.pop_back();
      CCRSIM_ASSERT(flows[slot].phase == Phase::kFree);
      CCRSIM_ASSERT(!flows[slot].event.valid());
      return slot;
    }
    flows.emplace_back();
    return static_cast<std::uint32_t>(flows.size() - 1);
  }

  void release_flow(std::uint32_t slot) {
    Flow& f = flows[slot];
    CCRSIM_ASSERT(f.phase != Phase::kFree);  // released once
    CCRSIM_ASSERT(!sim.pending(f.event));    // nothing left to fire for it
    f.phase = Phase::kFree;
    f.target = nullptr;
    f.event = EventHandle{};
    f.merged = false;
    ++f.generation;  // outstanding TransferIds go stale
    free_slots.push_back(slot);
  }

  const Flow* find(TransferId id) const {
    if (!id.valid() || id.slot >= flows.size()) return nullptr;
    const Flow& f = flows[id.slot];
    return f.phase != Phase::kFree && f.generation == id.generation ? &f : nullptr;
  }

  void add_pushing(Link& l, std::uint32_t slot) {
    CCRSIM_ASSERT(flows[slot].phase == Phase::kPushing);
    CCRSIM_ASSERT_SLOW(!std::binary_search(l.pushing.begin(), l.pushing.end(), slot));
    l.pushing.insert(std::lower_bound(l.pushing.begin(), l.pushing.end(), slot), slot);
  }
  void remove_pushing(Link& l, std::uint32_t slot) {
    const auto it = std::lower_bound(l.pushing.begin(), l.pushing.end(), slot);
    CCRSIM_ASSERT(it != l.pushing.end() && *it == slot);
    l.pushing.erase(it);
  }

  // --- the fluid model ---

  void integrate(Flow& f) {
    const sim_time_us elapsed_us = sim.now() - f.updated_at_us;
    CCRSIM_ASSERT(elapsed_us >= 0);
    if (elapsed_us > 0 && f.rate_bytes_per_s > 0) {
      f.remaining_bytes -= f.rate_bytes_per_s * static_cast<double>(elapsed_us) / kUsPerSecond;
    }
    f.updated_at_us = sim.now();
  }

  // (Re)schedules the end of the pushing phase from the remaining bytes and the current rate, rounded up.
  // The flow's pending event, if any, is replaced (moved in the queue rather than cancelled and pushed again).
  // `live` is live_pushing() of the flow's link, which the callers already know.
  void schedule_push_done(std::uint32_t slot, std::size_t live) {
    Flow& f = flows[slot];
    CCRSIM_ASSERT(f.phase == Phase::kPushing);
    CCRSIM_ASSERT(live >= 1);
    f.merged = false;
    if (std::isinf(f.rate_bytes_per_s)) f.remaining_bytes = 0;  // an unbounded link sends everything at once
    if (f.remaining_bytes <= kDoneWithinBytes) {
      schedule_push_end(slot, sim.now(), live);
      return;
    }
    if (f.rate_bytes_per_s <= 0) {  // stalled until the shares change
      sim.cancel(f.event);
      return;
    }
    const double delay_us = std::ceil(f.remaining_bytes * kUsPerSecond / f.rate_bytes_per_s);
    const double horizon_us = static_cast<double>(kTimeNever - sim.now());
    if (!(delay_us < horizon_us)) {  // would finish after the end of time
      sim.cancel(f.event);
      return;
    }
    schedule_push_end(slot, sim.now() + static_cast<sim_time_us>(delay_us), live);
  }

  // The push ends at `end_us`. Alone on its link, the flow goes straight to its delivery (one event instead of
  // two: nobody's share changes when it stops pushing); otherwise the end of the push is an event of its own.
  void schedule_push_end(std::uint32_t slot, sim_time_us end_us, std::size_t live) {
    Flow& f = flows[slot];
    CCRSIM_ASSERT(end_us >= sim.now());
    if (live == 1 && end_us <= kTimeNever - f.latency_us) {
      f.merged = true;
      f.push_end_us = end_us;
      f.event = sim.reschedule_at(f.event, end_us + f.latency_us, this, slot);
      return;
    }
    f.event = sim.reschedule_at(f.event, end_us, this, slot);
  }

  bool push_finished(const Flow& f) const { return f.merged && f.push_end_us <= sim.now(); }

  // Flows still pushing on the link (the list may hold merged flows whose push has ended, not yet taken off).
  std::size_t live_pushing(const Link& l) const {
    std::size_t n = 0;
    for (std::uint32_t slot : l.pushing) n += push_finished(flows[slot]) ? 0 : 1;
    return n;
  }

  // Takes the merged flows whose push has ended off the link: they are propagating (their event is the delivery).
  void retire_finished(Link& l) {
    for (std::size_t i = 0; i < l.pushing.size();) {
      Flow& f = flows[l.pushing[i]];
      if (!push_finished(f)) {
        ++i;
        continue;
      }
      integrate(f);
      CCRSIM_ASSERT(f.phase == Phase::kPushing);
      f.phase = Phase::kPropagating;
      f.merged = false;
      f.remaining_bytes = 0;
      f.rate_bytes_per_s = 0;
      l.pushing.erase(l.pushing.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }

  void recompute_shares(std::uint32_t link_idx) {
    Link& l = links[link_idx];
    retire_finished(l);
    // Every flow left on the list is live, and stays so while the rates are applied: one can only finish its push
    // at once (merged, ending now) when it is alone.
    const std::size_t n = l.pushing.size();
    if (n == 0) return;
    const double capacity = l.capacity_bytes_per_s();
    CCRSIM_ASSERT(capacity >= 0);
    bool capped = false;
    for (std::uint32_t slot : l.pushing) capped = capped || flows[slot].max_rate_bytes_per_s != kUnlimitedRate;
    if (!capped) {
      // Uncapped flows on one link: the solver's single step gives each 0 + capacity / n (the same double).
      const double share = 0.0 + std::max(0.0, capacity) / static_cast<double>(n);
      for (std::size_t i = 0; i < n; ++i) apply_rate(l.pushing[i], share, n);
      return;
    }
    solver_flows.resize(n);
    solver_rates.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      solver_flows[i] = {{0, 0}, 1, flows[l.pushing[i]].max_rate_bytes_per_s};
    }
    solver.solve(std::span<const double>(&capacity, 1), solver_flows, solver_rates);
    for (std::size_t i = 0; i < n; ++i) apply_rate(l.pushing[i], solver_rates[i], n);
  }

  // `live`: the flows pushing on the link (live_pushing), counted once by the caller.
  void apply_rate(std::uint32_t slot, double rate_bytes_per_s, std::size_t live) {
    Flow& f = flows[slot];
    CCRSIM_ASSERT(rate_bytes_per_s >= 0);
    CCRSIM_ASSERT(rate_bytes_per_s <= f.max_rate_bytes_per_s * (1 + 1e-9));  // the solver's rounding at most
    // Same rate: remaining bytes still fall on the same line and the pending completion is still right.
    // A merged flow that now shares its link must end its push with an event again (the others speed up then).
    const bool unmerge = f.merged && live > 1;
    if (!unmerge && rate_bytes_per_s == f.rate_bytes_per_s && (f.event.valid() || rate_bytes_per_s <= 0)) return;
    integrate(f);
    f.rate_bytes_per_s = rate_bytes_per_s;
    schedule_push_done(slot, live);
  }

  TransferId start(DomainId from, DomainId to, std::int64_t bytes, EventTarget* target, std::uint64_t arg,
                   double max_rate_bytes_per_s) {
    CCRSIM_ASSERT(target != nullptr);
    CCRSIM_ASSERT(bytes >= 0);
    const std::uint32_t link_idx = link_index(from, to);
    const std::uint32_t slot = allocate_flow();
    Flow& f = flows[slot];
    f.link = link_idx;
    f.target = target;
    f.arg = arg;
    f.bytes = bytes;
    f.remaining_bytes = static_cast<double>(bytes);
    f.rate_bytes_per_s = 0;
    f.max_rate_bytes_per_s = std::max(0.0, max_rate_bytes_per_s);
    f.updated_at_us = sim.now();
    const TransferId id{slot, f.generation};
    if (!reachable(from, to)) {
      fail(slot);
      return id;
    }
    f.latency_us = one_way_latency_us(from, to);
    if (sim.buggify().fires("network/transfer-cut", kBuggifyCutProbability)) {
      fail(slot);  // as if the connection dropped: every transfer's owner must survive that
      return id;
    }
    if (bytes == 0) {
      begin_propagation(slot);
      return id;
    }
    f.phase = Phase::kPushing;
    add_pushing(links[link_idx], slot);
    recompute_shares(link_idx);
    return id;
  }

  void begin_propagation(std::uint32_t slot) {
    Flow& f = flows[slot];
    CCRSIM_ASSERT(f.latency_us >= 0);
    CCRSIM_ASSERT(!sim.pending(f.event));
    f.phase = Phase::kPropagating;
    f.remaining_bytes = 0;
    f.rate_bytes_per_s = 0;
    f.event = sim.schedule_in(f.latency_us, this, slot);
  }

  // Takes the flow off its link (the caller recomputes the shares) and tells its target at once, through an event
  // of ours so a cancel before then still silences it.
  void fail(std::uint32_t slot) {
    Flow& f = flows[slot];
    CCRSIM_ASSERT(f.phase != Phase::kFailing);  // fails once (a fresh slot that cannot start is still kFree)
    if (f.phase == Phase::kPushing) remove_pushing(links[f.link], slot);
    sim.cancel(f.event);
    f.phase = Phase::kFailing;
    f.rate_bytes_per_s = 0;
    f.event = sim.schedule_at(sim.now(), this, slot);
  }

  // Fails every in-flight flow whose link matches, in slot order, then recomputes the links they left.
  template <typename LinkPredicate>
  void fail_flows_on(LinkPredicate matches) {
    touched_links.clear();
    for (std::uint32_t slot = 0; slot < flows.size(); ++slot) {
      const Flow& f = flows[slot];
      if (f.phase != Phase::kPushing && f.phase != Phase::kPropagating) continue;
      if (!matches(links[f.link])) continue;
      if (f.phase == Phase::kPushing) touched_links.push_back(f.link);
      fail(slot);
    }
    std::sort(touched_links.begin(), touched_links.end());
    touched_links.erase(std::unique(touched_links.begin(), touched_links.end()), touched_links.end());
    for (std::uint32_t link_idx : touched_links) recompute_shares(link_idx);
  }

  bool cancel(TransferId id) {
    if (find(id) == nullptr) return false;
    Flow& f = flows[id.slot];
    if (f.phase == Phase::kPushing) retire_finished(links[f.link]);
    const bool was_pushing = f.phase == Phase::kPushing;
    const std::uint32_t link_idx = f.link;
    if (was_pushing) remove_pushing(links[link_idx], id.slot);
    sim.cancel(f.event);
    release_flow(id.slot);
    if (was_pushing) recompute_shares(link_idx);
    return true;
  }

  void on_event(std::uint64_t arg) override {
    const auto slot = static_cast<std::uint32_t>(arg);
    CCRSIM_ASSERT(arg < flows.size());
    Flow& f = flows[slot];
    f.event = EventHandle{};  // fired
    switch (f.phase) {
      case Phase::kPushing:
        if (f.merged) {                    // pushed alone and propagated: delivered
          retire_finished(links[f.link]);  // no share changes: the others already ran without it
          return notify(slot, 0);
        }
        return on_push_done(slot);
      case Phase::kPropagating:
        return notify(slot, 0);
      case Phase::kFailing:
        return notify(slot, kTransferFailed);
      case Phase::kFree:
        CCRSIM_ASSERT(false && "event for a free flow slot");
        return;
    }
  }

  void on_push_done(std::uint32_t slot) {
    Flow& f = flows[slot];
    CCRSIM_ASSERT(!f.merged);  // a merged flow's event is its delivery
    integrate(f);
    if (f.remaining_bytes > kDoneWithinBytes) {  // cannot happen with rounded-up times, but never deliver early
      schedule_push_done(slot, live_pushing(links[f.link]));
      return;
    }
    const std::uint32_t link_idx = f.link;
    remove_pushing(links[link_idx], slot);
    begin_propagation(slot);
    recompute_shares(link_idx);
  }

  // Frees the slot before calling the target, which may well start or cancel transfers from inside on_event.
  void notify(std::uint32_t slot, std::uint64_t failed_bit) {
    Flow& f = flows[slot];
    CCRSIM_ASSERT(f.target != nullptr);
    CCRSIM_ASSERT(failed_bit == 0 || f.phase == Phase::kFailing);
    EventTarget* target = f.target;
    const std::uint64_t arg = f.arg;
    if (failed_bit == 0) links[f.link].bytes_delivered += f.bytes;
    release_flow(slot);
    target->on_event(arg | failed_bit);
  }

  Simulator& sim;
  std::map<std::string, DomainId, std::less<>> domain_index;
  std::vector<std::uint8_t> domain_up;  // a byte each, not vector<bool>: read before every request
  std::vector<Link> links;              // from * domain_count + to
  std::vector<Flow> flows;              // slab
  std::vector<std::uint32_t> free_slots;
  MaxMinSolver solver;
  std::vector<MaxMinSolver::Flow> solver_flows;  // scratch
  std::vector<double> solver_rates;              // scratch
  std::vector<std::uint32_t> touched_links;      // scratch
};

Network::Network(Simulator& sim, const NetworkConfig& config) : impl_(std::make_unique<Impl>(sim, config)) {}
Network::~Network() = default;

int Network::domain_count() const {
  return impl_->domain_count();
}

std::optional<DomainId> Network::find_domain(const std::string& name) const {
  const auto it = impl_->domain_index.find(name);
  if (it == impl_->domain_index.end()) return std::nullopt;
  return it->second;
}

sim_time_us Network::one_way_latency_us(DomainId from, DomainId to) {
  return impl_->one_way_latency_us(from, to);
}
sim_time_us Network::base_latency_us(DomainId from, DomainId to) const {
  return impl_->link(from, to).base_latency_us;
}
bool Network::reachable(DomainId a, DomainId b) const {
  return impl_->reachable(a, b);
}
bool Network::lost(DomainId from, DomainId to) {
  return impl_->lost(from, to);
}

TransferId Network::start_transfer(DomainId from, DomainId to, std::int64_t bytes, EventTarget* target,
                                   std::uint64_t arg) {
  return impl_->start(from, to, bytes, target, arg, kUnlimitedRate);
}

TransferId Network::start_transfer(DomainId from, DomainId to, std::int64_t bytes, EventTarget* target,
                                   std::uint64_t arg, double max_rate_bytes_per_s) {
  return impl_->start(from, to, bytes, target, arg, max_rate_bytes_per_s);
}

bool Network::set_transfer_max_rate(TransferId id, double max_rate_bytes_per_s) {
  const Impl::Flow* f = impl_->find(id);
  if (f == nullptr || f->phase != Impl::Phase::kPushing || impl_->push_finished(*f)) return false;
  CCRSIM_ASSERT(!std::isnan(max_rate_bytes_per_s));
  impl_->flows[id.slot].max_rate_bytes_per_s = std::max(0.0, max_rate_bytes_per_s);
  impl_->recompute_shares(f->link);
  return true;
}

bool Network::cancel_transfer(TransferId id) {
  return impl_->cancel(id);
}

bool Network::transfer_active(TransferId id) const {
  const Impl::Flow* f = impl_->find(id);
  return f != nullptr && (f->phase == Impl::Phase::kPushing || f->phase == Impl::Phase::kPropagating);
}

double Network::transfer_rate(TransferId id) const {
  const Impl::Flow* f = impl_->find(id);
  return f != nullptr && f->phase == Impl::Phase::kPushing && !impl_->push_finished(*f) ? f->rate_bytes_per_s : 0.0;
}

int Network::active_flows(DomainId from, DomainId to) const {
  return static_cast<int>(impl_->live_pushing(impl_->link(from, to)));
}

double Network::link_bandwidth_bytes_per_s(DomainId from, DomainId to) const {
  return impl_->link(from, to).capacity_bytes_per_s();
}

void Network::set_link_up(DomainId a, DomainId b, bool up) {
  impl_->link(a, b).up = up;
  impl_->link(b, a).up = up;
  if (up) return;
  const std::uint32_t ab = impl_->link_index(a, b);
  const std::uint32_t ba = impl_->link_index(b, a);
  impl_->fail_flows_on([&](const Impl::Link& l) {
    const std::uint32_t idx = impl_->link_index(l.from, l.to);
    return idx == ab || idx == ba;
  });
}

void Network::set_domain_up(DomainId d, bool up) {
  CCRSIM_ASSERT(d >= 0 && d < domain_count());
  impl_->domain_up[static_cast<std::size_t>(d)] = up ? 1 : 0;
  if (up) return;
  impl_->fail_flows_on([d](const Impl::Link& l) { return l.from == d || l.to == d; });
}

void Network::add_latency(DomainId a, DomainId b, sim_time_us extra_us) {
  CCRSIM_ASSERT(impl_->link(a, b).extra_latency_us + extra_us >= 0);  // a fault removes only what it added
  impl_->link(a, b).extra_latency_us += extra_us;
  if (a != b) impl_->link(b, a).extra_latency_us += extra_us;
}

void Network::set_bandwidth_override(DomainId a, DomainId b, std::optional<double> bytes_per_s) {
  CCRSIM_ASSERT(!bytes_per_s || *bytes_per_s >= 0);
  impl_->link(a, b).bandwidth_override_bytes_per_s = bytes_per_s;
  impl_->link(b, a).bandwidth_override_bytes_per_s = bytes_per_s;
  impl_->recompute_shares(impl_->link_index(a, b));
  if (a != b) impl_->recompute_shares(impl_->link_index(b, a));
}

std::int64_t Network::bytes_delivered(DomainId from, DomainId to) const {
  return impl_->link(from, to).bytes_delivered;
}

}  // namespace ccrsim
