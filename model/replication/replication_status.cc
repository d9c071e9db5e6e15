#include "model/replication/replication_status.h"

#include <algorithm>

#include "model/domain.h"
#include "model/index.h"
#include "model/replication/index_replication_task.h"
#include "model/replication/replication_errors.h"

namespace ccrsim {

namespace errors = replication_errors;

namespace {

RestResponse not_in_progress() {
  json body = json::object();
  body["status"] = "REPLICATION NOT IN PROGRESS";
  return RestResponse::ok(std::move(body));
}

double percent(std::int64_t part, std::int64_t whole) {
  return whole <= 0 ? 100.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

// The sums over shards that the running _status prints beside the per-shard details.
struct StatusTotals {
  std::int64_t lcp = 0, fcp = 0, seq = 0, bytes_total = 0, bytes_rec = 0, files_total = 0, files_rec = 0;
  double bytes_pct = 0, files_pct = 0;
  std::int64_t start_ms = INT64_MAX, running_ms = 0;
  int syncing = 0, booting = 0;
};

json bootstrap_task_details(const ShardBootstrap& b, sim_time_us now_us, StatusTotals& t) {
  json d = json::object();
  d["bytes_total"] = b.bytes_total;
  d["bytes_recovered"] = b.bytes_recovered;
  d["bytes_percent"] = percent(b.bytes_recovered, b.bytes_total);
  d["files_total"] = b.files_total;
  d["files_recovered"] = b.files_recovered;
  d["files_percent"] = percent(b.files_recovered, b.files_total);
  d["start_time"] = epoch_millis(b.start_us);
  d["running_time"] = (now_us - b.start_us) / kUsPerMs;
  t.bytes_total += b.bytes_total;
  t.bytes_rec += b.bytes_recovered;
  t.files_total += b.files_total;
  t.files_rec += b.files_recovered;
  t.bytes_pct += d["bytes_percent"].get<double>();
  t.files_pct += d["files_percent"].get<double>();
  t.start_ms = std::min(t.start_ms, epoch_millis(b.start_us));
  t.running_ms = std::max(t.running_ms, (now_us - b.start_us) / kUsPerMs);
  ++t.booting;
  return d;
}

json syncing_task_details(const Shard& fs, const Index* leader, int s, StatusTotals& t) {
  // A missing leader shard keeps the follower's own checkpoint (docs/replication.md "Checked against the plugin's
  // source").
  const std::int64_t l = leader != nullptr ? leader->shard(s).global_checkpoint() : fs.global_checkpoint();
  json d = json::object();
  d["leader_checkpoint"] = l;
  d["follower_checkpoint"] = fs.global_checkpoint();
  d["seq_no"] = fs.local_checkpoint() + 1;
  t.lcp += l;
  t.fcp += fs.global_checkpoint();
  t.seq += fs.local_checkpoint() + 1;
  ++t.syncing;
  return d;
}

void write_totals(json& body, const StatusTotals& t) {
  if (t.syncing > 0) {
    body["syncing_details"] = json{{"leader_checkpoint", t.lcp}, {"follower_checkpoint", t.fcp}, {"seq_no", t.seq}};
  }
  if (t.booting > 0) {
    json b = json::object();
    b["bytes_total"] = t.bytes_total;
    b["bytes_recovered"] = t.bytes_rec;
    b["bytes_percent"] = t.bytes_pct / t.booting;
    b["files_total"] = t.files_total;
    b["files_recovered"] = t.files_rec;
    b["files_percent"] = t.files_pct / t.booting;
    b["start_time"] = t.start_ms;
    b["running_time"] = t.running_ms;
    body["bootstrap_details"] = std::move(b);
  }
}

}  // namespace

const Index* ReplicationStatusView::replicated_leader(const ReplicationEntry& entry) {
  Domain& leader_domain = world_.domain(entry.leader_domain);
  leader_domain.catch_up_writes(world_.now());
  const Index* leader = leader_domain.find_index(entry.leader_index);
  return leader != nullptr && leader->uuid() == entry.leader_index_uuid ? leader : nullptr;
}

json ReplicationStatusView::running_status(const ReplicationEntry& entry, bool verbose) {
  json body = json::object();
  const Index* follower = world_.domain(entry.follower_domain).find_index(entry.follower_index);
  const Index* leader = replicated_leader(entry);
  const IndexReplicationTask* task = entry.task.get();
  const int shards = follower != nullptr ? follower->number_of_shards() : 0;
  auto bootstrapping = [&](int s) {
    return task != nullptr && !task->bootstrap().empty() && !task->bootstrap()[static_cast<std::size_t>(s)].done;
  };
  std::string status = "RUNNING";
  if (shards > 0) status = bootstrapping(0) ? "BOOTSTRAPPING" : "SYNCING";
  body["status"] = status;
  body["reason"] = entry.reason;
  body["leader_alias"] = entry.leader_alias;
  body["leader_index"] = entry.leader_index;
  body["follower_index"] = entry.follower_index;

  StatusTotals totals;
  json details = json::array();
  for (int s = 0; s < shards; ++s) {
    json shard = json::object();
    shard["shard_id"] = "[" + entry.follower_index + "][" + std::to_string(s) + "]";
    if (bootstrapping(s)) {
      shard["bootstrap_task_details"] =
          bootstrap_task_details(task->bootstrap()[static_cast<std::size_t>(s)], world_.now(), totals);
    } else {
      shard["syncing_task_details"] = syncing_task_details(follower->shard(s), leader, s, totals);
    }
    details.push_back(std::move(shard));
  }
  write_totals(body, totals);
  if (verbose && shards > 0) body["shard_replication_details"] = std::move(details);
  return body;
}

RestResponse ReplicationStatusView::status(const ReplicationEntry* entry, DomainId follower, bool verbose) {
  if (entry == nullptr) return not_in_progress();
  if (entry->overall != OverallState::kRunning) {
    json body = json::object();
    body["status"] = to_string(entry->overall);
    body["reason"] = entry->reason;
    body["leader_alias"] = entry->leader_alias;
    body["leader_index"] = entry->leader_index;
    body["follower_index"] = entry->follower_index;
    return RestResponse::ok(std::move(body));
  }
  if (world_.connections().find_active(follower, entry->leader_alias) == nullptr) return not_in_progress();
  if (!transport_.reachable(follower, entry->leader_domain)) return errors::status_fetch_failed();
  const Index* leader = world_.domain(entry->leader_domain).find_index(entry->leader_index);
  if (leader == nullptr) return not_in_progress();  // IndexNotFoundException is a resource-not-found
  if (leader->closed()) return errors::status_fetch_failed();
  return RestResponse::ok(running_status(*entry, verbose));
}

std::string ReplicationStatusView::status_string(const ReplicationEntry& entry) const {
  if (entry.stopped) return "STOPPED";
  if (entry.overall != OverallState::kRunning) return to_string(entry.overall);
  const IndexReplicationTask* task = entry.task.get();
  if (task == nullptr) return "RUNNING";
  if (!task->bootstrap().empty() && !task->bootstrap()[0].done) return "BOOTSTRAPPING";
  return "SYNCING";
}

std::int64_t ReplicationStatusView::follower_checkpoint(const ReplicationEntry& entry) const {
  const Index* follower = world_.domain(entry.follower_domain).find_index(entry.follower_index);
  if (follower == nullptr) return 0;
  std::int64_t sum = 0;
  for (const Shard& s : follower->shards()) sum += s.global_checkpoint();
  return sum;
}

std::int64_t ReplicationStatusView::leader_checkpoint(const ReplicationEntry& entry) {
  const Index* leader = replicated_leader(entry);
  const Index* follower = world_.domain(entry.follower_domain).find_index(entry.follower_index);
  if (leader == nullptr) return follower_checkpoint(entry);
  std::int64_t sum = 0;
  for (int s = 0; s < leader->number_of_shards(); ++s) {
    const bool has_follower_shard = follower != nullptr && s < follower->number_of_shards();
    sum += has_follower_shard || follower == nullptr ? leader->shard(s).global_checkpoint() : 0;
  }
  return sum;
}

sim_time_us ReplicationStatusView::time_lag_us(const ReplicationEntry& entry) {
  const Index* leader = replicated_leader(entry);
  const Index* follower = world_.domain(entry.follower_domain).find_index(entry.follower_index);
  if (leader == nullptr) return 0;
  sim_time_us oldest = kTimeNever;
  for (int s = 0; s < leader->number_of_shards(); ++s) {
    const std::int64_t applied =
        follower != nullptr && s < follower->number_of_shards() ? follower->shard(s).max_seq_no() : kNoOpsPerformed;
    const Shard& ls = leader->shard(s);
    if (ls.global_checkpoint() > applied) oldest = std::min(oldest, ls.write_time(applied + 1));
  }
  return oldest == kTimeNever ? 0 : std::max<sim_time_us>(0, world_.now() - oldest);
}

ReplicationSample ReplicationStatusView::sample(const ReplicationEntry& entry) {
  ReplicationSample out;
  out.status = status_string(entry);
  out.running = out.status == "BOOTSTRAPPING" || out.status == "SYNCING" || out.status == "RUNNING";
  out.leader_checkpoint = leader_checkpoint(entry);
  out.follower_checkpoint = follower_checkpoint(entry);
  out.lag_ops = out.leader_checkpoint - out.follower_checkpoint;
  out.lag_time_us = time_lag_us(entry);
  return out;
}

}  // namespace ccrsim
