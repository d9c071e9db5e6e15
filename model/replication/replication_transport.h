#pragma once
// What the replication plugin needs from the network: reachability, one-way message latency and bulk transfers
// (GetChanges responses, bootstrap file chunks) that share link bandwidth. The service talks to this interface so
// tests can drive it with a scripted transport; NetworkTransport adapts the simulator's Network.
#include <cstdint>

#include "sim/network/network.h"

namespace ccrsim {

class ReplicationTransport {
 public:
  virtual ~ReplicationTransport() = default;
  virtual bool reachable(DomainId a, DomainId b) = 0;
  // One-way latency of a small message (a request) from `from` to `to`.
  virtual sim_time_us message_latency_us(DomainId from, DomainId to) = 0;
  // A transfer whose completion (last byte arrived, latency included) fires target->on_event(arg), or
  // on_event(arg | kTransferFailed) when the path went down under it.
  virtual TransferId start_transfer(DomainId from, DomainId to, std::int64_t bytes, EventTarget* target,
                                    std::uint64_t arg) = 0;
  virtual void cancel_transfer(TransferId id) = 0;
};

class NetworkTransport final : public ReplicationTransport {
 public:
  explicit NetworkTransport(Network& network) : network_(network) {}
  bool reachable(DomainId a, DomainId b) override { return network_.reachable(a, b); }
  sim_time_us message_latency_us(DomainId from, DomainId to) override { return network_.one_way_latency_us(from, to); }
  TransferId start_transfer(DomainId from, DomainId to, std::int64_t bytes, EventTarget* target,
                            std::uint64_t arg) override {
    return network_.start_transfer(from, to, bytes, target, arg);
  }
  void cancel_transfer(TransferId id) override { network_.cancel_transfer(id); }

 private:
  Network& network_;
};

}  // namespace ccrsim
