#include "model/replication/index_task_events.h"

#include <catch2/catch.hpp>

#include "sim/network/network.h"

namespace ccrsim {
namespace {

// The layout is folded into every golden fingerprint: kind in bits 0-3, slot 4-11, shard 12-27, generation 28-59.
TEST_CASE("index task event args keep the shipped bit layout") {
  CHECK(IndexTaskEventArg::pack(IndexTaskEvent::kChunkArrived, 3, 2, 1) ==
        ((std::uint64_t{1} << 28) | (std::uint64_t{3} << 12) | (std::uint64_t{2} << 4) | 2));
  CHECK(IndexTaskEventArg::pack(IndexTaskEvent::kMonitor, 0, 0, 1) == ((std::uint64_t{1} << 28) | 4));
  CHECK(static_cast<std::uint64_t>(IndexTaskEvent::kChunkTimedOut) == 9);
}

TEST_CASE("index task event args read back kind - shard - slot and generation") {
  const std::uint64_t arg = IndexTaskEventArg::pack(IndexTaskEvent::kStoreMetadataRetry, 1023, 255, 0xFFFFFFFFU);
  CHECK(IndexTaskEventArg::kind(arg) == IndexTaskEvent::kStoreMetadataRetry);
  CHECK(IndexTaskEventArg::shard(arg) == 1023);
  CHECK(IndexTaskEventArg::slot(arg) == 255);
  CHECK(IndexTaskEventArg::current(arg, 0xFFFFFFFFU));
  CHECK_FALSE(IndexTaskEventArg::current(arg, 1));
  // A cut transfer's argument carries the network's flag in bit 63: the fields are unaffected.
  CHECK(IndexTaskEventArg::shard(arg | kTransferFailed) == 1023);
}

}  // namespace
}  // namespace ccrsim
