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
#include "sim/simulator.h"
#include "sim/time.h"

namespace ccrsim {

using DomainId = int;  // position of the endpoint in NetworkConfig::endpoints

// One direction of one link, as the model hands it to the network.
struct LinkConfig {
  sim_time_us latency_us = 0;        // one-way base latency
  sim_time_us jitter_us = 0;         // uniform extra latency in [0, jitter_us], drawn per message
  double bandwidth_bytes_per_s = 0;  // capacity shared max-min fairly by the link's flows
  double loss = 0;                   // probability in [0, 1) that a message is lost
};

// Everything the network needs to know: its endpoints (named for the random streams), one link per ordered pair
// and the run's seed. The model builds it from the scenario (model/network_config.h).
struct NetworkConfig {
  std::uint64_t seed = 1;
  std::vector<std::string> endpoints;
  std::vector<LinkConfig> links;  // endpoints.size()^2 entries, row-major: links[from * n + to]
};

struct TransferId {
  std::uint32_t slot = UINT32_MAX;
  std::uint32_t generation = 0;
  bool valid() const { return slot != UINT32_MAX; }
};

// A transfer's target receives on_event(arg) when the last byte has arrived, or on_event(arg | kTransferFailed)
// when the link or an end went down while it was in flight.
inline constexpr std::uint64_t kTransferFailed = 1ULL << 63;

class Network {
 public:
  Network(Simulator& sim, const NetworkConfig& config);

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
