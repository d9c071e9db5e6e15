#include "model/rest/core_apis.h"

#include "model/rest/alias_api.h"
#include "model/rest/cat_api.h"
#include "model/rest/cluster_settings_api.h"
#include "model/rest/document_api.h"
#include "model/rest/index_api.h"
#include "model/rest/search_api.h"
#include "model/security/security_api.h"

namespace ccrsim {

void register_core_apis(RestRouter& router) {
  register_index_api(router);
  register_document_api(router);
  register_search_api(router);
  register_cat_api(router);
  register_cluster_settings_api(router);
  register_alias_api(router);
  register_security_api(router);
}

}  // namespace ccrsim
