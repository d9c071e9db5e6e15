#pragma once
// POST _aliases: atomic add / remove / remove_index actions.
#include "model/rest/rest_router.h"

namespace ccrsim {

void register_alias_api(RestRouter& router);

}  // namespace ccrsim
