#pragma once
// The network between domains: one link per ordered domain pair with one-way latency, jitter, loss and a bandwidth
// shared max-min fairly among the transfers in flight (flows, not packets; shares are recomputed only when a
// flow starts or ends). Links and domains can go down and come back.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/event_queue.h"
#include "sim/scenario/scenario.h"
#include "sim/simulator.h"
#include "sim/time.h"

namespace ccrsim {

using DomainId = int;  // position of the domain in Scenario::domains

struct TransferId {
  std::uint32_t slot = UINT32_MAX;
  std::uint32_t generation = 0;
  bool valid() const { return slot != UINT32_MAX; }
};

// A transfer's target receives on_event(arg) when the last byte has arrived, or on_event(arg | kTransferFailed)
// when the link or an end went down while it was in flight.
inline constexpr std::uint64_t kTransferFailed = 1ULL << 63;

// `latency: auto`: great-circle distance at two-thirds of the speed of light, times a route factor of 1.5, plus a
// 0.5 ms floor for switching inside a region.
sim_time_us auto_latency_us(const std::string& region_a, const std::string& region_b);

class Network {
 public:
  Network(Simulator& sim, const Scenario& scenario);

  int domain_count() const;
  std::optional<DomainId> find_domain(const std::string& name) const;

  // One-way latency from a to b now: the link's base latency, any fault-added latency, and jitter drawn from the
  // link's own named random stream.
  sim_time_us one_way_latency_us(DomainId from, DomainId to);
  sim_time_us base_latency_us(DomainId from, DomainId to) const;
  // Whether a request from a can reach b: both domains up and the link up.
  bool reachable(DomainId a, DomainId b) const;
  // Whether a message is lost (drawn from the link's stream with its `loss` probability).
  bool lost(DomainId from, DomainId to);

  // Starts a flow of `bytes` from `from` to `to`. Its target hears about it once: on_event(arg) when the last byte
  // has arrived, or on_event(arg | kTransferFailed) when it could not start or was cut off.
  TransferId start_transfer(DomainId from, DomainId to, std::int64_t bytes, EventTarget* target, std::uint64_t arg);
  // Same, but the flow never goes faster than `max_rate_bytes_per_s` (limited elsewhere, e.g. by its reader); the
  // share it leaves unused goes to the other flows on the link.
  TransferId start_transfer(DomainId from, DomainId to, std::int64_t bytes, EventTarget* target, std::uint64_t arg,
                            double max_rate_bytes_per_s);
  // Changes a pushing flow's cap (infinity: uncapped) and recomputes the link's shares. False if not active.
  bool set_transfer_max_rate(TransferId id, double max_rate_bytes_per_s);
  // True when the transfer's target was still to be told something (delivery or failure); it never will be now.
  bool cancel_transfer(TransferId id);
  // True while the bytes are being pushed or are propagating; false once delivered, failed or cancelled.
  bool transfer_active(TransferId id) const;
  // Current max-min fair rate of a transfer in bytes per second (0 if not active or its bytes are all sent).
  double transfer_rate(TransferId id) const;
  // Flows currently pushing bytes on the link from -> to.
  int active_flows(DomainId from, DomainId to) const;
  // The link's capacity now: its configured bandwidth, or the fault override.
  double link_bandwidth_bytes_per_s(DomainId from, DomainId to) const;

  // Faults. Link changes apply to both directions.
  void set_link_up(DomainId a, DomainId b, bool up);
  void set_domain_up(DomainId d, bool up);
  void add_latency(DomainId a, DomainId b, sim_time_us extra_us);  // negative to remove
  void set_bandwidth_override(DomainId a, DomainId b, std::optional<double> bytes_per_s);

  // Bytes of the transfers from -> to that have been delivered (failed and cancelled ones do not count).
  std::int64_t bytes_delivered(DomainId from, DomainId to) const;

  // Pending flow events point at the network: destroy it before the simulator.
  ~Network();
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

 private:
  struct Impl;  // links, flows and the max-min solver live in network.cc
  std::unique_ptr<Impl> impl_;
};

}  // namespace ccrsim
