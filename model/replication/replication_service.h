#pragma once
// The cross-cluster replication plugin of every domain in the world. Owns one ReplicationEntry per replication
// started (kept across pause/resume; a start after a stop makes a new one), each with its live index task and
// shard tasks, the retention-lease store of the leader shards and the leader-side stats.
//
// The REST handlers (replication_api.cc) parse and validate requests and call the operations below; the report
// writer reads entries() and samples ops_lag()/time_lag_us(). Nothing needs a per-tick call: every wait is an event.
// Its parts live apart: waiting API answers in PendingReplies, the _status view and the sampled numbers in
// ReplicationStatusView, the stats endpoints in replication_stats.h, the outage handling in replication_outages.cc.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/replication/index_replication_task.h"
#include "model/replication/pending_replies.h"
#include "model/replication/replication_context.h"
#include "model/replication/replication_entry.h"
#include "model/replication/replication_status.h"
#include "model/rest/rest_response.h"
#include "model/rest/rest_router.h"
#include "sim/event_queue.h"

namespace ccrsim {

struct StartReplicationRequest {
  std::string follower_index;
  std::string leader_alias;
  std::string leader_index;
  bool has_use_roles = false;
  std::string leader_cluster_role;  // use_roles; background requests run as these roles
  std::string follower_cluster_role;
  std::string user = "admin";      // the authenticated user (setup checks)
  json settings = json::object();  // overrides, flat dotted keys
  bool wait_for_restore = false;
  std::string started_by = "request";
};

class ReplicationService final : public EventTarget, private ReplicationControl {
 public:
  // The API's wait for the index task (start: RESTORING, or FOLLOWING with wait_for_restore; resume: FOLLOWING).
  static constexpr sim_time_us kApiWaitTimeoutUs = PendingReplies::kWaitTimeoutUs;

  // Replication over the world's network.
  explicit ReplicationService(World& world);
  // Replication over another transport (tests).
  ReplicationService(World& world, ReplicationTransport& transport);
  ~ReplicationService() override;
  ReplicationService(const ReplicationService&) = delete;
  ReplicationService& operator=(const ReplicationService&) = delete;

  // Operations behind the REST endpoints, on the follower domain. Validation of request shape happens in the
  // handlers; these check state, connections and the leader in the plugin's order.
  void start(DomainId follower, const StartReplicationRequest& request, Responder done);
  RestResponse pause(DomainId follower, const std::string& index, const std::optional<std::string>& reason);
  // force_resume (3.8+): with the leases gone, stop internally, delete the follower and bootstrap again.
  void resume(DomainId follower, const std::string& index, bool force_resume, Responder done);
  RestResponse stop(DomainId follower, const std::string& index);
  RestResponse status(DomainId follower, const std::string& index, bool verbose) {
    return status_view_.status(active_entry(follower, index), follower, verbose);
  }
  RestResponse update(DomainId follower, const std::string& index, const json& settings);
  RestResponse follower_stats(DomainId follower);
  RestResponse leader_stats(DomainId leader);

  // Report metrics (ReplicationStatusView). Entries are never removed; pointers stay valid for the service's life.
  const std::vector<std::unique_ptr<ReplicationEntry>>& entries() const { return entries_; }
  std::string status_string(const ReplicationEntry& entry) const { return status_view_.status_string(entry); }
  std::int64_t leader_checkpoint(const ReplicationEntry& entry) { return status_view_.leader_checkpoint(entry); }
  std::int64_t follower_checkpoint(const ReplicationEntry& entry) const {
    return status_view_.follower_checkpoint(entry);
  }
  std::int64_t ops_lag(const ReplicationEntry& entry) { return leader_checkpoint(entry) - follower_checkpoint(entry); }
  sim_time_us time_lag_us(const ReplicationEntry& entry) { return status_view_.time_lag_us(entry); }
  ReplicationSample sample(const ReplicationEntry& entry) { return status_view_.sample(entry); }

  // The leader index `index` on `domain` changed outside the synthetic writers (an explicit document write, a
  // close, a delete): followers re-check their long polls now instead of at the next 5 s monitor pass.
  void notify_leader_changed(DomainId domain, const std::string& index);
  // The entry replicating into this follower index now (nullptr if none).
  ReplicationEntry* active_entry(DomainId follower, const std::string& index);

  const RetentionLeases& leases() const { return ctx_.leases; }
  RetentionLeases& leases() { return ctx_.leases; }
  // Faults (replication_outages.cc). A follower domain went down: its persistent tasks stop where they are.
  void domain_down(DomainId domain);
  // It is back: RUNNING replications resume from the persisted state (the leader's leases decide whether they can
  // continue); a bootstrap cut off by the outage fails.
  void domain_up(DomainId domain);
  // Data nodes of the follower domain left (Domain::nodes_down): the shard tasks of primaries on them stop now and
  // start again where a replica takes over at `promoted_at_us`, or when the nodes are back for an index without
  // replicas (domain_nodes_back).
  void follower_nodes_lost(DomainId domain, sim_time_us promoted_at_us);
  void domain_nodes_back(DomainId domain);

  void set_get_changes_fault(GetChangesFaultHook hook) { ctx_.get_changes_fault = std::move(hook); }
  // Measurement probes (model/replication/replication_probe.h): registered until removed.
  void add_probe(ReplicationProbe& probe) { ctx_.probes.add(probe); }
  void remove_probe(ReplicationProbe& probe) { ctx_.probes.remove(probe); }
  World& world() { return world_; }

  void on_event(std::uint64_t arg) override;

 private:
  // ReplicationControl
  void auto_pause(ReplicationEntry& entry, const std::string& reason) override;
  void fail(ReplicationEntry& entry, const std::string& reason) override;
  void task_state_changed(ReplicationEntry& entry) override;
  void complete_after_leader_deleted(ReplicationEntry& entry) override;

  ReplicationEntry* entry_by_id(int id);
  void retire_task(ReplicationEntry& entry);
  ReplicationPhase phase(const ReplicationEntry& entry) const;
  void restart_bootstrap(ReplicationEntry& entry, const Index& leader, Responder done);
  std::optional<RestResponse> check_leader_for_start(DomainId follower, const StartReplicationRequest& request,
                                                     DomainId leader);
  // The parts of start and resume that run once the remote calls to the leader have come back.
  void start_after_remote_checks(DomainId follower, const StartReplicationRequest& request, Responder done);
  void resume_after_lease_probe(DomainId follower, const std::string& index, bool force_resume, Responder done);
  // The new entry of a start request that passed every check.
  ReplicationEntry& add_entry(DomainId follower, const StartReplicationRequest& request, DomainId leader);
  // A new index task for `entry`, started now.
  void start_task(ReplicationEntry& entry);
  sim_time_us round_trip_us(DomainId a, DomainId b);

  World& world_;
  std::unique_ptr<ReplicationTransport> owned_transport_;
  ReplicationContext ctx_;
  std::vector<std::unique_ptr<ReplicationEntry>> entries_;
  PendingReplies replies_;
  ReplicationStatusView status_view_;
  std::vector<std::unique_ptr<IndexReplicationTask>> graveyard_;  // retired tasks, freed outside their own events
  EventHandle collect_event_;
};

// Registers every _plugins/_replication endpoint (replication_api.cc; docs/replication.md).
void register_replication_api(RestRouter& router, ReplicationService& service);

}  // namespace ccrsim
