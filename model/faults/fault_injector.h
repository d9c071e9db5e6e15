#pragma once
// Plays the scenario's fault windows (docs/scenario-format.md §4.6) on the world. Each window's start and end is one
// event; the effects are the network's (links and domains down, latency, bandwidth), the domain's (writes refused while
// down, primaries unavailable while their node is down) and the replication plugin's (tasks of a follower domain stop
// and resume from persisted state; shard tasks of a lost node restart elsewhere). Nothing here computes a catch-up:
// what replication does after a window closes comes from its own retries, backoff and leases.
//
// Windows may overlap: links and domains are reference counted (down while any window holds them), added
// latencies sum, and the lowest bandwidth override of the windows in force applies.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/replication/replication_service.h"
#include "model/world.h"
#include "scenario/scenario.h"
#include "sim/event_queue.h"

namespace ccrsim {

// "link_down", "domain_down", ... as the scenario and the report spell them.
const char* fault_kind_name(FaultKind kind);
// "a <-> b" for the link faults, the domain otherwise.
std::string fault_target(const FaultSpec& fault);

class FaultInjector final : public EventTarget {
 public:
  // How long a cluster manager takes to notice a node left and promote a replica (simulator-defined, from the
  // follower checker's defaults: three failed checks of 10 s each).
  static constexpr sim_time_us kNodeLeftDetectionUs = 30 * kUsPerS;

  struct Window {
    bool active = false;
    bool ended = false;
    // Synthetic writes refused by a domain this window took down, or sent to a primary its node_down left
    // unassigned (no replica to promote).
    std::int64_t writes_refused = 0;
  };
  // Told after a window's effects began (began = true) or ended.
  using Listener = std::function<void(std::size_t fault, bool began)>;

  FaultInjector(World& world, ReplicationService& service, std::vector<FaultSpec> faults);
  ~FaultInjector() override;
  FaultInjector(const FaultInjector&) = delete;
  FaultInjector& operator=(const FaultInjector&) = delete;

  void set_listener(Listener listener) { listener_ = std::move(listener); }
  // Told just before a window's effects begin (what a recorder must see as it was before the fault).
  void set_before_begin(std::function<void(std::size_t fault)> before) { before_begin_ = std::move(before); }
  // Schedules every window (faults at t < now begin now).
  void start();
  // End of the run: writes refused by domains that are still down are counted.
  void finish();

  const std::vector<FaultSpec>& faults() const { return faults_; }
  const std::vector<Window>& windows() const { return windows_; }
  bool domain_down(DomainId d) const { return domain_down_[static_cast<std::size_t>(d)] > 0; }

  void on_event(std::uint64_t arg) override;

 private:
  using LinkKey = std::pair<DomainId, DomainId>;
  static LinkKey link_key(DomainId a, DomainId b) { return a < b ? LinkKey{a, b} : LinkKey{b, a}; }

  DomainId domain_id(const std::string& name) const;
  void begin(std::size_t i);
  void end(std::size_t i);
  void take_domain_down(DomainId d, std::size_t fault);
  void bring_domain_back(DomainId d);
  void apply_bandwidth(const LinkKey& link);
  void set_nodes_down(DomainId d, int delta, std::size_t fault);
  void flush_node_refusals(DomainId d);
  std::int64_t refused_writes(DomainId d) const;
  std::int64_t refused_unassigned_writes(DomainId d) const;

  World& world_;
  ReplicationService& service_;
  std::vector<FaultSpec> faults_;
  std::vector<Window> windows_;
  std::vector<EventHandle> events_;
  Listener listener_;
  std::function<void(std::size_t)> before_begin_;
  std::vector<int> domain_down_;                 // windows holding each domain down
  std::vector<std::int64_t> refused_when_down_;  // the domain's refused-write count when it went down
  std::vector<std::size_t> down_fault_;          // the window that took it down (writes refused are its)
  std::vector<int> nodes_down_;
  std::vector<std::size_t> node_fault_;                // the node_down window the domain's refusals are counted to
  std::vector<std::int64_t> refused_unassigned_mark_;  // refused_unassigned_writes() when last counted
  std::map<LinkKey, int> link_down_;
  std::map<LinkKey, std::vector<std::pair<std::size_t, double>>> bandwidth_;  // windows in force, in start order
};

}  // namespace ccrsim
