#pragma once
// Index creation as MetadataCreateIndexService does it, shared by PUT {index} and the auto-create of document writes.
#include <optional>
#include <string>

#include "model/domain.h"
#include "model/rest/rest_response.h"

namespace ccrsim {

struct CreatedIndex {
  Index* index = nullptr;
  std::optional<RestResponse> error;
};

// `body` is the PUT {index} body ({settings, mappings, aliases}) or null for the defaults (1 shard, 1 replica).
CreatedIndex create_index(Domain& domain, const std::string& index_name, const json& body, sim_time_us now_us);

// The index a document write goes to: an existing index, the write index of an alias, or a new one (auto-create).
CreatedIndex index_for_write(Domain& domain, const std::string& name, sim_time_us now_us);

}  // namespace ccrsim
