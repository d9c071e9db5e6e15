#include "model/replication/shard_replication_task.h"

#include <algorithm>

#include "model/domain.h"
#include "model/index.h"
#include "model/replication/leader_connection.h"
#include "model/security/access_control.h"
#include "sim/assert.h"
#include "sim/event_arg.h"

namespace ccrsim {

namespace {

constexpr double kBuggifySlowReplayProbability = 0.02;
constexpr sim_time_us kBuggifySlowReplayUs = 2 * kUsPerS;
// The event argument: kind, reader or writer slot, and (above four unused bits) the task's generation.
constexpr EventArgField kKindField{0, 4};
constexpr EventArgField kSlotField = field_after(kKindField, 8);
constexpr EventArgField kGenerationField{16, 32};
static_assert(!overlaps(kSlotField, kGenerationField));
}  // namespace

ShardReplicationTask::ShardReplicationTask(ReplicationContext& ctx, ReplicationEntry& entry, int shard)
    : ctx_(ctx), entry_(entry), shard_(shard) {}

ShardReplicationTask::~ShardReplicationTask() {
  cancel();
}

std::uint64_t ShardReplicationTask::arg_for(Kind kind, int slot) const {
  return kGenerationField.encode(generation_) | kSlotField.encode(static_cast<std::uint64_t>(slot)) |
         kKindField.encode(static_cast<std::uint64_t>(kind));
}

Index* ShardReplicationTask::follower_index() {
  Domain& domain = ctx_.world.domain(entry_.follower_domain);
  if (follower_cache_.epoch != domain.index_epoch()) {
    follower_cache_.index = domain.find_index(entry_.follower_index);
    follower_cache_.epoch = domain.index_epoch();
  }
  return follower_cache_.index;
}

Index* ShardReplicationTask::current_leader_index() {
  Domain& domain = ctx_.world.domain(entry_.leader_domain);
  if (leader_cache_.epoch != domain.index_epoch()) {
    leader_cache_.index = domain.find_index(entry_.leader_index);
    leader_cache_.replicated_instance =
        leader_cache_.index != nullptr && leader_cache_.index->uuid() == entry_.leader_index_uuid;
    leader_cache_.epoch = domain.index_epoch();
  }
  return leader_cache_.index;
}

Index* ShardReplicationTask::leader_index() {
  Index* current = current_leader_index();
  return leader_cache_.replicated_instance ? current : nullptr;
}

void ShardReplicationTask::start() {
  Index* follower = follower_index();
  CCRSIM_ASSERT(follower != nullptr);
  settings_ = resolve_replication_settings(ctx_.world.domain(entry_.follower_domain));
  batch_size_ = effective_ops_batch_size(*follower, settings_);
  const std::int64_t checkpoint = follower->shard(shard_).local_checkpoint();
  tracker_ = ChangesTracker(checkpoint);
  sequencer_ = ReplaySequencer(checkpoint);
  stats_.follower_checkpoint = checkpoint;
  stats_.leader_checkpoint = checkpoint;  // initialised to the follower's checkpoint (docs/replication.md "Stats")
  readers_.assign(static_cast<std::size_t>(settings_.concurrent_readers_per_shard), Reader{});
  writers_.assign(static_cast<std::size_t>(settings_.concurrent_writers_per_shard), Writer{});
  senders_.clear();
  sequencer_blocked_ = false;
  running_ = true;
  if (!renew_lease()) return;
  for (int r = 0; r < static_cast<int>(readers_.size()) && running_; ++r) launch(r);
}

void ShardReplicationTask::cancel() {
  running_ = false;
  ++generation_;
  for (Reader& reader : readers_) {
    ctx_.sim().cancel(reader.event);
    if (reader.transfer.valid()) ctx_.transport.cancel_transfer(reader.transfer);
    reader.transfer = TransferId{};
  }
  for (Writer& writer : writers_) ctx_.sim().cancel(writer.event);
  senders_.clear();
}

bool ShardReplicationTask::renew_lease() {
  // A renewal is a call to the leader; when it cannot be made the plugin only logs.
  if (!alias_resolves() || !ctx_.transport.reachable(entry_.follower_domain, entry_.leader_domain)) return true;
  Index* current = current_leader_index();
  if (current == nullptr) return true;  // GetChanges reports the missing index
  const Index* follower = follower_index();
  const std::int64_t retain = follower->shard(shard_).global_checkpoint() + 1;
  if (lease_epoch_ != ctx_.leases.epoch()) {
    lease_ = ctx_.leases.find(lease_key(entry_, shard_));
    lease_epoch_ = ctx_.leases.epoch();
  }
  const sim_time_us now = ctx_.now();
  if (leader_cache_.replicated_instance && lease_ != nullptr &&
      now - lease_->renewed_us <= retention_lease_period_us(*current)) {
    lease_->retaining_seq_no = std::max(lease_->retaining_seq_no, retain);
    lease_->renewed_us = now;
    return true;
  }
  ctx_.leases.remove(lease_key(entry_, shard_));  // an expired lease is gone for good
  const Domain& follower_domain = ctx_.world.domain(entry_.follower_domain);
  fail(ShardFailureClass::kRetentionLeaseNotFound,
       "retention lease with ID [" +
           lease_id(follower_cluster_name(follower_domain), follower_domain.cluster_uuid(), entry_.follower_index,
                    shard_) +
           "] not found");
  return false;
}

void ShardReplicationTask::launch(int r) {
  if (!running_) return;
  Reader& reader = readers_[static_cast<std::size_t>(r)];
  auto range = tracker_.request_batch(batch_size_);
  if (!range) {
    reader.phase = Phase::kWaiting;
    reader.long_poll_deadline_us = ctx_.now();  // start of the wait: poll ticks count from here
    return;
  }
  reader.range = *range;
  reader.attempt = 0;
  if (!tracker_.has_work()) sleep_waiting_readers();

  if (!renew_lease()) return;
  send_request(r);
}

void ShardReplicationTask::send_request(int r) {
  Reader& reader = readers_[static_cast<std::size_t>(r)];
  if (!alias_resolves()) {
    // getRemoteClusterClient(alias) throws before any request leaves: a 404, which ends the shard task.
    fail(ShardFailureClass::kNoSuchRemoteCluster, no_such_remote_cluster_message(entry_.leader_alias));
    return;
  }
  reader.phase = Phase::kRequest;
  reader.sent_us = ctx_.now();
  if (!ctx_.transport.reachable(entry_.follower_domain, entry_.leader_domain)) {
    // The connection to the leader is gone: the reconnect attempt fails after the connect timeout.
    reader.event = ctx_.sim().schedule_in(RetryPolicy::kConnectTimeoutUs, this, arg_for(Kind::kTransportFailed, r));
    return;
  }
  const sim_time_us latency = ctx_.transport.message_latency_us(entry_.follower_domain, entry_.leader_domain);
  reader.event = ctx_.sim().schedule_in(latency, this, arg_for(Kind::kRequestArrives, r));
}

void ShardReplicationTask::on_request_arrives(int r) {
  Reader& reader = readers_[static_cast<std::size_t>(r)];
  // A connection deleted under an in-flight request closes it: a disconnect, which the retry helper retries.
  if (!alias_resolves()) {
    attempt_failed(r, Failure::kDisconnected);
    return;
  }
  if (!ctx_.transport.reachable(entry_.follower_domain, entry_.leader_domain)) {
    fail_in_flight(r);  // the leader never sees it (or cannot answer): no response until the request times out
    return;
  }
  ctx_.world.domain(entry_.leader_domain).catch_up_writes(ctx_.now(), entry_.leader_index);
  Index* current = current_leader_index();
  if (current == nullptr) {
    fail(ShardFailureClass::kIndexNotFound, "no such index [" + entry_.leader_index + "]");
    return;
  }
  if (current->closed()) {
    fail(ShardFailureClass::kIndexClosed, "closed");
    return;
  }
  if (!leader_cache_.replicated_instance) {
    renew_lease();  // the replicated instance is gone, and its leases with it
    return;
  }
  if (!ctx_.world.domain(entry_.leader_domain).primary_available(*current, shard_, ctx_.now())) {
    attempt_failed(r, Failure::kServer);  // the primary's node is gone and no replica took over yet: retried
    return;
  }
  if (reader.phase == Phase::kRequest && security_denied_fetch()) return;
  if (reader.phase == Phase::kRequest && ctx_.get_changes_fault) {
    const GetChangesFault fault = ctx_.get_changes_fault(entry_, shard_, reader.range);
    if (fault.status == 429) return attempt_failed(r, Failure::kThrottled);
    if (fault.status >= 500) return attempt_failed(r, Failure::kServer);
    if (fault.status >= 400) {
      fail(ShardFailureClass::kStatus, "injected failure " + std::to_string(fault.status));
      return;
    }
    reader.response_to = fault.truncate_to;  // remembered as the cap for answer()
  } else if (reader.phase == Phase::kRequest) {
    reader.response_to = INT64_MAX;
  }
  if (current->shard(shard_).global_checkpoint() >= reader.range.from) {
    answer(r, *current);
    return;
  }
  if (reader.phase == Phase::kRequest) reader.long_poll_deadline_us = ctx_.now() + kLongPollTimeoutUs;
  if (ctx_.now() >= reader.long_poll_deadline_us) {
    attempt_failed(r, Failure::kTimeout);  // OpenSearchTimeoutException, 504
    return;
  }
  park_long_poll(r, *current);
}

void ShardReplicationTask::park_long_poll(int r, const Index& leader) {
  Reader& reader = readers_[static_cast<std::size_t>(r)];
  reader.phase = Phase::kLongPoll;
  const sim_time_us next_write =
      ctx_.world.domain(entry_.leader_domain).next_write_time(leader.name(), shard_, ctx_.now());
  const sim_time_us wake = std::min(next_write, reader.long_poll_deadline_us);
  reader.event = ctx_.sim().schedule_at(wake, this, arg_for(Kind::kLongPollWake, r));
}

void ShardReplicationTask::answer(int r, Index& leader) {
  Reader& reader = readers_[static_cast<std::size_t>(r)];
  const Shard& source = leader.shard(shard_);
  const std::int64_t checkpoint = source.global_checkpoint();
  std::int64_t to = std::min({reader.range.to, checkpoint, reader.response_to});
  to = std::max(to, reader.range.from - 1);
  reader.response_to = to;
  reader.response_checkpoint = checkpoint;
  const std::int64_t bytes = source.bytes_between(reader.range.from, to) + kResponseOverheadBytes;
  if (leader_stats_ == nullptr) leader_stats_ = &ctx_.leader_stats[entry_.leader_domain][entry_.leader_index][shard_];
  LeaderShardStats& leader_stats = *leader_stats_;
  leader_stats.operations_read += std::max<std::int64_t>(0, to - reader.range.from + 1);
  leader_stats.bytes_read += bytes - kResponseOverheadBytes;
  leader_stats.last_fetch_us = ctx_.now();
  reader.phase = Phase::kResponse;
  reader.response_bytes = bytes;
  // The leader primary reads the operations for every reader of every follower one after another: a read waits
  // behind the reads queued before it on that shard (a "busy until" time, no event per operation).
  const double read_rate = ctx_.world.domain(entry_.leader_domain).shard_capacity().read_rate_per_s;
  const std::int64_t ops = std::max<std::int64_t>(0, to - reader.range.from + 1);
  const sim_time_us read_us =
      read_rate > 0 ? static_cast<sim_time_us>(static_cast<double>(ops) * 1e6 / read_rate) : sim_time_us{0};
  leader_stats.read_time_us += read_us;
  const sim_time_us read_done_us = std::max(ctx_.now(), leader_stats.read_busy_until_us) + read_us;
  leader_stats.read_busy_until_us = read_done_us;
  if (read_done_us - ctx_.now() >= kMinReadCostUs) {
    reader.event = ctx_.sim().schedule_at(read_done_us, this, arg_for(Kind::kReadDone, r));
    return;
  }
  send_response(r);
}

void ShardReplicationTask::send_response(int r) {
  Reader& reader = readers_[static_cast<std::size_t>(r)];
  reader.transfer = ctx_.transport.start_transfer(entry_.leader_domain, entry_.follower_domain, reader.response_bytes,
                                                  this, arg_for(Kind::kResponse, r));
}

void ShardReplicationTask::on_response(int r, bool transfer_failed) {
  Reader& reader = readers_[static_cast<std::size_t>(r)];
  reader.transfer = TransferId{};
  if (transfer_failed) {
    entry_.bytes_lost_in_flight += reader.response_bytes;  // fetched again by the retry
    fail_in_flight(r);
    return;
  }
  if (!alias_resolves()) {
    attempt_failed(r, Failure::kDisconnected);
    return;
  }
  const SeqRange got{reader.range.from, reader.response_to};
  stats_.operations_read += got.count();
  stats_.leader_checkpoint = reader.response_checkpoint;
  if (!got.empty() && security_denied_replay()) return;
  if (!got.empty()) sequencer_.add(got);
  backoff_us_ = kFirstBackoffUs;
  reader.phase = Phase::kHandoff;
  senders_.push_back(r);
  if (!sequencer_blocked_) sequencer_receive();
}

// The sequencer is an actor behind a rendezvous channel guarded by the writers' semaphore (docs/replication.md
// "The fetch loop"): it takes one hand-off, then gives every in-order batch a writer, waiting for one to free up if
// need be, and only then takes the next hand-off. A reader whose hand-off is not taken waits (no event: a writer's
// completion releases it), so the leader's backlog grows into the next batch instead of into more round trips.
void ShardReplicationTask::sequencer_receive() {
  boost::container::small_vector<int, 4> taken;
  while (!senders_.empty() && !sequencer_blocked_) {
    taken.push_back(senders_.front());
    senders_.erase(senders_.begin());
    sequencer_blocked_ = !pump_writers();
  }
  for (const int r : taken) {
    if (!running_) return;
    on_handed_off(r);
  }
}

void ShardReplicationTask::on_handed_off(int r) {
  Reader& reader = readers_[static_cast<std::size_t>(r)];
  tracker_.batch_fetched(reader.range, reader.response_to, reader.response_checkpoint);
  reader.phase = Phase::kIdle;
  // This reader takes the next range first (it is already running; the waiting ones look only at their next
  // poll tick), so waking the others before it did would schedule ticks that find nothing to do.
  launch(r);
  if (running_) wake_waiting_readers();
}

void ShardReplicationTask::attempt_failed(int r, Failure failure) {
  Reader& reader = readers_[static_cast<std::size_t>(r)];
  reader.last_failure = failure;
  if (RetryPolicy::may_retry(reader.attempt)) {
    reader.phase = Phase::kSleeping;
    const sim_time_us sleep = RetryPolicy::sleep_after(reader.attempt);
    ++reader.attempt;
    reader.event = ctx_.sim().schedule_in(sleep, this, arg_for(Kind::kRetry, r));
    return;
  }
  back_to_loop(r, failure);
}

// A request in flight to a leader that became unreachable fails with a transport error once it times out, counted
// from when it was sent: one timer, no polling.
void ShardReplicationTask::fail_in_flight(int r) {
  Reader& reader = readers_[static_cast<std::size_t>(r)];
  reader.phase = Phase::kRequest;
  const sim_time_us at = std::max(ctx_.now(), reader.sent_us + RetryPolicy::kRequestTimeoutUs);
  reader.event = ctx_.sim().schedule_at(at, this, arg_for(Kind::kTransportFailed, r));
}

void ShardReplicationTask::back_to_loop(int r, Failure failure) {
  Reader& reader = readers_[static_cast<std::size_t>(r)];
  tracker_.batch_failed(reader.range);
  if (failure == Failure::kTimeout) {
    reader.phase = Phase::kIdle;
    launch(r);  // re-queued, no extra delay
    if (running_) wake_waiting_readers();
    return;
  }
  wake_waiting_readers();
  if (failure == Failure::kThrottled) {
    ++stats_.throttled_read_requests;
  } else {
    ++stats_.failed_read_requests;
  }
  reader.phase = Phase::kSleeping;
  reader.event = ctx_.sim().schedule_in(backoff_us_, this, arg_for(Kind::kBackoff, r));
  backoff_us_ = std::min(backoff_us_ * 2, kMaxBackoffUs);
}

void ShardReplicationTask::wake_waiting_readers() {
  if (!tracker_.has_work()) return;
  const sim_time_us poll = settings_.poll_interval_us;
  for (int r = 0; r < static_cast<int>(readers_.size()); ++r) {
    Reader& reader = readers_[static_cast<std::size_t>(r)];
    if (reader.phase != Phase::kWaiting || ctx_.sim().pending(reader.event)) continue;
    // The waiting reader looks every poll_interval since it started waiting: wake it at the next such tick.
    const sim_time_us since = reader.long_poll_deadline_us;
    const sim_time_us ticks = std::max<sim_time_us>(1, (ctx_.now() - since + poll - 1) / poll);
    reader.event = ctx_.sim().schedule_at(since + ticks * poll, this, arg_for(Kind::kPollWait, r));
  }
}

// Nothing is left for the waiting readers: their pending poll ticks would find nothing and wait again, on the same
// 50 ms grid (a tick resets the wait's start to itself). Dropping the ticks and keeping the start gives the same
// next useful tick when wake_waiting_readers() runs again, without the empty wake-ups.
void ShardReplicationTask::sleep_waiting_readers() {
  for (Reader& reader : readers_) {
    if (reader.phase == Phase::kWaiting) ctx_.sim().cancel(reader.event);
  }
}

bool ShardReplicationTask::pump_writers() {
  const double rate = ctx_.world.domain(entry_.follower_domain).shard_capacity().index_rate_per_s;
  for (int w = 0; w < static_cast<int>(writers_.size()); ++w) {
    Writer& writer = writers_[static_cast<std::size_t>(w)];
    if (writer.busy) continue;
    auto batch = sequencer_.next_dispatch(static_cast<int>(writers_.size()));
    if (!batch) break;
    writer.busy = true;
    writer.batch = *batch;
    sim_time_us done_us = replay_done_us(batch->count(), rate);
    // Buggify (docs/robustness.md): a replay that stalls, as a follower under a merge or a GC pause does.
    if (ctx_.sim().buggify().fires("replication/slow-replay", kBuggifySlowReplayProbability)) {
      done_us += kBuggifySlowReplayUs;
    }
    stats_.total_write_time_us += done_us - ctx_.now();
    writer.event = ctx_.sim().schedule_at(done_us, this, arg_for(Kind::kReplay, w));
  }
  return !sequencer_.ready();
}

// Concurrent writers share the follower primary's indexing capacity: their CPU work is done one after another
// (replay batches queue behind each other). Every bulk also takes at least a fixed latency (translog fsync,
// request handling) that overlaps other batches' work, so small batches at low rates cost just that latency.
sim_time_us ShardReplicationTask::replay_done_us(std::int64_t ops, double rate_per_s) {
  const sim_time_us now = ctx_.now();
  if (rate_per_s <= 0) return now + kReplayBatchCostUs;
  const auto cpu_us = static_cast<sim_time_us>(static_cast<double>(ops) * 1e6 / rate_per_s);
  replay_busy_until_us_ = std::max(now, replay_busy_until_us_) + cpu_us;
  return std::max(now + kReplayBatchCostUs, replay_busy_until_us_);
}

void ShardReplicationTask::on_replay_done(int w) {
  Writer& writer = writers_[static_cast<std::size_t>(w)];
  writer.busy = false;
  stats_.operations_written += writer.batch.count();
  for (const SeqRange& range : sequencer_.finished(writer.batch)) {
    apply(range);
    if (!running_) return;
  }
  // A free writer unblocks the sequencer, which then takes the hand-offs waiting behind it. When it is not
  // blocked, nothing in order waits for a writer.
  if (!sequencer_blocked_) return;
  sequencer_blocked_ = !pump_writers();
  if (!sequencer_blocked_) sequencer_receive();
}

void ShardReplicationTask::record_delivery(const OpRun& run, std::int64_t lo, std::int64_t hi, sim_time_us now_us) {
  const std::int64_t count = hi - lo + 1;
  if (count <= kExactDeliveryOps) {
    // Few operations: their exact points (a uniform mass would smear them over the gaps between writes).
    for (std::int64_t q = lo; q <= hi; ++q) entry_.delivery.add(now_us - run.time_of(q));
    return;
  }
  // Each of the evenly spaced operations stands for one spacing around its point: a uniform mass over the span
  // widened by half a spacing on both sides has the same quantiles as the points to within half a spacing.
  const auto half = static_cast<sim_time_us>(run.spacing_us / 2);
  entry_.delivery.add_uniform(now_us - run.time_of(hi) - half, now_us - run.time_of(lo) + half, count);
}

void ShardReplicationTask::apply(SeqRange range) {
  Index* follower = follower_index();
  Index* leader = leader_index();
  if (follower == nullptr || leader == nullptr) {
    fail(ShardFailureClass::kIndexNotFound, "no such index [" + entry_.leader_index + "]");
    return;
  }
  Shard& target = follower->shard(shard_);
  // No operation applied twice or skipped: replay always continues exactly after the follower's checkpoint.
  CCRSIM_ASSERT(range.from == target.max_seq_no() + 1);
  CCRSIM_ASSERT(range.to <= leader->shard(shard_).max_seq_no());
  const sim_time_us now = ctx_.now();
  const std::vector<OpRun>& runs = leader->shard(shard_).runs();
  auto it = std::upper_bound(runs.begin(), runs.end(), range.from,
                             [](std::int64_t s, const OpRun& run) { return s < run.first_seq_no; });
  for (--it; it != runs.end() && it->first_seq_no <= range.to; ++it) {
    const std::int64_t lo = std::max(range.from, it->first_seq_no);
    const std::int64_t hi = std::min(range.to, it->last_seq_no());
    record_delivery(*it, lo, hi, now);
  }
  follower->apply_replicated(shard_, *leader, range.from, range.to, now);
  entry_.ops_replicated += range.count();
  stats_.follower_checkpoint = target.local_checkpoint();
}

// GetChanges runs on the leader as leader_cluster_role, behind the leader domain's IAM policy; both are evaluated
// for every request, so a role edited mid-run fails the next one (docs/security.md "Background tasks run as the given
// roles").
bool ShardReplicationTask::security_denied_fetch() {
  World& world = ctx_.world;
  const Domain& leader = world.domain(entry_.leader_domain);
  const Domain& follower = world.domain(entry_.follower_domain);
  const std::pair<std::uint64_t, std::uint64_t> versions{leader.security().version(), follower.security().version()};
  if (fetch_allowed_at_ == versions) return false;
  auto denied = get_changes_denial(leader, follower, entry_.leader_index, entry_.leader_cluster_role);
  if (denied) fail(ShardFailureClass::kSecurity, *denied);
  if (!denied) fetch_allowed_at_ = versions;
  return denied.has_value();
}

// Replay runs on the follower as follower_cluster_role; it is only checked when there is something to replay.
bool ShardReplicationTask::security_denied_replay() {
  const Domain& follower = ctx_.world.domain(entry_.follower_domain);
  if (replay_allowed_at_ == follower.security().version()) return false;
  auto denied = replay_denial(follower, entry_.follower_index, entry_.follower_cluster_role);
  if (denied) fail(ShardFailureClass::kSecurity, *denied);
  if (!denied) replay_allowed_at_ = follower.security().version();
  return denied.has_value();
}

bool ShardReplicationTask::alias_resolves() const {
  return leader_alias_resolves(ctx_.world.connections(), entry_.follower_domain, entry_.leader_alias);
}

void ShardReplicationTask::fail(ShardFailureClass failure_class, const std::string& message) {
  if (failed_) return;
  failed_ = true;
  failure_ = ShardFailure{failure_class, message};
  if (ctx_.world.trace().enabled()) {
    ctx_.world.trace().log(ctx_.now(), "replication",
                           "[" + entry_.follower_index + "][" + std::to_string(shard_) +
                               "] shard task failed: " + exception_class_name(failure_class) + " - " + message);
  }
  cancel();
}

void ShardReplicationTask::poke() {
  if (!running_) return;
  for (int r = 0; r < static_cast<int>(readers_.size()) && running_; ++r) {
    Reader& reader = readers_[static_cast<std::size_t>(r)];
    if (reader.phase != Phase::kLongPoll) continue;
    ctx_.sim().cancel(reader.event);
    on_request_arrives(r);
  }
}

void ShardReplicationTask::on_event(std::uint64_t arg) {
  const bool transfer_failed = (arg & kTransferFailed) != 0;
  arg &= ~kTransferFailed;
  if (kGenerationField.decode(arg) != generation_ || !running_) return;
  const auto kind = static_cast<Kind>(kKindField.decode(arg));
  const int slot = static_cast<int>(kSlotField.decode(arg));
  switch (kind) {
    case Kind::kRequestArrives:
    case Kind::kLongPollWake:
      on_request_arrives(slot);
      break;
    case Kind::kResponse:
      on_response(slot, transfer_failed);
      break;
    case Kind::kRetry:
      send_request(slot);
      break;
    case Kind::kBackoff:
    case Kind::kPollWait:
      readers_[static_cast<std::size_t>(slot)].phase = Phase::kIdle;
      launch(slot);
      break;
    case Kind::kReadDone:
      send_response(slot);
      break;
    case Kind::kTransportFailed:
      attempt_failed(slot, Failure::kDisconnected);
      break;
    case Kind::kReplay:
      on_replay_done(slot);
      break;
  }
}

}  // namespace ccrsim
