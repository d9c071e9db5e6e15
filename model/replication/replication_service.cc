#include "model/replication/replication_service.h"

#include <algorithm>
#include <cassert>

#include "model/domain.h"
#include "model/index.h"
#include "model/replication/leader_connection.h"
#include "model/replication/replication_errors.h"
#include "model/replication/replication_settings.h"
#include "model/security/access_control.h"
#include "scenario/engine_versions.h"

namespace ccrsim {

namespace errors = replication_errors;

namespace {

constexpr std::uint64_t kKindMask = 0xF;
constexpr int kIdShift = 4;
constexpr sim_time_us kLeaderStatsActiveUs = 5 * kUsPerMin;
constexpr std::int64_t kTranslogRetentionCapBytes = 512LL * 1024 * 1024;

int rank(IndexTaskState s) {
  switch (s) {
    case IndexTaskState::kInit:
      return 0;
    case IndexTaskState::kRestoring:
      return 1;
    case IndexTaskState::kInitFollow:
      return 2;
    case IndexTaskState::kFollowing:
      return 3;
    case IndexTaskState::kMonitoring:
      return 4;
    case IndexTaskState::kFailed:
    case IndexTaskState::kCompleted:
      return -1;
  }
  return -1;
}

RestResponse not_in_progress() {
  json body = json::object();
  body["status"] = "REPLICATION NOT IN PROGRESS";
  return RestResponse::ok(std::move(body));
}

double percent(std::int64_t part, std::int64_t whole) {
  return whole <= 0 ? 100.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

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
      ctx_(world, *owned_transport_, *this) {}

ReplicationService::ReplicationService(World& world, ReplicationTransport& transport)
    : world_(world), ctx_(world, transport, *this) {}

ReplicationService::~ReplicationService() {
  for (auto& entry : entries_) entry->task.reset();
  graveyard_.clear();
  world_.sim().cancel(collect_event_);
  for (Waiter& w : waiters_) world_.sim().cancel(w.timeout);
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
    collect_event_ = world_.sim().schedule_in(0, this, static_cast<std::uint64_t>(Kind::kCollect));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Waiting API calls

void ReplicationService::add_waiter(ReplicationEntry& entry, IndexTaskState target, Responder done) {
  Waiter w;
  w.entry_id = entry.id;
  w.target = target;
  w.done = std::move(done);
  const auto id = static_cast<std::uint64_t>(waiters_.size());
  w.timeout = world_.sim().schedule_in(kApiWaitTimeoutUs, this,
                                       (id << kIdShift) | static_cast<std::uint64_t>(Kind::kWaitTimeout));
  waiters_.push_back(std::move(w));
}

void ReplicationService::answer_waiter(std::size_t w, RestResponse response) {
  Waiter& waiter = waiters_[w];
  if (waiter.answered) return;
  waiter.answered = true;
  world_.sim().cancel(waiter.timeout);
  // Delivered from an event of our own: the responder may run the next scenario step, which must not find a task
  // half-way through its own callback.
  waiter.pending = std::move(response);
  world_.sim().schedule_in(0, this,
                           (static_cast<std::uint64_t>(w) << kIdShift) | static_cast<std::uint64_t>(Kind::kRespond));
}

void ReplicationService::task_state_changed(ReplicationEntry& entry) {
  ctx_.probes.status_may_have_changed(entry, world_.now());
  if (entry.task == nullptr) return;
  const IndexTaskState state = entry.task->state();
  for (std::size_t w = 0; w < waiters_.size(); ++w) {
    if (waiters_[w].answered || waiters_[w].entry_id != entry.id) continue;
    if (rank(state) >= rank(waiters_[w].target)) answer_waiter(w, acknowledged());
  }
}

void ReplicationService::on_event(std::uint64_t arg) {
  const auto kind = static_cast<Kind>(arg & kKindMask);
  const auto id = static_cast<std::size_t>(arg >> kIdShift);
  switch (kind) {
    case Kind::kCollect:
      graveyard_.clear();
      break;
    case Kind::kWaitTimeout:
      if (id < waiters_.size() && !waiters_[id].answered) {
        waiters_[id].answered = true;
        Responder done = std::move(waiters_[id].done);
        done(errors::wait_timed_out());
      }
      break;
    case Kind::kDeferred:
      if (id < deferred_.size() && deferred_[id]) {
        std::function<void()> fn = std::move(deferred_[id]);
        deferred_[id] = nullptr;
        fn();
      }
      break;
    case Kind::kRespond:
      if (id < waiters_.size() && waiters_[id].pending) {
        RestResponse response = std::move(*waiters_[id].pending);
        waiters_[id].pending.reset();
        Responder done = std::move(waiters_[id].done);
        done(std::move(response));
      }
      break;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Autonomous transitions

void ReplicationService::auto_pause(ReplicationEntry& entry, const std::string& reason) {
  // The auto-pause is a pause request running as the follower role (facts §5): a role without the pause action
  // turns it into a failure.
  const SecurityConfig& security = world_.domain(entry.follower_domain).security();
  if (auto denied =
          role_denial(security, entry.follower_cluster_role, replication_action::kPause, entry.follower_index)) {
    return fail(entry, "Pause failed with \"" + *denied + "\". Original failure for initiating pause - " + reason);
  }
  entry.overall = OverallState::kPaused;
  entry.reason = reason;
  trace_state(world_, entry, "auto-paused");
  retire_task(entry);
}

void ReplicationService::complete_after_leader_deleted(ReplicationEntry& entry) {
  retire_task(entry);
  world_.domain(entry.follower_domain).delete_index(entry.follower_index);
  entry.stopped = true;
  entry.overall = OverallState::kNone;
}

void ReplicationService::fail(ReplicationEntry& entry, const std::string& reason) {
  entry.overall = OverallState::kFailed;
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

void ReplicationService::after(sim_time_us delay_us, std::function<void()> fn) {
  const std::uint64_t id = deferred_.size();
  deferred_.push_back(std::move(fn));
  world_.sim().schedule_in(delay_us, this, (id << kIdShift) | static_cast<std::uint64_t>(Kind::kDeferred));
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
  after(wait_us, [this, follower, request, done = std::move(done)]() mutable {
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
  // The setup checks (facts §3) and the leader's IAM policy come before anything looks at the leader index.
  // Starts by an auto-follow rule (started_by "autofollow:<rule>") skip the setup checks, as isAutoFollowRequest does.
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

  auto entry = std::make_unique<ReplicationEntry>();
  entry->id = static_cast<int>(entries_.size());
  entry->follower_domain = follower;
  entry->follower_index = request.follower_index;
  entry->leader_domain = connection->remote;
  entry->leader_alias = request.leader_alias;
  entry->leader_index = request.leader_index;
  entry->leader_index_uuid = world_.domain(connection->remote).find_index(request.leader_index)->uuid();
  entry->started_by = request.started_by;
  entry->leader_cluster_role = request.leader_cluster_role;
  entry->follower_cluster_role = request.follower_cluster_role;
  entry->settings_overrides = request.settings;
  entry->started_us = world_.now();
  ReplicationEntry& e = *entries_.emplace_back(std::move(entry));
  trace_state(world_, e, "started");
  add_waiter(e, request.wait_for_restore ? IndexTaskState::kFollowing : IndexTaskState::kRestoring, std::move(done));
  e.task = std::make_unique<IndexReplicationTask>(ctx_, e);
  e.task->start();
}

// ---------------------------------------------------------------------------------------------------------------
// Pause, resume, stop, update

RestResponse ReplicationService::pause(DomainId follower, const std::string& index,
                                       const std::optional<std::string>& reason) {
  ReplicationEntry* entry = active_entry(follower, index);
  if (entry == nullptr) return errors::no_replication_in_progress(index);
  const TransitionOutcome outcome = decide(phase(*entry), UserAction::kPause);
  if (!outcome.allowed) return errors::refusal(outcome.refusal, index, entry->overall);
  entry->overall = OverallState::kPaused;
  entry->reason = reason.value_or("User initiated");
  trace_state(world_, *entry, "paused");
  retire_task(*entry);
  return acknowledged();
}

void ReplicationService::restart_bootstrap(ReplicationEntry& entry, const Index& leader, Responder done) {
  for (int s = 0; s < leader.number_of_shards(); ++s) ctx_.leases.remove(lease_key(entry, s));
  world_.domain(entry.follower_domain).delete_index(entry.follower_index);
  entry.overall = OverallState::kRunning;
  entry.reason = "User initiated";
  entry.leader_index_uuid = leader.uuid();
  entry.bootstrap_start_us = -1;
  entry.bootstrap_end_us = -1;
  add_waiter(entry, IndexTaskState::kRestoring, std::move(done));
  entry.task = std::make_unique<IndexReplicationTask>(ctx_, entry);
  entry.task->start();
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
  after(wait_us, [this, follower, index, force_resume, done = std::move(done)]() mutable {
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
  entry->overall = OverallState::kRunning;
  entry->reason = "User initiated";
  trace_state(world_, *entry, "resumed");
  add_waiter(*entry, IndexTaskState::kFollowing, std::move(done));
  entry->task = std::make_unique<IndexReplicationTask>(ctx_, *entry);
  entry->task->start();
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
  entry->overall = OverallState::kNone;
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
// Status and metrics

const Index* ReplicationService::replicated_leader(const ReplicationEntry& entry) {
  Domain& leader_domain = world_.domain(entry.leader_domain);
  leader_domain.catch_up_writes(world_.now());
  const Index* leader = leader_domain.find_index(entry.leader_index);
  return leader != nullptr && leader->uuid() == entry.leader_index_uuid ? leader : nullptr;
}

json ReplicationService::running_status(ReplicationEntry& entry, bool verbose) {
  json body = json::object();
  const Index* follower = world_.domain(entry.follower_domain).find_index(entry.follower_index);
  const Index* leader = replicated_leader(entry);
  const IndexReplicationTask* task = entry.task.get();
  const int shards = follower != nullptr ? follower->number_of_shards() : 0;
  auto bootstrapping = [&](int s) {
    return task != nullptr && !task->bootstrap().empty() && !task->bootstrap()[static_cast<std::size_t>(s)].done;
  };
  std::string status = "RUNNING";
  if (shards > 0) status = bootstrapping(0) ? "BOOTSTRAPPING" : "SYNCING";
  body["status"] = status;
  body["reason"] = entry.reason;
  body["leader_alias"] = entry.leader_alias;
  body["leader_index"] = entry.leader_index;
  body["follower_index"] = entry.follower_index;

  std::int64_t lcp = 0, fcp = 0, seq = 0, bytes_total = 0, bytes_rec = 0, files_total = 0, files_rec = 0;
  double bytes_pct = 0, files_pct = 0;
  std::int64_t start_ms = INT64_MAX, running_ms = 0;
  int syncing = 0, booting = 0;
  json details = json::array();
  for (int s = 0; s < shards; ++s) {
    json shard = json::object();
    shard["shard_id"] = "[" + entry.follower_index + "][" + std::to_string(s) + "]";
    if (bootstrapping(s)) {
      const ShardBootstrap& b = task->bootstrap()[static_cast<std::size_t>(s)];
      json d = json::object();
      d["bytes_total"] = b.bytes_total;
      d["bytes_recovered"] = b.bytes_recovered;
      d["bytes_percent"] = percent(b.bytes_recovered, b.bytes_total);
      d["files_total"] = b.files_total;
      d["files_recovered"] = b.files_recovered;
      d["files_percent"] = percent(b.files_recovered, b.files_total);
      d["start_time"] = epoch_millis(b.start_us);
      d["running_time"] = (world_.now() - b.start_us) / kUsPerMs;
      bytes_total += b.bytes_total;
      bytes_rec += b.bytes_recovered;
      files_total += b.files_total;
      files_rec += b.files_recovered;
      bytes_pct += d["bytes_percent"].get<double>();
      files_pct += d["files_percent"].get<double>();
      start_ms = std::min(start_ms, epoch_millis(b.start_us));
      running_ms = std::max(running_ms, (world_.now() - b.start_us) / kUsPerMs);
      ++booting;
      shard["bootstrap_task_details"] = std::move(d);
    } else {
      const Shard& fs = follower->shard(s);
      // A missing leader shard keeps the follower's own checkpoint (Corrections).
      const std::int64_t l = leader != nullptr ? leader->shard(s).global_checkpoint() : fs.global_checkpoint();
      json d = json::object();
      d["leader_checkpoint"] = l;
      d["follower_checkpoint"] = fs.global_checkpoint();
      d["seq_no"] = fs.local_checkpoint() + 1;
      lcp += l;
      fcp += fs.global_checkpoint();
      seq += fs.local_checkpoint() + 1;
      ++syncing;
      shard["syncing_task_details"] = std::move(d);
    }
    details.push_back(std::move(shard));
  }
  if (syncing > 0) {
    body["syncing_details"] = json{{"leader_checkpoint", lcp}, {"follower_checkpoint", fcp}, {"seq_no", seq}};
  }
  if (booting > 0) {
    json b = json::object();
    b["bytes_total"] = bytes_total;
    b["bytes_recovered"] = bytes_rec;
    b["bytes_percent"] = bytes_pct / booting;
    b["files_total"] = files_total;
    b["files_recovered"] = files_rec;
    b["files_percent"] = files_pct / booting;
    b["start_time"] = start_ms;
    b["running_time"] = running_ms;
    body["bootstrap_details"] = std::move(b);
  }
  if (verbose && shards > 0) body["shard_replication_details"] = std::move(details);
  return body;
}

RestResponse ReplicationService::status(DomainId follower, const std::string& index, bool verbose) {
  ReplicationEntry* entry = active_entry(follower, index);
  if (entry == nullptr) return not_in_progress();
  if (entry->overall != OverallState::kRunning) {
    json body = json::object();
    body["status"] = to_string(entry->overall);
    body["reason"] = entry->reason;
    body["leader_alias"] = entry->leader_alias;
    body["leader_index"] = entry->leader_index;
    body["follower_index"] = entry->follower_index;
    return RestResponse::ok(std::move(body));
  }
  if (world_.connections().find_active(follower, entry->leader_alias) == nullptr) return not_in_progress();
  if (!ctx_.transport.reachable(follower, entry->leader_domain)) return errors::status_fetch_failed();
  const Index* leader = world_.domain(entry->leader_domain).find_index(entry->leader_index);
  if (leader == nullptr) return not_in_progress();  // IndexNotFoundException is a resource-not-found
  if (leader->closed()) return errors::status_fetch_failed();
  return RestResponse::ok(running_status(*entry, verbose));
}

std::string ReplicationService::status_string(const ReplicationEntry& entry) {
  if (entry.stopped) return "STOPPED";
  if (entry.overall != OverallState::kRunning) return to_string(entry.overall);
  const IndexReplicationTask* task = entry.task.get();
  if (task == nullptr) return "RUNNING";
  if (!task->bootstrap().empty() && !task->bootstrap()[0].done) return "BOOTSTRAPPING";
  return "SYNCING";
}

std::int64_t ReplicationService::follower_checkpoint(const ReplicationEntry& entry) const {
  const Index* follower = world_.domain(entry.follower_domain).find_index(entry.follower_index);
  if (follower == nullptr) return 0;
  std::int64_t sum = 0;
  for (const Shard& s : follower->shards()) sum += s.global_checkpoint();
  return sum;
}

std::int64_t ReplicationService::leader_checkpoint(const ReplicationEntry& entry) {
  const Index* leader = replicated_leader(entry);
  const Index* follower = world_.domain(entry.follower_domain).find_index(entry.follower_index);
  if (leader == nullptr) return follower_checkpoint(entry);
  std::int64_t sum = 0;
  for (int s = 0; s < leader->number_of_shards(); ++s) {
    const bool has_follower_shard = follower != nullptr && s < follower->number_of_shards();
    sum += has_follower_shard || follower == nullptr ? leader->shard(s).global_checkpoint() : 0;
  }
  return sum;
}

sim_time_us ReplicationService::time_lag_us(const ReplicationEntry& entry) {
  const Index* leader = replicated_leader(entry);
  const Index* follower = world_.domain(entry.follower_domain).find_index(entry.follower_index);
  if (leader == nullptr) return 0;
  sim_time_us oldest = kTimeNever;
  for (int s = 0; s < leader->number_of_shards(); ++s) {
    const std::int64_t applied =
        follower != nullptr && s < follower->number_of_shards() ? follower->shard(s).max_seq_no() : kNoOpsPerformed;
    const Shard& ls = leader->shard(s);
    if (ls.global_checkpoint() > applied) oldest = std::min(oldest, ls.write_time(applied + 1));
  }
  return oldest == kTimeNever ? 0 : std::max<sim_time_us>(0, world_.now() - oldest);
}

ReplicationSample ReplicationService::sample(const ReplicationEntry& entry) {
  ReplicationSample out;
  out.status = status_string(entry);
  out.running = out.status == "BOOTSTRAPPING" || out.status == "SYNCING" || out.status == "RUNNING";
  out.leader_checkpoint = leader_checkpoint(entry);
  out.follower_checkpoint = follower_checkpoint(entry);
  out.lag_ops = out.leader_checkpoint - out.follower_checkpoint;
  out.lag_time_us = time_lag_us(entry);
  return out;
}

void ReplicationService::notify_leader_changed(DomainId domain, const std::string& index) {
  for (auto& entry : entries_) {
    if (entry->task != nullptr && entry->leader_domain == domain && entry->leader_index == index) {
      entry->task->poke_shards();
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Stats

namespace {
// The nine counters follower_stats prints per index and, in the same order, for the whole node.
void write_follower_counters(json& out, const FollowerShardStats& c) {
  out["operations_written"] = c.operations_written;
  out["operations_read"] = c.operations_read;
  out["failed_read_requests"] = c.failed_read_requests;
  out["throttled_read_requests"] = c.throttled_read_requests;
  out["failed_write_requests"] = c.failed_write_requests;
  out["throttled_write_requests"] = 0;
  out["follower_checkpoint"] = c.follower_checkpoint;
  out["leader_checkpoint"] = c.leader_checkpoint;
  out["total_write_time_millis"] = c.total_write_time_us / kUsPerMs;
}
}  // namespace

RestResponse ReplicationService::follower_stats(DomainId follower) {
  std::int64_t syncing = 0, bootstrapping = 0, paused = 0, failed = 0, shard_tasks = 0;
  FollowerShardStats total = FollowerShardStats::zero();
  json index_stats = json::object();
  for (auto& entry : entries_) {
    if (entry->stopped || entry->follower_domain != follower) continue;
    if (entry->overall == OverallState::kPaused) ++paused;
    if (entry->overall == OverallState::kFailed) ++failed;
    if (entry->overall != OverallState::kRunning) continue;
    const auto* task = entry->task.get();
    const bool live = task != nullptr && !task->shard_tasks().empty();
    (live ? syncing : bootstrapping) += 1;
    if (!live) continue;
    FollowerShardStats sum = FollowerShardStats::zero();
    for (const auto& shard : task->shard_tasks()) {
      ++shard_tasks;
      sum += shard->stats();
    }
    json st = json::object();
    write_follower_counters(st, sum);
    index_stats[entry->follower_index] = std::move(st);
    total += sum;
  }
  json body = json::object();
  body["num_syncing_indices"] = syncing;
  body["num_bootstrapping_indices"] = bootstrapping;
  body["num_paused_indices"] = paused;
  body["num_failed_indices"] = failed;
  body["num_shard_tasks"] = shard_tasks;
  body["num_index_tasks"] = syncing + bootstrapping;
  write_follower_counters(body, total);
  body["index_stats"] = std::move(index_stats);
  return RestResponse::ok(std::move(body));
}

namespace {
// The leader-side counters of one index, or of the whole node: the same seven keys in both places.
struct LeaderCounters {
  std::int64_t operations_read = 0;
  std::int64_t translog_size_bytes = 0;
  std::int64_t read_time_ms = 0;
  std::int64_t bytes_read = 0;

  LeaderCounters& operator+=(const LeaderCounters& o) {
    operations_read += o.operations_read;
    translog_size_bytes += o.translog_size_bytes;
    read_time_ms += o.read_time_ms;
    bytes_read += o.bytes_read;
    return *this;
  }
  // Every read is counted as a translog read: the simulator does not model Lucene fallbacks.
  void write(json& out) const {
    out["operations_read"] = operations_read;
    out["translog_size_bytes"] = translog_size_bytes;
    out["operations_read_lucene"] = 0;
    out["operations_read_translog"] = operations_read;
    out["total_read_time_lucene_millis"] = 0;
    out["total_read_time_translog_millis"] = read_time_ms;
    out["bytes_read"] = bytes_read;
  }
};
}  // namespace

RestResponse ReplicationService::leader_stats(DomainId leader) {
  Domain& domain = world_.domain(leader);
  domain.catch_up_writes(world_.now());
  std::int64_t indices = 0;
  LeaderCounters total;
  json index_stats = json::object();
  auto found = ctx_.leader_stats.find(leader);
  if (found != ctx_.leader_stats.end()) {
    for (const auto& [name, shards] : found->second) {
      const Index* index = domain.find_index(name);
      if (index == nullptr) continue;
      LeaderCounters per_index;
      bool any = false;
      for (const auto& [n, s] : shards) {
        const bool active = s.last_fetch_us >= 0 && world_.now() - s.last_fetch_us <= kLeaderStatsActiveUs;
        if (!active || n >= index->number_of_shards() || !ctx_.leases.any_on(leader, index->uuid(), n)) continue;
        any = true;
        per_index.operations_read += s.operations_read;
        per_index.bytes_read += s.bytes_read;
        per_index.read_time_ms += s.read_time_us / kUsPerMs;
        per_index.translog_size_bytes += std::min(index->shard(n).store_bytes(), kTranslogRetentionCapBytes);
      }
      if (!any) continue;
      ++indices;
      total += per_index;
      json st = json::object();
      per_index.write(st);
      index_stats[name] = std::move(st);
    }
  }
  json body = json::object();
  body["num_replicated_indices"] = indices;
  total.write(body);
  body["index_stats"] = std::move(index_stats);
  return RestResponse::ok(std::move(body));
}

}  // namespace ccrsim
