#pragma once
// Amazon OpenSearch Service cross-cluster connections. The follower (local, `from`) domain creates an outbound
// connection and pulls from the leader (remote, `to`), which sees it as inbound; the alias is what `leader_alias`
// names in replication requests. One record serves both views: the inbound side never sees the validation states.
// The lifecycle (who moves a connection from one status to the next, and when) is model/aws/connection_lifecycle.
#include <string>
#include <vector>

#include "sim/event_queue.h"
#include "sim/time.h"

namespace ccrsim {

using DomainId = int;

enum class ConnectionStatus {
  kValidating,
  kValidationFailed,
  kPendingAcceptance,
  kApproved,
  kProvisioning,
  kActive,
  kRejecting,
  kRejected,
  kDeleting,
  kDeleted,
};

const char* to_string(ConnectionStatus status);
// Not yet failed, rejected or deleted (nor on its way there): what an alias picks in accept, reject and delete.
bool is_live(ConnectionStatus status);
// Counted against the 20-connected-domains limit: validated and not on its way out.
bool counts_toward_limit(ConnectionStatus status);
// The remote domain's owner sees the connection (inbound): everything after validation succeeded.
bool visible_inbound(ConnectionStatus status);

// AWS keeps a deleted connection visible (status DELETED) for 15 days.
inline constexpr sim_time_us kDeletedVisibleUs = 15 * kUsPerDay;

struct Connection {
  int index = 0;   // position in Connections, stable for the whole run
  std::string id;  // "cc-" + 24 characters, as AWS prints connection ids
  std::string alias;
  DomainId local = 0;   // follower
  DomainId remote = 0;  // leader
  bool vpc_endpoint = false;
  bool search_only = false;  // a legacy cross-cluster-search connection: the console's SEARCH_ONLY
  // The lifecycle sets the status from VALIDATING on; a record added directly (tests) is taken as ACTIVE.
  ConnectionStatus status = ConnectionStatus::kActive;
  std::string message;  // ConnectionStatus.Message: why it failed, was rejected or deleted
  sim_time_us created_us = 0;
  sim_time_us status_since_us = 0;
  EventHandle timer;  // the end of the current stage, when one is pending
};

class Connections {
 public:
  Connection& add(Connection c);
  // The ACTIVE connection of `local` with this alias, if any (search-only ones included: the caller decides).
  const Connection* find_active(DomainId local, const std::string& alias) const;
  // The live connection with this alias whose local (outbound) or remote (inbound) side is `domain`.
  Connection* find_live_outbound(DomainId domain, const std::string& alias);
  Connection* find_live_inbound(DomainId domain, const std::string& alias);
  Connection* find_by_id(const std::string& id);
  // Distinct other domains `domain` is connected to, counting connections that count toward the limit.
  int connected_domain_count(DomainId domain) const;
  bool connected(DomainId a, DomainId b) const;
  const std::vector<Connection>& all() const { return items_; }
  std::vector<Connection>& all() { return items_; }

 private:
  std::vector<Connection> items_;
};

}  // namespace ccrsim
