#pragma once
// The replication plugin's buggify sites (docs/robustness.md, "Buggify"): in a swarm run, GetChanges sometimes
// answers 429 (the leader's write queue is full), 503 (a node is busy) or with fewer operations than asked, so the
// retry helper, the resumption from a short batch and the reader's bookkeeping run under every seed.
#include "model/replication/replication_context.h"
#include "sim/buggify.h"

namespace ccrsim {

// The hook that ReplicationService::set_get_changes_fault takes; draws nothing while `buggify` is off.
GetChangesFaultHook buggify_get_changes(Buggify& buggify);

}  // namespace ccrsim
