#pragma once
// The one retry and timeout policy of the plugin's calls to the leader: GetChanges (shard tasks) and the remote
// restore's GetStoreMetadata and file-chunk requests (RemoteRestore). Both use the plugin's retry helper and the
// same transport timeouts (docs/faults.md).
#include "sim/time.h"

namespace ccrsim {

struct RetryPolicy {
  // The retry helper: five attempts, sleeping 10, 20, 40, 80 s between them.
  static constexpr int kAttempts = 5;
  static constexpr sim_time_us kFirstSleepUs = 10 * kUsPerS;
  // An unreachable leader (link_down, domain_down, domain_lost): a new request waits for the connection attempt,
  // `transport.connect_timeout` (30 s, TransportSettings.CONNECT_TIMEOUT); a request already sent gets no answer
  // and fails with a transport error 60 s after it was sent (the remote request timeout the plugin uses for its
  // leader calls, simulator-applied to GetChanges).
  static constexpr sim_time_us kConnectTimeoutUs = 30 * kUsPerS;
  static constexpr sim_time_us kRequestTimeoutUs = kUsPerMin;

  // True when the attempt numbered `attempt` (0 for the first) may be followed by another.
  static constexpr bool may_retry(int attempt) { return attempt + 1 < kAttempts; }
  // The sleep after the failed attempt numbered `attempt`.
  static constexpr sim_time_us sleep_after(int attempt) { return kFirstSleepUs << attempt; }
};

}  // namespace ccrsim
