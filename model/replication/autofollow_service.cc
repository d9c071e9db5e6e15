#include "model/replication/autofollow_service.h"

#include "model/domain.h"
#include "model/replication/replication_errors.h"
#include "model/rest/index_settings.h"
#include "model/security/access_control.h"
#include "scenario/engine_versions.h"
#include "sim/assert.h"

namespace ccrsim {

namespace {

// The plugin throws a bare OpenSearchException for both rule-state errors: type `exception`, status 500.
RestResponse rule_exists() {
  return opensearch_error(500, "exception", "Exisiting autofollow replication rule cannot be recreated/updated");
}

RestResponse rule_missing(const std::string& alias, const std::string& name) {
  return opensearch_error(500, "exception", "Autofollow replication rule " + alias + ":" + name + " does not exist");
}

// #1739 made DELETE of a missing rule idempotent after 3.8; 2.14 to 3.8 answered 500.
bool delete_of_missing_rule_fails(const EngineVersion& v) {
  return v.opensearch_at_least(2, 14) && !v.opensearch_at_least(3, 9);
}

}  // namespace

AutofollowService::AutofollowService(ReplicationService& replication)
    : replication_(replication), world_(replication.world()) {}

AutofollowService::~AutofollowService() {
  for (EventHandle& h : pending_events_) world_.sim().cancel(h);
}

AutofollowTask* AutofollowService::find_active(DomainId follower, const std::string& leader_alias,
                                               const std::string& name) {
  for (auto& task : tasks_) {
    const AutofollowRule& r = task->rule();
    if (task->active() && r.follower == follower && r.leader_alias == leader_alias && r.name == name) {
      return task.get();
    }
  }
  return nullptr;
}

void AutofollowService::create(AutofollowRule rule, Responder done) {
  const Connection* connection = world_.connections().find_active(rule.follower, rule.leader_alias);
  if (connection == nullptr) return done(replication_errors::no_such_remote_cluster(rule.leader_alias));
  // Setup checks are validated on the leader with the pattern as resource: one round trip.
  const DomainId leader = connection->remote;
  CCRSIM_ASSERT(leader != rule.follower && connection->local == rule.follower);
  const sim_time_us rtt_us = world_.network().one_way_latency_us(rule.follower, leader) +
                             world_.network().one_way_latency_us(leader, rule.follower);
  CCRSIM_ASSERT(rtt_us >= 0);
  CCRSIM_ASSERT(pending_.size() == pending_events_.size());  // one timer per pending creation
  const std::uint64_t id = pending_.size();
  pending_.push_back({std::move(rule), std::move(done)});
  pending_events_.push_back(world_.sim().schedule_in(rtt_us, this, id));
}

void AutofollowService::on_event(std::uint64_t arg) {
  CCRSIM_ASSERT(arg < pending_.size());
  if (arg >= pending_.size() || !pending_[arg].done) return;
  Pending pending = std::move(pending_[arg]);
  pending_[arg] = Pending{};
  CCRSIM_ASSERT(!pending_[arg].done);  // answered once
  create_after_setup_checks(pending);
}

void AutofollowService::create_after_setup_checks(Pending& pending) {
  AutofollowRule& rule = pending.rule;
  const Connection* connection = world_.connections().find_active(rule.follower, rule.leader_alias);
  if (connection == nullptr) return pending.done(replication_errors::no_such_remote_cluster(rule.leader_alias));
  if (!world_.network().reachable(rule.follower, connection->remote)) {
    return pending.done(
        opensearch_error(500, "replication_exception", "Setup checks failed while setting-up auto follow pattern"));
  }
  // The setup checks of a start (docs/security.md "use_roles and the start sequence"), with the pattern standing for
  // both indices; the rule's own starts skip them later (isAutoFollowRequest) and run as the roles stored here.
  const Domain& follower = world_.domain(rule.follower);
  if (follower.spec().fine_grained_access_control && !rule.has_use_roles) {
    return pending.done(replication_errors::follower_roles_mandatory());
  }
  const SetupCheckRequest setup{rule.user, rule.pattern, rule.pattern, rule.leader_cluster_role,
                                rule.follower_cluster_role};
  if (auto denied = check_setup(follower, world_.domain(connection->remote), setup)) {
    return pending.done(std::move(*denied));
  }
  // The cluster-manager action validates the overrides as index-scoped settings.
  FlatSettings prefixed;
  if (auto error = normalize_index_settings(rule.settings, prefixed)) return pending.done(std::move(*error));
  if (auto error = validate_index_settings(prefixed)) return pending.done(std::move(*error));
  // The real plugin overwrites the rule's metadata before this error (the new pattern would apply after a task
  // restart); tasks never restart here, so the running rule keeps its pattern.
  if (find_active(rule.follower, rule.leader_alias, rule.name) != nullptr) return pending.done(rule_exists());
  tasks_.push_back(std::make_unique<AutofollowTask>(replication_, std::move(rule)));
  tasks_.back()->start();
  CCRSIM_ASSERT(tasks_.back()->active());
  pending.done(acknowledged());
}

RestResponse AutofollowService::remove(DomainId follower, const std::string& leader_alias, const std::string& name) {
  if (AutofollowTask* task = find_active(follower, leader_alias, name)) {
    task->stop();
    CCRSIM_ASSERT(!task->active());
    CCRSIM_ASSERT(find_active(follower, leader_alias, name) == nullptr);  // at most one active rule per name
    return acknowledged();
  }
  const EngineVersion version = engine_version_or_default(world_.domain(follower).spec().engine_version);
  if (delete_of_missing_rule_fails(version)) return rule_missing(leader_alias, name);
  return acknowledged();
}

RestResponse AutofollowService::stats(DomainId follower) const {
  int success = 0, failed = 0, leader_calls = 0;
  std::set<std::string> failed_union;
  json rules = json::array();
  for (const auto& task : tasks_) {
    if (!task->active() || task->rule().follower != follower) continue;
    success += task->num_success();
    failed += task->num_failed_last_poll();
    leader_calls += task->num_failed_leader_calls();
    failed_union.insert(task->failed_indices().begin(), task->failed_indices().end());
    rules.push_back(task->stats_json());
  }
  CCRSIM_ASSERT(success >= 0 && failed >= 0 && leader_calls >= 0);
  json body = json::object();
  body["num_success_start_replication"] = success;
  body["num_failed_start_replication"] = failed;
  body["num_failed_leader_calls"] = leader_calls;
  body["failed_indices"] = json::array();
  for (const std::string& name : failed_union) body["failed_indices"].push_back(name);
  body["autofollow_stats"] = std::move(rules);
  return RestResponse::ok(std::move(body));
}

}  // namespace ccrsim
