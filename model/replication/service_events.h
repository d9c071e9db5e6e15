#pragma once
// The replication service's events (its pending API replies and its collection of retired tasks) share one
// numbering of kinds and one argument layout, a kind and then the waiter's or continuation's id: the fingerprint
// folds every argument, so the numbers and the layout are those the golden fingerprints hold.
#include <cstddef>
#include <cstdint>

#include "sim/event_arg.h"

namespace ccrsim {

enum class ServiceEvent : std::uint64_t { kRespond = 1, kWaitTimeout, kCollect, kDeferred };

struct ServiceEventArg {
  static constexpr EventArgField kKind{0, 4};
  static constexpr EventArgField kId = field_after(kKind, 59);

  static constexpr std::uint64_t pack(ServiceEvent kind, std::uint64_t id = 0) {
    return kId.encode(id) | kKind.encode(static_cast<std::uint64_t>(kind));
  }
  static constexpr ServiceEvent kind(std::uint64_t arg) { return static_cast<ServiceEvent>(kKind.decode(arg)); }
  static constexpr std::size_t id(std::uint64_t arg) { return static_cast<std::size_t>(kId.decode(arg)); }
};

}  // namespace ccrsim
