#pragma once
// Index-level APIs: PUT/DELETE/GET {index}, _close, _open, GET/PUT {index}/_settings, GET {index}/_mapping.
#include "model/rest/rest_router.h"

namespace ccrsim {

void register_index_api(RestRouter& router);

}  // namespace ccrsim
