#include "model/connection.h"

namespace ccrsim {

const char* to_string(ConnectionStatus status) {
  switch (status) {
    case ConnectionStatus::kValidating: return "VALIDATING";
    case ConnectionStatus::kValidationFailed: return "VALIDATION_FAILED";
    case ConnectionStatus::kPendingAcceptance: return "PENDING_ACCEPTANCE";
    case ConnectionStatus::kApproved: return "APPROVED";
    case ConnectionStatus::kProvisioning: return "PROVISIONING";
    case ConnectionStatus::kActive: return "ACTIVE";
    case ConnectionStatus::kRejecting: return "REJECTING";
    case ConnectionStatus::kRejected: return "REJECTED";
    case ConnectionStatus::kDeleting: return "DELETING";
    case ConnectionStatus::kDeleted: return "DELETED";
  }
  return "UNKNOWN";
}

const Connection* Connections::find_active(DomainId local, const std::string& alias) const {
  for (const Connection& c : items_) {
    if (c.local == local && c.alias == alias && c.status == ConnectionStatus::kActive) return &c;
  }
  return nullptr;
}

}  // namespace ccrsim
