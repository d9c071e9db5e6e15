#pragma once
// GET _cat/indices and _cat/indices/{index}.
#include "model/rest/rest_router.h"

namespace ccrsim {

void register_cat_api(RestRouter& router);

}  // namespace ccrsim
