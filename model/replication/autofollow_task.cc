#include "model/replication/autofollow_task.h"

#include <algorithm>

#include "model/domain.h"
#include "model/replication/replication_errors.h"
#include "model/replication/replication_settings.h"
#include "model/wildcard.h"
#include "sim/assert.h"

namespace ccrsim {

namespace errors = replication_errors;

AutofollowTask::AutofollowTask(ReplicationService& service, AutofollowRule rule)
    : service_(service), world_(service.world()), rule_(std::move(rule)) {
  CCRSIM_ASSERT(rule_.follower >= 0 && rule_.follower < world_.domain_count());
}

AutofollowTask::~AutofollowTask() {
  world_.sim().cancel(poll_event_);
  world_.sim().cancel(listed_event_);
  world_.sim().cancel(retry_event_);
}

void AutofollowTask::start() {
  CCRSIM_ASSERT(!active_ && deleted_us_ < 0);  // a rule starts once, and never after it was deleted
  CCRSIM_ASSERT(!poll_event_.valid() && !retry_event_.valid());
  active_ = true;
  created_us_ = world_.now();
  trace("rule created, pattern '" + rule_.pattern + "'");
  poll_event_ = world_.sim().schedule_in(0, this, static_cast<std::uint64_t>(Kind::kPoll));
  const ReplicationSettings settings = resolve_replication_settings(world_.domain(rule_.follower));
  retry_event_ = world_.sim().schedule_in(settings.autofollow_retry_poll_interval_us, this,
                                          static_cast<std::uint64_t>(Kind::kRetryClear));
}

void AutofollowTask::stop() {
  if (!active_) return;
  active_ = false;
  deleted_us_ = world_.now();
  world_.sim().cancel(poll_event_);
  world_.sim().cancel(listed_event_);
  world_.sim().cancel(retry_event_);
  CCRSIM_ASSERT(!poll_event_.valid() && !listed_event_.valid() && !retry_event_.valid());  // nothing left pending
  CCRSIM_ASSERT(deleted_us_ >= created_us_);
  trace("rule deleted");
}

void AutofollowTask::on_event(std::uint64_t arg) {
  if (!active_) return;
  CCRSIM_ASSERT(arg >= static_cast<std::uint64_t>(Kind::kPoll) && arg <= static_cast<std::uint64_t>(Kind::kRetryClear));
  switch (static_cast<Kind>(arg)) {
    case Kind::kPoll:
      poll();
      break;
    case Kind::kListed:
      listed();
      break;
    case Kind::kRetryClear: {
      failed_indices_.clear();
      const ReplicationSettings settings = resolve_replication_settings(world_.domain(rule_.follower));
      retry_event_ = world_.sim().schedule_in(settings.autofollow_retry_poll_interval_us, this,
                                              static_cast<std::uint64_t>(Kind::kRetryClear));
      break;
    }
  }
}

bool AutofollowTask::leader_reachable(DomainId& leader) const {
  const Connection* connection = world_.connections().find_active(rule_.follower, rule_.leader_alias);
  if (connection == nullptr) return false;
  CCRSIM_ASSERT(connection->local == rule_.follower);
  leader = connection->remote;
  CCRSIM_ASSERT(leader != rule_.follower);
  return world_.network().reachable(rule_.follower, leader);
}

void AutofollowTask::leader_call_failed() {
  ++num_failed_leader_calls_;
  trace("listing the leader's indices failed: leader unreachable");
  finish_poll();
}

void AutofollowTask::poll() {
  // num_failed_start_replication is the latest poll's count (docs/autofollow.md "GET
  // _plugins/_replication/autofollow_stats").
  num_failed_last_poll_ = 0;
  DomainId leader = 0;
  if (!leader_reachable(leader)) return leader_call_failed();
  CCRSIM_ASSERT(!starting_);  // a poll never overlaps the previous one's starts
  // GetIndex on the pattern is one round trip to the leader; the listing is taken when the request arrives.
  const sim_time_us rtt_us = world_.network().one_way_latency_us(rule_.follower, leader) +
                             world_.network().one_way_latency_us(leader, rule_.follower);
  listed_event_ = world_.sim().schedule_in(rtt_us, this, static_cast<std::uint64_t>(Kind::kListed));
}

void AutofollowTask::listed() {
  DomainId leader = 0;
  if (!leader_reachable(leader)) return leader_call_failed();
  Domain& leader_domain = world_.domain(leader);
  leader_domain.catch_up_writes(world_.now());  // rollover writers create their indices on first write
  const Domain& follower_domain = world_.domain(rule_.follower);

  // Queued jobs leave the queue once no longer BOOTSTRAPPING (failed starts too: they stay until this re-check).
  std::vector<std::string> still;
  for (const std::string& name : in_flight_) {
    ReplicationEntry* entry = service_.active_entry(rule_.follower, name);
    if (entry != nullptr && service_.status_string(*entry) == "BOOTSTRAPPING") still.push_back(name);
  }
  in_flight_ = std::move(still);

  const int limit = resolve_replication_settings(follower_domain).autofollow_trigger_size;
  CCRSIM_ASSERT(limit >= 1);
  const int free_slots = std::max(0, limit - static_cast<int>(in_flight_.size()));
  to_start_.clear();
  next_to_start_ = 0;
  for (const auto& [name, index] : leader_domain.indices()) {
    if (static_cast<int>(to_start_.size()) >= free_slots) break;
    if (index->closed() || index->hidden() || !simple_match(rule_.pattern, name)) continue;
    // The follower name is the leader's (2.x); a name that exists on the follower is skipped silently (#327).
    if (follower_domain.find_index(name) != nullptr) continue;
    if (failed_indices_.count(name) != 0) continue;
    if (std::find(in_flight_.begin(), in_flight_.end(), name) != in_flight_.end()) continue;
    to_start_.emplace_back(name, index->created_us());
  }
  CCRSIM_ASSERT(static_cast<int>(to_start_.size()) <= free_slots);  // the trigger size caps a poll's starts
  start_next();
}

void AutofollowTask::start_next() {
  while (active_ && !starting_ && next_to_start_ < to_start_.size()) {
    const auto [leader_index, created_us] = to_start_[next_to_start_++];
    CCRSIM_ASSERT(!leader_index.empty());
    in_flight_.push_back(leader_index);  // failed starts count toward the queue until the next poll
    // The plugin builds a ReplicateIndexRequest and validates it first: a dot-index fails here (#846).
    const std::vector<std::string> problems = errors::name_problems(leader_index);
    if (!problems.empty()) {
      record_result(leader_index, created_us, errors::validation_failed(problems));
      continue;
    }
    StartReplicationRequest request;
    request.follower_index = leader_index;
    request.leader_alias = rule_.leader_alias;
    request.leader_index = leader_index;
    request.has_use_roles = rule_.has_use_roles;
    request.leader_cluster_role = rule_.leader_cluster_role;
    request.follower_cluster_role = rule_.follower_cluster_role;
    request.user = rule_.user;
    request.settings = rule_.settings;
    request.started_by = "autofollow:" + rule_.name;
    // Each start is a full start (the API's wait for RESTORING included); the next begins once it has answered.
    // An answer given during the call itself (e.g. an unknown connection) lets this loop go on without recursing.
    starting_ = true;
    in_start_call_ = true;
    service_.start(rule_.follower, request,
                   [this, leader_index = leader_index, created_us = created_us](RestResponse r) {
                     CCRSIM_ASSERT(starting_);  // one answer per start
                     starting_ = false;
                     record_result(leader_index, created_us, r);
                     if (!in_start_call_) start_next();
                   });
    in_start_call_ = false;
  }
  if (!starting_) finish_poll();
}

void AutofollowTask::record_result(const std::string& leader_index, sim_time_us leader_created_us,
                                   const RestResponse& response) {
  CCRSIM_ASSERT(response.status >= 100 && response.status < 600);
  if (response.status == 200) {
    ++num_success_;
    failed_indices_.erase(leader_index);
    AutofollowStarted s;
    s.leader_index = leader_index;
    s.leader_created_us = leader_created_us;
    s.started_us = world_.now();
    if (const ReplicationEntry* entry = service_.active_entry(rule_.follower, leader_index)) s.entry_id = entry->id;
    started_.push_back(s);
    trace("started replication of " + leader_index);
    return;
  }
  std::string reason = "HTTP " + std::to_string(response.status);
  if (response.body.is_object() && response.body.contains("error") && response.body["error"].contains("reason") &&
      response.body["error"]["reason"].is_string()) {
    reason = response.body["error"]["reason"].get<std::string>();
  }
  record_failure(leader_index, reason);
}

void AutofollowTask::record_failure(const std::string& leader_index, const std::string& reason) {
  failed_indices_.insert(leader_index);
  ++num_failed_last_poll_;
  ++num_failed_total_;
  trace("start of " + leader_index + " failed: " + reason);
  CCRSIM_ASSERT(num_failed_last_poll_ <= num_failed_total_);
  for (AutofollowFailure& f : failures_) {
    if (f.leader_index != leader_index) continue;
    CCRSIM_ASSERT(f.count >= 1 && f.last_us <= world_.now());
    ++f.count;
    f.reason = reason;
    f.last_us = world_.now();
    return;
  }
  failures_.push_back({leader_index, reason, 1, world_.now(), world_.now()});
}

void AutofollowTask::finish_poll() {
  if (!active_) return;
  CCRSIM_ASSERT(!starting_);  // the poll is finished only once its starts have answered
  ++polls_;
  last_execution_us_ = world_.now();
  // The next poll is fetch_poll_interval after this one finished (its starts included).
  const ReplicationSettings settings = resolve_replication_settings(world_.domain(rule_.follower));
  poll_event_ = world_.sim().schedule_in(settings.autofollow_fetch_poll_interval_us, this,
                                         static_cast<std::uint64_t>(Kind::kPoll));
}

json AutofollowTask::stats_json() const {
  json j = json::object();
  j["name"] = rule_.name;
  j["pattern"] = rule_.pattern;
  j["leader_alias"] = rule_.leader_alias;
  j["num_success_start_replication"] = num_success_;
  j["num_failed_start_replication"] = num_failed_last_poll_;
  j["num_failed_leader_calls"] = num_failed_leader_calls_;
  j["failed_indices"] = json::array();
  for (const std::string& name : failed_indices_) j["failed_indices"].push_back(name);
  j["last_execution_time"] = last_execution_us_ < 0 ? 0 : epoch_millis(last_execution_us_);
  return j;
}

void AutofollowTask::trace(const std::string& message) const {
  if (!world_.trace().enabled()) return;
  world_.trace().log(
      world_.now(), "autofollow",
      world_.domain(rule_.follower).name() + "/" + rule_.leader_alias + ":" + rule_.name + " " + message);
}

}  // namespace ccrsim
