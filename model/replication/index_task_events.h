#pragma once
// The events of an index task and of its remote restore share one argument layout and one numbering of kinds:
// the fingerprint folds every argument, so the numbers and the layout are those the golden fingerprints hold.
#include <cstdint>

#include "sim/event_arg.h"

namespace ccrsim {

enum class IndexTaskEvent : std::uint64_t {
  kChunkRequestArrives = 1,
  kChunkArrived,
  kChunkRetry,
  kMonitor,
  kMetadataSync,
  kStoreMetadataArrives,  // GetStoreMetadata reached the leader primary
  kStoreMetadataReturned,
  kStoreMetadataRetry,
  kChunkTimedOut,  // a restore request (store metadata or chunk) to an unreachable leader timed out
};

struct IndexTaskEventArg {
  static constexpr EventArgField kKind{0, 4};
  static constexpr EventArgField kSlot = field_after(kKind, 8);
  static constexpr EventArgField kShard = field_after(kSlot, 16);
  static constexpr EventArgField kGeneration = field_after(kShard, 32);

  static constexpr std::uint64_t pack(IndexTaskEvent kind, int shard, int slot, std::uint32_t generation) {
    return kGeneration.encode(generation) | kShard.encode(static_cast<std::uint64_t>(shard)) |
           kSlot.encode(static_cast<std::uint64_t>(slot)) | kKind.encode(static_cast<std::uint64_t>(kind));
  }
  static constexpr IndexTaskEvent kind(std::uint64_t arg) { return static_cast<IndexTaskEvent>(kKind.decode(arg)); }
  static constexpr int shard(std::uint64_t arg) { return static_cast<int>(kShard.decode(arg)); }
  static constexpr int slot(std::uint64_t arg) { return static_cast<int>(kSlot.decode(arg)); }
  static constexpr bool current(std::uint64_t arg, std::uint32_t generation) {
    return kGeneration.decode(arg) == generation;
  }
};

}  // namespace ccrsim
