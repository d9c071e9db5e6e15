#pragma once
// The engine: a clock, the future-event set and a running fingerprint of the trajectory. Model objects schedule
// events on themselves (EventTarget + arg); nothing here knows what a domain or a shard is.
#include <cstdint>

#include "sim/buggify.h"
#include "sim/event_queue.h"
#include "sim/time.h"

namespace ccrsim {

class Simulator {
 public:
  sim_time_us now() const { return now_us_; }

  EventHandle schedule_at(sim_time_us t_us, EventTarget* target, std::uint64_t arg);
  EventHandle schedule_in(sim_time_us delay_us, EventTarget* target, std::uint64_t arg) {
    return schedule_at(now_us_ + delay_us, target, arg);
  }
  bool cancel(EventHandle& handle);  // resets the handle
  // cancel(handle) then schedule_at(t_us, target, arg), with the same outcome, but cheaper when the handle is still
  // pending (for timers that keep moving, such as a flow's completion when link shares change).
  EventHandle reschedule_at(EventHandle& handle, sim_time_us t_us, EventTarget* target, std::uint64_t arg);
  bool pending(EventHandle handle) const { return queue_.pending(handle); }

  // Runs every event with time <= end_us, then sets the clock to end_us. Returns false when stopped early.
  bool run_until(sim_time_us end_us);
  // Fires exactly one event if one is due at or before end_us; returns false if none was.
  bool step(sim_time_us end_us);
  void stop() { stop_requested_ = true; }

  bool idle() const { return queue_.empty(); }
  sim_time_us next_event_time() const { return queue_.empty() ? kTimeNever : queue_.next_time(); }
  std::size_t pending_events() const { return queue_.size(); }
  std::uint64_t events_processed() const { return events_processed_; }
  // 64-bit hash of every fired event's (time, arg) in order: equal fingerprints mean equal trajectories.
  std::uint64_t fingerprint() const { return fingerprint_; }
  // Models fold their own decisions (e.g. a state change) into the fingerprint.
  void mix_fingerprint(std::uint64_t value);
  // The run's buggify sites (off unless a swarm run enables them).
  Buggify& buggify() { return buggify_; }
  const Buggify& buggify() const { return buggify_; }

 private:
  EventQueue queue_;
  sim_time_us now_us_ = 0;
  std::uint64_t events_processed_ = 0;
  std::uint64_t fingerprint_ = 0xcbf29ce484222325ULL;
  bool stop_requested_ = false;
  Buggify buggify_;
};

}  // namespace ccrsim
