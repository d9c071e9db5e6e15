#pragma once
// Amazon OpenSearch Service cross-cluster connections. The follower (local, `from`) domain pulls from the leader
// (remote, `to`); the alias is what `leader_alias` names in replication requests.
#include <optional>
#include <string>
#include <vector>

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

struct Connection {
  std::string id;  // "cc-" + 24 characters, as AWS prints connection ids
  std::string alias;
  DomainId local = 0;   // follower
  DomainId remote = 0;  // leader
  bool vpc_endpoint = false;
  bool search_only = false;
  ConnectionStatus status = ConnectionStatus::kActive;
  std::string message;
  sim_time_us created_us = 0;
};

class Connections {
 public:
  Connection& add(Connection c) {
    items_.push_back(std::move(c));
    return items_.back();
  }
  // The active replication-capable connection of `local` with this alias, if any.
  const Connection* find_active(DomainId local, const std::string& alias) const;
  const std::vector<Connection>& all() const { return items_; }
  std::vector<Connection>& all() { return items_; }

 private:
  std::vector<Connection> items_;
};

}  // namespace ccrsim
