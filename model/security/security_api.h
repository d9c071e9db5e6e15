#pragma once
// The security plugin's REST API for users, role mappings and roles (docs/scenario-format.md §5.1):
// GET|PUT|DELETE _plugins/_security/api/{internalusers|rolesmapping|roles}/NAME and GET of each collection.
// Responses use the plugin's {"status": ..., "message": ...} shapes. Only users mapped to all_access or
// security_manager may call it (Amazon OpenSearch Service's master user has both).
#include "model/rest/rest_router.h"

namespace ccrsim {

void register_security_api(RestRouter& router);

}  // namespace ccrsim
