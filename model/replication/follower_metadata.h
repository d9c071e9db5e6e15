#pragma once
// What a follower index takes from its leader's metadata, shared by the remote restore (which creates the follower
// index) and the index task's metadata sync (which keeps it in step): the leader's settings minus a block-list,
// overlaid with the user's overrides, and the leader's aliases with the write flag off.
#include <string>

#include "sim/json.h"

namespace ccrsim {

class Index;

// Leader settings the metadata sync never copies; the restore leaves them out as well.
bool block_listed_setting(const std::string& key);
// "index.foo" -> "foo": overrides may name settings with or without the prefix.
std::string strip_index_prefix(const std::string& key);

// The follower's settings: the leader's minus the block-list (and `skip`, if not empty), overlaid with `overrides`.
// `replicas` starts at the leader's count and takes an overridden number_of_replicas.
json follower_settings(const Index& leader, const json& overrides, const std::string& skip, int& replicas);

// The metadata sync: settings (an auto-expanding follower keeps its replica count), aliases mirrored with the write
// flag stored as false, and the full leader mapping when an existing follower property differs from the leader's.
void sync_follower_metadata(const Index& leader, Index& follower, const json& overrides);

}  // namespace ccrsim
