#include "model/replication/replication_buggify.h"

#include "sim/assert.h"

namespace ccrsim {

namespace {

constexpr double kThrottledProbability = 0.02;
constexpr double kUnavailableProbability = 0.01;
constexpr double kShortAnswerProbability = 0.05;

}  // namespace

GetChangesFaultHook buggify_get_changes(Buggify& buggify) {
  return [&buggify](const ReplicationEntry&, int shard, SeqRange requested) {
    CCRSIM_ASSERT(shard >= 0);
    CCRSIM_ASSERT(!requested.empty());  // a reader asks for at least one operation
    GetChangesFault fault;
    if (buggify.fires("replication/get-changes-429", kThrottledProbability)) {
      fault.status = 429;
    } else if (buggify.fires("replication/get-changes-503", kUnavailableProbability)) {
      fault.status = 503;
    } else if (buggify.fires("replication/get-changes-short", kShortAnswerProbability)) {
      fault.truncate_to = requested.from + (requested.to - requested.from) / 4;  // at least one operation
    }
    return fault;
  };
}

}  // namespace ccrsim
