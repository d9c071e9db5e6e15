#include "app/run_limits.h"

#include <catch2/catch.hpp>
#include <string>

namespace ccrsim {
namespace {

using Catch::Matchers::Contains;

RunLimits events_only(std::uint64_t max_events) {
  RunLimits limits;
  limits.max_events = max_events;
  limits.max_wall_s = 0;
  return limits;
}

TEST_CASE("run guard: the defaults are far beyond any sane scenario") {
  const RunLimits limits;
  CHECK(limits.max_events == RunLimits::kDefaultMaxEvents);
  CHECK(limits.max_events >= 1'000'000'000ULL);
  CHECK(limits.max_wall_s == Approx(24 * 3600.0));
}

TEST_CASE("run guard: the event limit trips exactly at the limit and names it") {
  RunGuard guard(events_only(1000));
  CHECK_FALSE(guard.exceeded(0, 0));
  CHECK_FALSE(guard.exceeded(999, seconds_us(12)));
  CHECK(guard.message().empty());
  CHECK(guard.exceeded(1000, seconds_us(12) + 500 * kUsPerMs));
  CHECK(guard.message() ==
        "--max-events 1000 reached at 12.5 s simulated; the scenario schedules more events than allowed (raise the "
        "limit if it is meant to)");
}

TEST_CASE("run guard: once tripped it stays tripped with its first message") {
  RunGuard guard(events_only(10));
  REQUIRE(guard.exceeded(10, kUsPerS));
  const std::string first = guard.message();
  CHECK(guard.exceeded(0, 0));  // even a smaller count: the run has stopped
  CHECK(guard.exceeded(11, 5 * kUsPerS));
  CHECK(guard.message() == first);
}

TEST_CASE("run guard: zero turns a limit off") {
  RunLimits limits;
  limits.max_events = 0;
  limits.max_wall_s = 0;
  RunGuard guard(limits);
  CHECK_FALSE(guard.exceeded(0, 0));
  CHECK_FALSE(guard.exceeded(50'000'000'000ULL, kUsPerDay));
  CHECK(guard.message().empty());
}

TEST_CASE("run guard: the wall clock is read only every 4096 events") {
  RunLimits limits;
  limits.max_events = 0;
  limits.max_wall_s = 1e-9;  // already spent by the time anything is asked
  RunGuard guard(limits);
  CHECK_FALSE(guard.exceeded(0, 0));
  CHECK_FALSE(guard.exceeded(4095, 0));
  CHECK(guard.exceeded(4096, 3 * kUsPerS));
  CHECK_THAT(guard.message(), Contains("--max-wall ") && Contains(" s reached at 3.0 s simulated after 4096 events") &&
                                  Contains("(raise the limit if the run is meant to be long)"));
}

TEST_CASE("run guard: the event limit is checked before the wall clock") {
  RunLimits limits;
  limits.max_events = 4096;
  limits.max_wall_s = 1e-9;
  RunGuard guard(limits);
  CHECK(guard.exceeded(4096, 0));
  CHECK_THAT(guard.message(), Catch::Matchers::StartsWith("--max-events 4096 reached"));
}

}  // namespace
}  // namespace ccrsim
