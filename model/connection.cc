#include "model/connection.h"

#include <set>

#include "sim/assert.h"

namespace ccrsim {

const char* to_string(ConnectionStatus status) {
  switch (status) {
    case ConnectionStatus::kValidating:
      return "VALIDATING";
    case ConnectionStatus::kValidationFailed:
      return "VALIDATION_FAILED";
    case ConnectionStatus::kPendingAcceptance:
      return "PENDING_ACCEPTANCE";
    case ConnectionStatus::kApproved:
      return "APPROVED";
    case ConnectionStatus::kProvisioning:
      return "PROVISIONING";
    case ConnectionStatus::kActive:
      return "ACTIVE";
    case ConnectionStatus::kRejecting:
      return "REJECTING";
    case ConnectionStatus::kRejected:
      return "REJECTED";
    case ConnectionStatus::kDeleting:
      return "DELETING";
    case ConnectionStatus::kDeleted:
      return "DELETED";
  }
  return "UNKNOWN";
}

bool is_live(ConnectionStatus status) {
  return status == ConnectionStatus::kValidating || counts_toward_limit(status);
}

bool counts_toward_limit(ConnectionStatus status) {
  return status == ConnectionStatus::kPendingAcceptance || status == ConnectionStatus::kApproved ||
         status == ConnectionStatus::kProvisioning || status == ConnectionStatus::kActive;
}

bool visible_inbound(ConnectionStatus status) {
  return status != ConnectionStatus::kValidating && status != ConnectionStatus::kValidationFailed;
}

Connection& Connections::add(Connection c) {
  CCRSIM_ASSERT(c.local >= 0 && c.remote >= 0);
  CCRSIM_ASSERT(!c.timer.valid());  // no stage is pending before the record exists
  c.index = static_cast<int>(items_.size());
  items_.push_back(std::move(c));
  CCRSIM_ASSERT(items_.back().index + 1 == static_cast<int>(items_.size()));  // index = position, for the run
  return items_.back();
}

const Connection* Connections::find_active(DomainId local, const std::string& alias) const {
  for (const Connection& c : items_) {
    if (c.local == local && c.alias == alias && c.status == ConnectionStatus::kActive) {
      CCRSIM_ASSERT(is_live(c.status) && visible_inbound(c.status));
      return &c;
    }
  }
  return nullptr;
}

Connection* Connections::find_live_outbound(DomainId domain, const std::string& alias) {
  for (Connection& c : items_) {
    if (c.local == domain && c.alias == alias && is_live(c.status)) {
      CCRSIM_ASSERT(c.status != ConnectionStatus::kDeleting && c.status != ConnectionStatus::kDeleted);
      return &c;
    }
  }
  return nullptr;
}

Connection* Connections::find_live_inbound(DomainId domain, const std::string& alias) {
  for (Connection& c : items_) {
    if (c.remote == domain && c.alias == alias && is_live(c.status) && visible_inbound(c.status)) return &c;
  }
  return nullptr;
}

Connection* Connections::find_by_id(const std::string& id) {
  for (Connection& c : items_) {
    if (c.id == id) {
      CCRSIM_ASSERT(!id.empty());
      return &c;
    }
  }
  return nullptr;
}

int Connections::connected_domain_count(DomainId domain) const {
  std::set<DomainId> peers;
  for (const Connection& c : items_) {
    if (!counts_toward_limit(c.status)) continue;
    if (c.local == domain) peers.insert(c.remote);
    if (c.remote == domain) peers.insert(c.local);
  }
  CCRSIM_ASSERT(peers.size() <= items_.size());
  return static_cast<int>(peers.size());
}

bool Connections::connected(DomainId a, DomainId b) const {
  for (const Connection& c : items_) {
    if (counts_toward_limit(c.status) && ((c.local == a && c.remote == b) || (c.local == b && c.remote == a))) {
      return true;
    }
  }
  return false;
}

}  // namespace ccrsim
