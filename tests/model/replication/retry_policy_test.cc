#include "model/replication/retry_policy.h"

#include <catch2/catch.hpp>

namespace ccrsim {
namespace {

TEST_CASE("the retry helper sleeps 10 - 20 - 40 - 80 s between five attempts") {
  CHECK(RetryPolicy::sleep_after(0) == 10 * kUsPerS);
  CHECK(RetryPolicy::sleep_after(1) == 20 * kUsPerS);
  CHECK(RetryPolicy::sleep_after(2) == 40 * kUsPerS);
  CHECK(RetryPolicy::sleep_after(3) == 80 * kUsPerS);
  CHECK(RetryPolicy::may_retry(0));
  CHECK(RetryPolicy::may_retry(3));
  CHECK_FALSE(RetryPolicy::may_retry(4));  // the fifth attempt is the last
}

TEST_CASE("an unreachable leader fails a new request after 30 s and one in flight 60 s after it was sent") {
  CHECK(RetryPolicy::kConnectTimeoutUs == 30 * kUsPerS);
  CHECK(RetryPolicy::kRequestTimeoutUs == 60 * kUsPerS);
}

}  // namespace
}  // namespace ccrsim
