#include "app/run_limits.h"

#include <algorithm>

#include "reports/number_format.h"
#include "sim/units.h"

namespace ccrsim {

RunGuard::RunGuard(const RunLimits& limits) : limits_(limits), started_(std::chrono::steady_clock::now()) {}

bool RunGuard::check(std::uint64_t events, sim_time_us now_us) {
  if (!message_.empty()) return true;
  if (limits_.max_events > 0 && events >= limits_.max_events) {
    message_ = "--max-events " + std::to_string(limits_.max_events) + " reached at " + format_seconds(now_us) +
               " s simulated; the scenario schedules more events than allowed (raise the limit if it is meant to)";
    next_check_events_ = 0;
    return true;
  }
  if (limits_.max_wall_s > 0 && events >= next_wall_check_) {
    next_wall_check_ = events + kWallCheckEveryEvents;
    const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    if (wall_s >= limits_.max_wall_s) {
      message_ = "--max-wall " + format_number(limits_.max_wall_s) + " s reached at " + format_seconds(now_us) +
                 " s simulated after " + std::to_string(events) +
                 " events (raise the limit if the run is meant to be long)";
      next_check_events_ = 0;
      return true;
    }
  }
  next_check_events_ = std::min(limits_.max_events > 0 ? limits_.max_events : UINT64_MAX,
                                limits_.max_wall_s > 0 ? next_wall_check_ : UINT64_MAX);
  return false;
}

}  // namespace ccrsim
