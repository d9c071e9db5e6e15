#include "model/replication/replication_buggify.h"

#include <catch2/catch.hpp>
#include <cstdint>

#include "model/replication/index_replication_task.h"
#include "model/replication/replication_entry.h"

namespace ccrsim {
namespace {

struct Tally {
  int throttled = 0;
  int unavailable = 0;
  int short_answers = 0;
  int normal = 0;
};

Tally tally(Buggify& buggify, int calls) {
  const GetChangesFaultHook hook = buggify_get_changes(buggify);
  ReplicationEntry entry;
  Tally t;
  for (int i = 0; i < calls; ++i) {
    const SeqRange asked{1000, 1999};
    const GetChangesFault f = hook(entry, 0, asked);
    if (f.status == 429) {
      ++t.throttled;
    } else if (f.status == 503) {
      ++t.unavailable;
    } else if (f.truncate_to != INT64_MAX) {
      ++t.short_answers;
      CHECK(f.truncate_to >= asked.from);  // never an empty answer
      CHECK(f.truncate_to < asked.to);
    } else {
      CHECK(f.status == 0);
      ++t.normal;
    }
  }
  return t;
}

TEST_CASE("replication buggify: off - every GetChanges is answered normally") {
  Buggify off;
  const Tally t = tally(off, 500);
  CHECK(t.normal == 500);
  CHECK(off.counts().empty());
}

TEST_CASE("replication buggify: on - the active sites refuse or shorten some answers and only those") {
  int seeds_with_faults = 0;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    Buggify on;
    on.enable(seed);
    const Tally t = tally(on, 2000);
    CHECK(t.throttled + t.unavailable + t.short_answers + t.normal == 2000);
    CHECK(t.normal > 1700);  // each site fires at a few percent at most
    if (t.throttled + t.unavailable + t.short_answers > 0) ++seeds_with_faults;
    for (const Buggify::SiteCount& c : on.counts()) {
      if (!c.active) CHECK(c.fired == 0);
    }
  }
  CHECK(seeds_with_faults > 10);  // about 58 % of seeds activate at least one of the three sites
  CHECK(seeds_with_faults < 40);
}

}  // namespace
}  // namespace ccrsim
