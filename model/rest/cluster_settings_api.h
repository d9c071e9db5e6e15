#pragma once
// GET/PUT _cluster/settings. Values are stored as OpenSearch stores them: strings, flat dotted keys (in
// Domain::persistent_settings / transient_settings). Accepted namespaces (the simulator has no full registry of
// cluster settings): plugins.replication.*, cluster.*, action.*, indices.*; any other key is "not recognized".
#include "model/rest/rest_router.h"

namespace ccrsim {

void register_cluster_settings_api(RestRouter& router);

// Whether PUT _cluster/settings accepts the key (exposed for tests).
bool is_known_cluster_setting(const std::string& key);

}  // namespace ccrsim
