#pragma once
// Every REST endpoint a domain answers, registered on one router.
#include "model/rest/rest_router.h"

namespace ccrsim {

void register_rest_api(RestRouter& router);

}  // namespace ccrsim
