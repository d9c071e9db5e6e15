#include "model/replication/replication_service.h"

#include <algorithm>

#include "model/domain.h"
#include "model/index.h"
#include "model/replication/leader_connection.h"
#include "model/replication/replication_errors.h"
#include "model/replication/replication_settings.h"
#include "model/replication/replication_stats.h"
#include "model/replication/service_events.h"
#include "model/security/access_control.h"
#include "scenario/engine_versions.h"
#include "sim/assert.h"

namespace ccrsim {

namespace errors = replication_errors;

namespace {

bool cluster_read_only(const Domain& domain) {
  const json v = domain.cluster_setting("cluster.blocks.read_only");
  return (v.is_boolean() && v.get<bool>()) || (v.is_string() && v.get<std::string>() == "true");
}

void trace_state(World& world, const ReplicationEntry& entry, const std::string& what) {
  if (!world.trace().enabled()) return;
  world.trace().log(world.now(), "replication",
                    world.domain(entry.follower_domain).name() + "/" + entry.follower_index + " " + what +
                        " (overall " + to_string(entry.overall) + (entry.reason.empty() ? "" : ", " + entry.reason) +
                        ")");
}

}  // namespace

ReplicationService::ReplicationService(World& world)
    : world_(world),
      owned_transport_(std::make_unique<NetworkTransport>(world.network())),
      ctx_(world, *owned_transport_, *this),
      replies_(world.sim()),
      status_view_(world, ctx_.transport) {}

ReplicationService::ReplicationService(World& world, ReplicationTransport& transport)
    : world_(world), ctx_(world, transport, *this), replies_(world.sim()), status_view_(world, transport) {}

ReplicationService::~ReplicationService() {
  for (auto& entry : entries_) entry->task.reset();
  graveyard_.clear();
  world_.sim().cancel(collect_event_);
}

ReplicationEntry* ReplicationService::active_entry(DomainId follower, const std::string& index) {
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    ReplicationEntry& e = **it;
    if (!e.stopped && e.follower_domain == follower && e.follower_index == index) return &e;
  }
  return nullptr;
}

ReplicationEntry* ReplicationService::entry_by_id(int id) {
  return id >= 0 && id < static_cast<int>(entries_.size()) ? entries_[static_cast<std::size_t>(id)].get() : nullptr;
}

ReplicationPhase ReplicationService::phase(const ReplicationEntry& entry) const {
  if (entry.stopped) return ReplicationPhase::kNone;
  const bool restoring = entry.task != nullptr && entry.task->restore_in_progress();
  return phase_of(entry.overall, restoring);
}

void ReplicationService::retire_task(ReplicationEntry& entry) {
  if (entry.task == nullptr) return;
  entry.task->cancel();
  // The task may be the caller (an auto-pause from its own monitor pass): free it from a later event.
  graveyard_.push_back(std::move(entry.task));
  ctx_.probes.status_may_have_changed(entry, world_.now());
  if (!world_.sim().pending(collect_event_)) {
    collect_event_ = world_.sim().schedule_in(0, this, ServiceEventArg::pack(ServiceEvent::kCollect));
  }
}

void ReplicationService::task_state_changed(ReplicationEntry& entry) {
  ctx_.probes.status_may_have_changed(entry, world_.now());
  if (entry.task == nullptr) return;
  replies_.task_reached(entry.id, entry.task->state());
}

// The service's own event: retired tasks are freed (the pending replies have events of their own).
void ReplicationService::on_event(std::uint64_t arg) {
  if (ServiceEventArg::kind(arg) == ServiceEvent::kCollect) graveyard_.clear();
}

// ---------------------------------------------------------------------------------------------------------------
// Autonomous transitions

void ReplicationService::auto_pause(ReplicationEntry& entry, const std::string& reason) {
  // The auto-pause is a pause request running as the follower role (docs/security.md "Background tasks run as the given
  // roles"): a role without the pause action turns it into a failure.
  const SecurityConfig& security = world_.domain(entry.follower_domain).security();
  if (auto denied =
          role_denial(security, entry.follower_cluster_role, replication_action::kPause, entry.follower_index)) {
    return fail(entry, "Pause failed with \"" + *denied + "\". Original failure for initiating pause - " + reason);
  }
  transition(entry.overall, OverallState::kPaused);
  entry.reason = reason;
  trace_state(world_, entry, "auto-paused");
  retire_task(entry);
}

void ReplicationService::complete_after_leader_deleted(ReplicationEntry& entry) {
  retire_task(entry);
  world_.domain(entry.follower_domain).delete_index(entry.follower_index);
  entry.stopped = true;
  transition(entry.overall, OverallState::kNone);
}

void ReplicationService::fail(ReplicationEntry& entry, const std::string& reason) {
  transition(entry.overall, OverallState::kFailed);
  entry.reason = reason;
  trace_state(world_, entry, "failed");
  retire_task(entry);
}

// ---------------------------------------------------------------------------------------------------------------
// Start

std::optional<RestResponse> ReplicationService::check_leader_for_start(DomainId follower,
                                                                       const StartReplicationRequest& request,
                                                                       DomainId leader) {
  if (!ctx_.transport.reachable(follower, leader)) {
    return opensearch_error(500, "replication_exception",
                            "Setup checks failed while setting-up replication for " + request.follower_index);
  }
  Domain& leader_domain = world_.domain(leader);
  leader_domain.catch_up_writes(world_.now());
  const Index* index = leader_domain.find_index(request.leader_index);
  if (index == nullptr) {
    for (const auto& [name, candidate] : leader_domain.indices()) {
      (void)name;
      if (candidate->aliases().count(request.leader_index) != 0) {
        return errors::leader_index_not_found(request.leader_alias + ":" + request.leader_index);
      }
    }
    return errors::leader_index_not_found(request.leader_index);
  }
  if (auto refusal = leader_version_refusal(leader_domain, world_.domain(follower), request.leader_index)) {
    return refusal;
  }
  if (index->closed()) return errors::leader_primaries_inactive(request.leader_alias, request.leader_index);
  if (!index->follower_of().empty()) return errors::replicated_index(request.leader_index);
  if (!soft_deletes_enabled(*index)) return errors::soft_deletes_disabled();
  return std::nullopt;
}

sim_time_us ReplicationService::round_trip_us(DomainId a, DomainId b) {
  return ctx_.transport.message_latency_us(a, b) + ctx_.transport.message_latency_us(b, a);
}

void ReplicationService::start(DomainId follower, const StartReplicationRequest& request, Responder done) {
  Domain& follower_domain = world_.domain(follower);
  const Connection* connection = nullptr;
  if (auto refusal = leader_connection_refusal(world_.connections(), follower, request.leader_alias, connection)) {
    return done(std::move(*refusal));
  }
  if (follower_domain.spec().fine_grained_access_control && !request.has_use_roles) {
    return done(errors::follower_roles_mandatory());
  }
  // Setup checks (validated on the leader) and the leader's index metadata: two round trips before the follower's
  // cluster manager acts on the request.
  const DomainId leader = connection->remote;
  const sim_time_us wait_us = round_trip_us(follower, leader) + round_trip_us(follower, leader);
  replies_.after(wait_us, [this, follower, request, done = std::move(done)]() mutable {
    start_after_remote_checks(follower, request, std::move(done));
  });
}

void ReplicationService::start_after_remote_checks(DomainId follower, const StartReplicationRequest& request,
                                                   Responder done) {
  Domain& follower_domain = world_.domain(follower);
  const Connection* connection = nullptr;
  if (auto refusal = leader_connection_refusal(world_.connections(), follower, request.leader_alias, connection)) {
    return done(std::move(*refusal));
  }
  // The setup checks (docs/security.md "use_roles and the start sequence") and the leader's IAM policy come before
  // anything looks at the leader index. Starts by an auto-follow rule (started_by "autofollow:<rule>") skip the setup
  // checks, as isAutoFollowRequest does.
  SetupCheckRequest setup{request.user, request.follower_index, request.leader_index, request.leader_cluster_role,
                          request.follower_cluster_role};
  setup.auto_follow = request.started_by != "request";
  if (auto denied = check_setup(follower_domain, world_.domain(connection->remote), setup)) {
    return done(std::move(*denied));
  }
  if (auto error = check_leader_for_start(follower, request, connection->remote)) return done(std::move(*error));
  if (resolve_replication_settings(follower_domain).block_start) return done(errors::start_block_set());
  if (ReplicationEntry* existing = active_entry(follower, request.follower_index)) {
    const TransitionOutcome outcome = decide(phase(*existing), UserAction::kStart);
    return done(errors::refusal(outcome.refusal, request.follower_index, existing->overall));
  }
  if (follower_domain.find_index(request.follower_index) != nullptr) {
    return done(errors::follower_index_exists(request.follower_index));
  }
  if (cluster_read_only(follower_domain)) return done(errors::cluster_read_only());

  ReplicationEntry& e = add_entry(follower, request, connection->remote);
  trace_state(world_, e, "started");
  replies_.wait_for(e.id, request.wait_for_restore ? IndexTaskState::kFollowing : IndexTaskState::kRestoring,
                    std::move(done));
  start_task(e);
}

ReplicationEntry& ReplicationService::add_entry(DomainId follower, const StartReplicationRequest& request,
                                                DomainId leader) {
  auto entry = std::make_unique<ReplicationEntry>();
  entry->id = static_cast<int>(entries_.size());
  entry->follower_domain = follower;
  entry->follower_index = request.follower_index;
  entry->leader_domain = leader;
  entry->leader_alias = request.leader_alias;
  entry->leader_index = request.leader_index;
  entry->leader_index_uuid = world_.domain(leader).find_index(request.leader_index)->uuid();
  entry->started_by = request.started_by;
  entry->leader_cluster_role = request.leader_cluster_role;
  entry->follower_cluster_role = request.follower_cluster_role;
  entry->settings_overrides = request.settings;
  entry->started_us = world_.now();
  return *entries_.emplace_back(std::move(entry));
}

void ReplicationService::start_task(ReplicationEntry& entry) {
  entry.task = std::make_unique<IndexReplicationTask>(ctx_, entry);
  entry.task->start();
}

// ---------------------------------------------------------------------------------------------------------------
// Pause, resume, stop, update

RestResponse ReplicationService::pause(DomainId follower, const std::string& index,
                                       const std::optional<std::string>& reason) {
  ReplicationEntry* entry = active_entry(follower, index);
  if (entry == nullptr) return errors::no_replication_in_progress(index);
  const TransitionOutcome outcome = decide(phase(*entry), UserAction::kPause);
  if (!outcome.allowed) return errors::refusal(outcome.refusal, index, entry->overall);
  transition(entry->overall, OverallState::kPaused);
  entry->reason = reason.value_or("User initiated");
  trace_state(world_, *entry, "paused");
  retire_task(*entry);
  return acknowledged();
}

void ReplicationService::restart_bootstrap(ReplicationEntry& entry, const Index& leader, Responder done) {
  for (int s = 0; s < leader.number_of_shards(); ++s) ctx_.leases.remove(lease_key(entry, s));
  world_.domain(entry.follower_domain).delete_index(entry.follower_index);
  transition(entry.overall, OverallState::kRunning);
  entry.reason = "User initiated";
  entry.leader_index_uuid = leader.uuid();
  entry.bootstrap_start_us = -1;
  entry.bootstrap_end_us = -1;
  replies_.wait_for(entry.id, IndexTaskState::kRestoring, std::move(done));
  start_task(entry);
}

void ReplicationService::resume(DomainId follower, const std::string& index, bool force_resume, Responder done) {
  ReplicationEntry* entry = active_entry(follower, index);
  if (entry == nullptr) return done(errors::no_replication_in_progress(index));
  const TransitionOutcome outcome = decide(phase(*entry), UserAction::kResume);
  if (!outcome.allowed) return done(errors::refusal(outcome.refusal, index, entry->overall));
  if (world_.connections().find_active(follower, entry->leader_alias) == nullptr) {
    return done(errors::no_such_remote_cluster(entry->leader_alias));
  }
  // The leases are probed on the leader (renewed with "retain all"): one round trip. The checks run again on the
  // answer, since a pause, stop or leader change may have come in between.
  const sim_time_us wait_us = round_trip_us(follower, entry->leader_domain);
  replies_.after(wait_us, [this, follower, index, force_resume, done = std::move(done)]() mutable {
    resume_after_lease_probe(follower, index, force_resume, std::move(done));
  });
}

void ReplicationService::resume_after_lease_probe(DomainId follower, const std::string& index, bool force_resume,
                                                  Responder done) {
  ReplicationEntry* entry = active_entry(follower, index);
  if (entry == nullptr) return done(errors::no_replication_in_progress(index));
  const TransitionOutcome outcome = decide(phase(*entry), UserAction::kResume);
  if (!outcome.allowed) return done(errors::refusal(outcome.refusal, index, entry->overall));
  if (world_.connections().find_active(follower, entry->leader_alias) == nullptr) {
    return done(errors::no_such_remote_cluster(entry->leader_alias));
  }
  Domain& leader_domain = world_.domain(entry->leader_domain);
  leader_domain.catch_up_writes(world_.now());
  const Index* leader = leader_domain.find_index(entry->leader_index);
  if (leader == nullptr) return done(errors::leader_index_not_found(entry->leader_index));
  if (leader->closed()) return done(errors::index_closed(leader->name(), leader->uuid()));
  bool leases_ok = leader->uuid() == entry->leader_index_uuid;
  const sim_time_us period = retention_lease_period_us(*leader);
  for (int s = 0; s < leader->number_of_shards() && leases_ok; ++s) {
    leases_ok = ctx_.leases.alive(lease_key(*entry, s), world_.now(), period);
  }
  if (!leases_ok && force_resume) return restart_bootstrap(*entry, *leader, std::move(done));
  if (!leases_ok) {
    for (int s = 0; s < leader->number_of_shards(); ++s) ctx_.leases.remove(lease_key(*entry, s));
    const EngineVersion version = engine_version_or_default(world_.domain(follower).spec().engine_version);
    return done(errors::retention_lease_missing(index, version));
  }
  transition(entry->overall, OverallState::kRunning);
  entry->reason = "User initiated";
  trace_state(world_, *entry, "resumed");
  replies_.wait_for(entry->id, IndexTaskState::kFollowing, std::move(done));
  start_task(*entry);
}

RestResponse ReplicationService::stop(DomainId follower, const std::string& index) {
  ReplicationEntry* entry = active_entry(follower, index);
  if (entry == nullptr) return errors::no_replication_in_progress(index);
  const TransitionOutcome outcome = decide(phase(*entry), UserAction::kStop);
  if (!outcome.allowed) return errors::refusal(outcome.refusal, index, entry->overall);
  const bool restoring = entry->task != nullptr && entry->task->restore_in_progress();
  const int shards = entry->task != nullptr && !entry->task->bootstrap().empty()
                         ? static_cast<int>(entry->task->bootstrap().size())
                         : 0;
  retire_task(*entry);
  // Best-effort lease removal: only when the leader can be reached (otherwise they expire on their own).
  if (ctx_.transport.reachable(follower, entry->leader_domain)) {
    const Index* f = world_.domain(follower).find_index(index);
    const int n = f != nullptr ? f->number_of_shards() : shards;
    for (int s = 0; s < n; ++s) ctx_.leases.remove(lease_key(*entry, s));
  }
  Domain& follower_domain = world_.domain(follower);
  if (restoring) {
    follower_domain.delete_index(index);  // the index task's cleanup removes a half-restored follower
  } else if (Index* f = follower_domain.find_index(index)) {
    f->set_replication_block(false);
    f->set_follower_of("");
  }
  entry->stopped = true;
  transition(entry->overall, OverallState::kNone);
  trace_state(world_, *entry, "stopped");
  return acknowledged();
}

RestResponse ReplicationService::update(DomainId follower, const std::string& index, const json& settings) {
  ReplicationEntry* entry = active_entry(follower, index);
  if (entry == nullptr) return errors::no_replication_in_progress(index);
  const TransitionOutcome outcome = decide(phase(*entry), UserAction::kUpdate);
  if (!outcome.allowed) return errors::refusal(outcome.refusal, index, entry->overall);
  entry->settings_overrides = settings;  // replaces the stored set wholesale
  return acknowledged();
}

// ---------------------------------------------------------------------------------------------------------------
// Stats and notifications

RestResponse ReplicationService::follower_stats(DomainId follower) {
  return follower_stats_response(entries_, follower);
}

RestResponse ReplicationService::leader_stats(DomainId leader) {
  return leader_stats_response(ctx_, leader);
}

void ReplicationService::notify_leader_changed(DomainId domain, const std::string& index) {
  for (auto& entry : entries_) {
    if (entry->task != nullptr && entry->leader_domain == domain && entry->leader_index == index) {
      entry->task->poke_shards();
    }
  }
}

}  // namespace ccrsim
