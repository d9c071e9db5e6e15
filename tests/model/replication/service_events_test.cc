#include "model/replication/service_events.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

// The layout is folded into every golden fingerprint: kind in bits 0-3, the waiter or continuation id above.
TEST_CASE("service event args keep the shipped bit layout") {
  CHECK(ServiceEventArg::pack(ServiceEvent::kCollect) == 3);
  CHECK(ServiceEventArg::pack(ServiceEvent::kWaitTimeout, 5) == ((5 << 4) | 2));
  CHECK(ServiceEventArg::pack(ServiceEvent::kDeferred, 1000) == ((1000 << 4) | 4));
  CHECK(ServiceEventArg::pack(ServiceEvent::kRespond, 0) == 1);
}

TEST_CASE("service event args read back kind and id") {
  const std::uint64_t arg = ServiceEventArg::pack(ServiceEvent::kDeferred, 123456789);
  CHECK(ServiceEventArg::kind(arg) == ServiceEvent::kDeferred);
  CHECK(ServiceEventArg::id(arg) == 123456789);
}

}  // namespace
}  // namespace ccrsim
