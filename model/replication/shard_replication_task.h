#pragma once
// One follower primary's replication (ShardReplicationTask.kt): concurrent readers fetch disjoint ranges with
// GetChanges from the leader shard, the sequencer replays them in order with bounded writers, and the lease on the
// leader shard is renewed after every reader launch. A reader hands its answer to the sequencer through a rendezvous
// (TranslogSequencer.kt): it fetches again only once the sequencer takes the hand-off, which it does only after a
// writer took every in-order batch before it; so under a backlog batches grow towards ops_batch_size
// (docs/replication.md "The fetch loop").
//
// Events: a GetChanges round trip costs three events at most — the request's arrival at the leader (answered then
// from the leader's state at that instant, or parked as a long poll whose wake-up is computed from the writers'
// schedule), the response transfer's completion, and the replay's completion. Nothing is per operation. Every
// pending event and transfer is cancelled when the task is cancelled; a generation in each event's arg makes any
// straggler a no-op.
#include <boost/container/small_vector.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/replication/changes_tracker.h"
#include "model/replication/replay_sequencer.h"
#include "model/replication/replication_context.h"
#include "model/replication/replication_settings.h"
#include "model/replication/retry_policy.h"
#include "model/replication/shard_failure.h"
#include "sim/event_queue.h"

namespace ccrsim {

class Index;

// follower_stats counters of one shard task (FollowerClusterStats).
struct FollowerShardStats {
  std::int64_t operations_written = 0;
  std::int64_t operations_read = 0;
  std::int64_t failed_read_requests = 0;
  std::int64_t throttled_read_requests = 0;
  std::int64_t failed_write_requests = 0;
  std::int64_t follower_checkpoint = -1;
  std::int64_t leader_checkpoint = -1;
  std::int64_t total_write_time_us = 0;

  // Sums, as follower_stats reports an index (over its shards) and the node (over its indices).
  static FollowerShardStats zero() {
    FollowerShardStats z;
    z.follower_checkpoint = 0;
    z.leader_checkpoint = 0;
    return z;
  }
  FollowerShardStats& operator+=(const FollowerShardStats& o) {
    operations_written += o.operations_written;
    operations_read += o.operations_read;
    failed_read_requests += o.failed_read_requests;
    throttled_read_requests += o.throttled_read_requests;
    failed_write_requests += o.failed_write_requests;
    follower_checkpoint += o.follower_checkpoint;
    leader_checkpoint += o.leader_checkpoint;
    total_write_time_us += o.total_write_time_us;
    return *this;
  }
};

class ShardReplicationTask final : public EventTarget {
 public:
  // GetChanges long poll on the leader (WAIT_FOR_NEW_OPS_TIMEOUT). Retries and timeouts: RetryPolicy.
  static constexpr sim_time_us kLongPollTimeoutUs = kUsPerMin;
  static constexpr sim_time_us kFirstBackoffUs = kUsPerS;
  static constexpr sim_time_us kMaxBackoffUs = kUsPerMin;
  // Least time one replay batch takes (bulk request latency), whatever the follower's indexing rate.
  static constexpr sim_time_us kReplayBatchCostUs = 5 * kUsPerMs;
  // Bytes of a GetChanges response besides its operations (headers, checkpoints).
  static constexpr std::int64_t kResponseOverheadBytes = 200;
  // Leader read costs below this are folded into the response (no event of their own).
  static constexpr sim_time_us kMinReadCostUs = kUsPerMs;
  // Ranges of at most this many operations feed the delivery histogram op by op (bounded work per batch).
  static constexpr std::int64_t kExactDeliveryOps = 32;

  ShardReplicationTask(ReplicationContext& ctx, ReplicationEntry& entry, int shard);
  ~ShardReplicationTask() override;

  void start();
  void cancel();
  // The leader may have changed outside the writers' schedule (explicit write, delete, close): re-check long polls.
  void poke();

  int shard() const { return shard_; }
  bool failed() const { return failed_; }
  // "[<follower>][n] - <exception class> - \"<message>\"" pieces for the auto-pause reason.
  ShardFailureClass failure_class() const { return failure_.failure_class; }
  const char* failure_class_name() const { return exception_class_name(failure_.failure_class); }
  const std::string& failure_message() const { return failure_.message; }
  const FollowerShardStats& stats() const { return stats_; }

  void on_event(std::uint64_t arg) override;

 private:
  enum class Kind : std::uint64_t {
    kRequestArrives = 1,
    kLongPollWake,
    kResponse,
    kRetry,
    kBackoff,
    kPollWait,
    kReplay,
    kReadDone,
    kTransportFailed  // a request to an unreachable leader timed out (one timer per failed request)
  };
  enum class Phase { kIdle, kWaiting, kRequest, kLongPoll, kResponse, kHandoff, kSleeping };
  enum class Failure { kNone, kDisconnected, kTimeout, kServer, kThrottled };

  struct Reader {
    Phase phase = Phase::kIdle;
    SeqRange range;
    int attempt = 0;
    sim_time_us long_poll_deadline_us = 0;
    sim_time_us sent_us = 0;  // when this attempt left the follower
    std::int64_t response_to = -1;
    std::int64_t response_checkpoint = -1;
    std::int64_t response_bytes = 0;
    Failure last_failure = Failure::kNone;
    EventHandle event;
    TransferId transfer;
  };
  struct Writer {
    bool busy = false;
    SeqRange batch;
    EventHandle event;
  };

  // Index lookups cached under the domain's index epoch (the hot path looks them up every round trip).
  struct IndexCache {
    Index* index = nullptr;
    bool replicated_instance = false;  // leader: the instance this replication follows (same uuid)
    std::uint64_t epoch = UINT64_MAX;
  };

  std::uint64_t arg_for(Kind kind, int slot) const;
  Index* follower_index();
  Index* current_leader_index();  // whatever index has the leader's name now
  Index* leader_index();          // nullptr if missing or another instance than the one replicated

  void launch(int r);
  void send_request(int r);
  void on_request_arrives(int r);
  void answer(int r, Index& leader);
  void park_long_poll(int r, const Index& leader);
  void send_response(int r);
  void on_response(int r, bool transfer_failed);
  void attempt_failed(int r, Failure failure);
  void fail_in_flight(int r);
  void back_to_loop(int r, Failure failure);
  void wake_waiting_readers();
  void sleep_waiting_readers();
  // Returns false when an in-order batch is left waiting for a writer (the sequencer is then blocked).
  bool pump_writers();
  void sequencer_receive();
  void on_handed_off(int r);
  void on_replay_done(int w);
  sim_time_us replay_done_us(std::int64_t ops, double rate_per_s);
  void apply(SeqRange range);
  void record_delivery(const OpRun& run, std::int64_t lo, std::int64_t hi, sim_time_us now_us);
  void fail(ShardFailureClass failure_class, const std::string& message);
  // Security of the background requests (model/security/access_control.h): true when denied and failed.
  bool security_denied_fetch();
  bool security_denied_replay();
  // Security versions (leader, follower) at which fetch / replay were last allowed: the decisions depend only on the
  // immutable IAM policies and on the security configurations, so they are re-evaluated only when one changes.
  std::optional<std::pair<std::uint64_t, std::uint64_t>> fetch_allowed_at_;
  std::optional<std::uint64_t> replay_allowed_at_;
  // The leader alias still names an ACTIVE connection (a deleted connection no longer resolves).
  bool alias_resolves() const;
  bool renew_lease();

  ReplicationContext& ctx_;
  ReplicationEntry& entry_;
  int shard_;
  std::uint32_t generation_ = 1;
  bool running_ = false;
  bool failed_ = false;
  ShardFailure failure_;
  ReplicationSettings settings_;
  std::int64_t batch_size_ = 50'000;
  ChangesTracker tracker_{-1};
  ReplaySequencer sequencer_{-1};
  std::vector<Reader> readers_;
  std::vector<Writer> writers_;
  // Readers whose answer waits for the sequencer to take it, first come first: at most the readers' count.
  boost::container::small_vector<int, 4> senders_;
  bool sequencer_blocked_ = false;  // an in-order batch waits for a free writer; hand-offs wait behind it
  sim_time_us backoff_us_ = kFirstBackoffUs;
  sim_time_us replay_busy_until_us_ = 0;  // when the follower primary finishes the replays queued so far
  FollowerShardStats stats_;
  LeaderShardStats* leader_stats_ = nullptr;  // a std::map node: stable for the service's life
  IndexCache leader_cache_;
  IndexCache follower_cache_;
  Lease* lease_ = nullptr;  // valid while the lease store's epoch is lease_epoch_
  std::uint64_t lease_epoch_ = UINT64_MAX;
};

}  // namespace ccrsim
