#pragma once
// Single-document APIs: PUT/POST {index}/_doc/{id}, POST {index}/_doc, PUT/POST {index}/_create/{id},
// GET {index}/_doc/{id}, DELETE {index}/_doc/{id}.
#include "model/rest/rest_router.h"

namespace ccrsim {

void register_document_api(RestRouter& router);

}  // namespace ccrsim
