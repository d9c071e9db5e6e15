#pragma once
// Run-time guards against a runaway scenario (`ccrsim run --max-events N --max-wall SECONDS`): a scenario that
// passes every load-time limit can still schedule far more events than intended (a 1 ms poll for a year). The
// guard stops the run, and the command exits 2 with a message naming the limit; no report is written.
// The wall clock is read only here, and only decides whether to stop, never what the report says.
#include <chrono>
#include <cstdint>
#include <string>

#include "sim/time.h"

namespace ccrsim {

struct RunLimits {
  // Defaults that a sane scenario never reaches: ~10^10 events is hours of wall time at today's speed.
  static constexpr std::uint64_t kDefaultMaxEvents = 10'000'000'000ULL;
  static constexpr double kDefaultMaxWallS = 24 * 3600.0;

  std::uint64_t max_events = kDefaultMaxEvents;  // 0: no limit
  double max_wall_s = kDefaultMaxWallS;          // 0: no limit
};

class RunGuard {
 public:
  explicit RunGuard(const RunLimits& limits);

  // True once a limit is hit (and from then on); `events` is the count so far, `now_us` the simulated time.
  // Asked before every event, so the common answer is one comparison.
  bool exceeded(std::uint64_t events, sim_time_us now_us) {
    if (events < next_check_events_) return false;
    return check(events, now_us);
  }
  // Which limit stopped the run, e.g. "--max-events 1000 reached at 12.5 s simulated"; empty when none did.
  const std::string& message() const { return message_; }

 private:
  static constexpr std::uint64_t kWallCheckEveryEvents = 4096;

  bool check(std::uint64_t events, sim_time_us now_us);

  RunLimits limits_;
  std::chrono::steady_clock::time_point started_;
  std::uint64_t next_wall_check_ = kWallCheckEveryEvents;
  std::uint64_t next_check_events_ = 0;  // no limit can trip below this event count (0 once one has)
  std::string message_;
};

}  // namespace ccrsim
