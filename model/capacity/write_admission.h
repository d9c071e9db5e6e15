#pragma once
// How many of a run of writes a primary shard acknowledges when written faster than its shard_index_rate
// (docs/scenario-format.md §7.3, docs/capacity.md "Leader writes"). The primary's write thread indexes one operation
// every 1 / rate seconds and queues at most kWriteQueueUs of work; an operation arriving when the queue is fuller than
// that is refused with a 429 (rejected_execution_exception). The greedy single-server queue is solved in closed form
// for a run of evenly spaced arrivals, so a run costs O(1) whatever its length, and splitting a run into pieces gives
// the same answer.
#include <cstdint>

#include "sim/time.h"

namespace ccrsim {

// Work the write queue holds before it refuses (simulator-defined; the real queue counts bulk requests per node).
inline constexpr double kWriteQueueUs = 100'000;

// The acknowledged part of a run: `accepted` operations written from t_first_us, one every spacing_us (the queue's
// order of service, spread over the arrivals that were accepted).
struct AdmittedRun {
  std::int64_t accepted = 0;
  std::int64_t rejected = 0;
  double t_first_us = 0;
  double spacing_us = 0;
};

class WriteAdmission {
 public:
  // `count` arrivals at t_first_us + i * spacing_us (i = 0..count-1), in time order after every earlier call.
  // rate_per_s <= 0 means unbounded: everything is accepted.
  AdmittedRun admit(std::int64_t count, double t_first_us, double spacing_us, double rate_per_s);

  // No arrival before this can be accepted (the queue is full until then).
  double earliest_accept_us(double rate_per_s) const;

 private:
  double free_us_ = -1e300;  // when the write thread has indexed every accepted operation
};

}  // namespace ccrsim
