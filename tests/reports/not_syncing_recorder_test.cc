#include "reports/not_syncing_recorder.h"

#include <catch2/catch.hpp>
#include <map>

#include "model/replication/index_replication_task.h"

namespace ccrsim {
namespace {

// A recorder whose idea of SYNCING the test sets per entry id.
struct Fixture {
  std::map<int, bool> syncing;
  NotSyncingRecorder recorder{[this](const ReplicationEntry& e) { return syncing[e.id]; }};

  void at(const ReplicationEntry& e, sim_time_us t_us, bool is_syncing) {
    syncing[e.id] = is_syncing;
    recorder.status_may_have_changed(e, t_us);
  }
};

ReplicationEntry entry(int id, sim_time_us started_us) {
  ReplicationEntry e;
  e.id = id;
  e.started_us = started_us;
  return e;
}

TEST_CASE("not_syncing: a replication that never reached SYNCING counts its whole run from its start") {
  Fixture f;
  const ReplicationEntry e = entry(0, 10 * kUsPerS);
  CHECK(f.recorder.not_syncing_us(e, 100 * kUsPerS) == 90 * kUsPerS);
  f.at(e, 11 * kUsPerS, false);  // BOOTSTRAPPING, then PAUSED: still never SYNCING
  f.at(e, 50 * kUsPerS, false);
  CHECK(f.recorder.not_syncing_us(e, 100 * kUsPerS) == 90 * kUsPerS);
}

TEST_CASE("not_syncing: the time before the first SYNCING does not count - a pause after it does") {
  Fixture f;
  const ReplicationEntry e = entry(3, 0);
  f.at(e, 1 * kUsPerS, false);   // bootstrapping
  f.at(e, 20 * kUsPerS, true);   // first SYNCING
  f.at(e, 60 * kUsPerS, false);  // paused
  f.at(e, 61 * kUsPerS, false);  // a probe without a change changes nothing
  f.at(e, 90 * kUsPerS, true);   // resumed
  f.at(e, 95 * kUsPerS, true);
  CHECK(f.recorder.not_syncing_us(e, 200 * kUsPerS) == 30 * kUsPerS);
}

TEST_CASE("not_syncing: a replication that ends outside SYNCING counts until the end of the run") {
  Fixture f;
  const ReplicationEntry e = entry(1, 0);
  f.at(e, 5 * kUsPerS, true);
  f.at(e, 10 * kUsPerS, false);
  f.at(e, 12 * kUsPerS, true);
  f.at(e, 40 * kUsPerS, false);  // failed for good
  CHECK(f.recorder.not_syncing_us(e, 100 * kUsPerS) == 2 * kUsPerS + 60 * kUsPerS);
}

TEST_CASE("not_syncing: replications are tracked apart") {
  Fixture f;
  const ReplicationEntry a = entry(0, 0);
  const ReplicationEntry b = entry(1, 30 * kUsPerS);
  f.at(a, 1 * kUsPerS, true);
  f.at(b, 31 * kUsPerS, false);
  f.at(a, 50 * kUsPerS, false);
  CHECK(f.recorder.not_syncing_us(a, 60 * kUsPerS) == 10 * kUsPerS);
  CHECK(f.recorder.not_syncing_us(b, 60 * kUsPerS) == 30 * kUsPerS);
}

}  // namespace
}  // namespace ccrsim
