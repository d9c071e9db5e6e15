#pragma once
// Registers every core (non-plugin) OpenSearch API the simulator answers.
#include "model/rest/rest_router.h"

namespace ccrsim {

void register_core_apis(RestRouter& router);

}  // namespace ccrsim
