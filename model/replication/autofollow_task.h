#pragma once
// One auto-follow rule's task on its follower domain (docs/autofollow.md "The task", AutoFollowTask): polls the leader
// for open, non-hidden indices matching the rule's pattern, starts replication of the new ones through the one
// ReplicationService start path (sequentially, at most concurrent_replication_jobs_trigger_size in flight), keeps
// the failed ones out until the hourly retry clear, and keeps the stats of docs/autofollow.md "GET
// _plugins/_replication/autofollow_stats".
//
// Cost: one poll event and one listing-answer event per rule per fetch_poll_interval, one clear event per
// retry_poll_interval. Nothing here runs per index per tick.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "model/replication/replication_service.h"
#include "sim/event_queue.h"
#include "sim/json.h"

namespace ccrsim {

struct AutofollowRule {
  DomainId follower = 0;
  std::string leader_alias;
  std::string name;
  std::string pattern;
  // use_roles of the ADD and its user: every start the rule makes runs its background requests as these roles.
  bool has_use_roles = false;
  std::string leader_cluster_role;
  std::string follower_cluster_role;
  std::string user = "admin";
  json settings = json::object();  // overrides for every follower the rule creates, flat dotted keys
};

// A replication the rule started (the report's per-index delay).
struct AutofollowStarted {
  std::string leader_index;
  sim_time_us leader_created_us = 0;
  sim_time_us started_us = 0;
  int entry_id = -1;  // ReplicationService entry
};

// Failed starts of one leader index, folded (a dot-index fails every retry window: one record, a count).
struct AutofollowFailure {
  std::string leader_index;
  std::string reason;  // the last failure's reason
  int count = 0;
  sim_time_us first_us = 0;
  sim_time_us last_us = 0;
};

class AutofollowTask final : public EventTarget {
 public:
  AutofollowTask(ReplicationService& service, AutofollowRule rule);
  ~AutofollowTask() override;
  AutofollowTask(const AutofollowTask&) = delete;
  AutofollowTask& operator=(const AutofollowTask&) = delete;

  // Creating the rule: the first poll happens at once.
  void start();
  // Deleting the rule: no new starts; replications already started go on.
  void stop();
  bool active() const { return active_; }
  const AutofollowRule& rule() const { return rule_; }

  // The rule's entry of GET autofollow_stats (docs/autofollow.md "GET _plugins/_replication/autofollow_stats").
  json stats_json() const;
  int num_success() const { return num_success_; }
  int num_failed_last_poll() const { return num_failed_last_poll_; }
  int num_failed_leader_calls() const { return num_failed_leader_calls_; }
  const std::set<std::string>& failed_indices() const { return failed_indices_; }

  // Report.
  sim_time_us created_us() const { return created_us_; }
  sim_time_us deleted_us() const { return deleted_us_; }
  std::int64_t polls() const { return polls_; }
  int num_failed_total() const { return num_failed_total_; }
  const std::vector<AutofollowStarted>& started() const { return started_; }
  const std::vector<AutofollowFailure>& failures() const { return failures_; }

  void on_event(std::uint64_t arg) override;

 private:
  enum class Kind : std::uint64_t { kPoll = 1, kListed, kRetryClear };

  void poll();
  void listed();
  void start_next();
  void record_result(const std::string& leader_index, sim_time_us leader_created_us, const RestResponse& response);
  void record_failure(const std::string& leader_index, const std::string& reason);
  void finish_poll();
  void leader_call_failed();  // no active connection, or the leader unreachable: counted, nothing starts
  bool leader_reachable(DomainId& leader) const;
  void trace(const std::string& message) const;

  ReplicationService& service_;
  World& world_;
  AutofollowRule rule_;
  bool active_ = false;
  sim_time_us created_us_ = 0;
  sim_time_us deleted_us_ = -1;

  // AutoFollowStat
  int num_success_ = 0;
  int num_failed_last_poll_ = 0;
  int num_failed_leader_calls_ = 0;
  std::set<std::string> failed_indices_;
  sim_time_us last_execution_us_ = -1;

  std::int64_t polls_ = 0;
  int num_failed_total_ = 0;
  std::vector<std::string> in_flight_;  // follower names started by this rule, until they leave BOOTSTRAPPING
  std::vector<std::pair<std::string, sim_time_us>> to_start_;  // this poll's picks not yet started, with creation
  std::size_t next_to_start_ = 0;
  bool starting_ = false;       // a start call is out
  bool in_start_call_ = false;  // inside ReplicationService::start (its answer may come before it returns)
  std::vector<AutofollowStarted> started_;
  std::vector<AutofollowFailure> failures_;

  EventHandle poll_event_;
  EventHandle listed_event_;
  EventHandle retry_event_;
};

}  // namespace ccrsim
