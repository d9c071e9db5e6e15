#pragma once
// GET/POST [{index}/]_search and [{index}/]_count over index patterns. Totals count every document visible to search
// (synthetic and explicit, Index::searchable_count); hits list explicit documents only, since synthetic ones have
// no source.
#include "model/rest/rest_router.h"

namespace ccrsim {

void register_search_api(RestRouter& router);

}  // namespace ccrsim
