#include "model/replication/remote_restore.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "model/index.h"
#include "tests/model/replication_fixture.h"

namespace ccrsim {
namespace {

using testing::ReplicationFixture;

class NoControl final : public ReplicationControl {
 public:
  void auto_pause(ReplicationEntry&, const std::string&) override {}
  void fail(ReplicationEntry&, const std::string&) override {}
  void task_state_changed(ReplicationEntry&) override {}
  void complete_after_leader_deleted(ReplicationEntry&) override {}
};

// Records what the restore reports and, like the index task, cancels it when it fails.
class RecordingOwner final : public RemoteRestoreOwner {
 public:
  void restore_started() override { ++started; }
  void restore_finished() override { ++finished; }
  void restore_failed(const std::string& reason) override {
    failures.push_back(reason);
    restore->cancel();
  }
  RemoteRestore* restore = nullptr;
  int started = 0;
  int finished = 0;
  std::vector<std::string> failures;
};

// A restore of leader-01 (one shard, `ops` 1 kB operations) into follower-01 over the fixture's network.
struct RestoreWorld {
  ReplicationFixture f;
  NetworkTransport transport{f.network()};
  NoControl control;
  ReplicationContext ctx{f.world(), transport, control};
  ReplicationEntry entry;
  RecordingOwner owner;
  RemoteRestore restore{ctx, entry, owner};

  explicit RestoreWorld(std::int64_t ops) {
    Index& leader = f.leader_index("leader-01", 1);
    leader.shard(0).append_synthetic(ops, 0, 0, 1000);
    entry.follower_domain = ReplicationFixture::kFollower;
    entry.follower_index = "follower-01";
    entry.leader_domain = ReplicationFixture::kLeader;
    entry.leader_alias = "source";
    entry.leader_index = "leader-01";
    entry.leader_index_uuid = leader.uuid();
    owner.restore = &restore;
  }
  void begin() { restore.begin(resolve_replication_settings(f.follower())); }
};

TEST_CASE("a remote restore creates the follower index and copies every byte of the leader's store") {
  RestoreWorld w(1000);
  w.begin();
  CHECK(w.owner.started == 1);
  const Index* follower = w.f.follower().find_index("follower-01");
  REQUIRE(follower != nullptr);
  CHECK(follower->follower_of() == "source:leader-01");
  CHECK(w.owner.finished == 0);  // the store metadata round trip comes first
  w.f.run_until(kUsPerMin);
  CHECK(w.owner.finished == 1);
  CHECK(w.owner.failures.empty());
  const ShardBootstrap& b = w.restore.bootstrap().at(0);
  const Shard& leader_shard = w.f.leader().find_index("leader-01")->shard(0);
  CHECK(b.done);
  CHECK(b.bytes_recovered == leader_shard.store_bytes());
  CHECK(b.files_recovered == b.files_total);
  CHECK(w.entry.bytes_bootstrapped == leader_shard.store_bytes());
  CHECK(w.entry.bootstrap_end_us > 0);
  CHECK(follower->shard(0).max_seq_no() == leader_shard.max_seq_no());
}

TEST_CASE("a remote restore whose leader index is gone fails after the retry helper's five attempts") {
  RestoreWorld w(100);
  w.begin();
  w.f.leader().delete_index("leader-01");
  w.f.run_until(149 * kUsPerS);  // 10 + 20 + 40 + 80 s of sleeps between the attempts
  CHECK(w.owner.failures.empty());
  w.f.run_until(200 * kUsPerS);
  CHECK(w.owner.failures ==
        std::vector<std::string>{
            "[follower-01][0] failed to restore from remote repository replication-remote-repo-source"});
  CHECK(w.owner.finished == 0);
}

TEST_CASE("a remote restore fails with 'index was deleted' when its follower index is deleted") {
  RestoreWorld w(100);
  w.begin();
  w.f.follower().delete_index("follower-01");
  w.f.run_until(kUsPerMin);
  CHECK(w.owner.failures == std::vector<std::string>{"index was deleted"});
  CHECK(w.owner.finished == 0);
}

}  // namespace
}  // namespace ccrsim
