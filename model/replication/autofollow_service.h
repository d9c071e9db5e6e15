#pragma once
// The auto-follow rules of every domain (docs/autofollow.md "The API", "The task"): creation (setup checks on the
// leader, then the cluster-manager action that validates the settings and starts the task), deletion (version-dependent
// for a rule that does not exist) and GET autofollow_stats. Tasks of deleted rules are kept, inactive, for the report.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "model/replication/autofollow_task.h"
#include "model/replication/replication_service.h"
#include "model/rest/rest_router.h"
#include "sim/event_queue.h"

namespace ccrsim {

class AutofollowService final : public EventTarget {
 public:
  explicit AutofollowService(ReplicationService& replication);
  ~AutofollowService() override;
  AutofollowService(const AutofollowService&) = delete;
  AutofollowService& operator=(const AutofollowService&) = delete;

  // POST _autofollow after request validation: answers after the setup checks' round trip to the leader.
  void create(AutofollowRule rule, Responder done);
  // DELETE _autofollow after request validation.
  RestResponse remove(DomainId follower, const std::string& leader_alias, const std::string& name);
  // GET autofollow_stats on `follower`: the five top-level keys, one entry per live rule in creation order.
  RestResponse stats(DomainId follower) const;

  // Every rule ever created, in creation order (deleted ones inactive).
  const std::vector<std::unique_ptr<AutofollowTask>>& tasks() const { return tasks_; }
  AutofollowTask* find_active(DomainId follower, const std::string& leader_alias, const std::string& name);

  void on_event(std::uint64_t arg) override;

 private:
  struct Pending {
    AutofollowRule rule;
    Responder done;
  };
  void create_after_setup_checks(Pending& pending);

  ReplicationService& replication_;
  World& world_;
  std::vector<std::unique_ptr<AutofollowTask>> tasks_;
  std::vector<Pending> pending_;  // by id; emptied once answered
  std::vector<EventHandle> pending_events_;
};

// The fields the rule request parser knows (any other is a 400; follower_index_pattern is 3.8+, never offered on AWS).
const std::set<std::string>& autofollow_request_fields();

// Registers POST/DELETE _plugins/_replication/_autofollow and GET _plugins/_replication/autofollow_stats.
void register_autofollow_api(RestRouter& router, AutofollowService& service);

}  // namespace ccrsim
