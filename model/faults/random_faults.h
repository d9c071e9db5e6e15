#pragma once
// Resolves `random:` fault entries (docs/scenario-format.md §4.6 extension, docs/faults.md) into concrete fault
// windows, from the scenario seed only: each random entry draws from its own named stream ("faults/random/<entry
// index>"), so the same seed always gives the same schedule and adding an entry never changes another's draws. The
// resolved list is what the injector plays and what the report lists, so a failing run can be replayed with its faults
// written out and removed one by one.
#include <vector>

#include "scenario/scenario.h"

namespace ccrsim {

// Defaults of randomly drawn degradations (simulator-defined).
inline constexpr sim_time_us kRandomLatencyAddUs = 200 * kUsPerMs;
inline constexpr double kRandomBandwidthBytesPerS = 10e6 / 8;  // 10mbit/s
inline constexpr int kMaxRandomFaultsPerEntry = 2000;

// The scenario's faults with every random entry replaced by the windows it draws, in start order within each entry
// (fixed faults keep their place).
std::vector<FaultSpec> resolve_faults(const Scenario& scenario);

}  // namespace ccrsim
