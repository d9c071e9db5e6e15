#include "sim/simulator.h"

#include "sim/assert.h"

namespace ccrsim {

EventHandle Simulator::schedule_at(sim_time_us t_us, EventTarget* target, std::uint64_t arg) {
  CCRSIM_ASSERT(target != nullptr);
  // Never into the past: a model bug would otherwise reorder history. A caller that means "now or later" says so.
  CCRSIM_ASSERT(t_us >= now_us_);
  return queue_.push(t_us, target, arg);
}

EventHandle Simulator::reschedule_at(EventHandle& handle, sim_time_us t_us, EventTarget* target, std::uint64_t arg) {
  CCRSIM_ASSERT(target != nullptr);
  CCRSIM_ASSERT(t_us >= now_us_);
  const EventHandle moved = queue_.reschedule(handle, t_us, target, arg);
  handle = EventHandle{};
  return moved;
}

bool Simulator::cancel(EventHandle& handle) {
  const bool was_pending = queue_.cancel(handle);
  handle = EventHandle{};
  return was_pending;
}

void Simulator::mix_fingerprint(std::uint64_t value) {
  fingerprint_ ^= value + 0x9e3779b97f4a7c15ULL + (fingerprint_ << 6) + (fingerprint_ >> 2);
}

bool Simulator::step(sim_time_us end_us) {
  if (queue_.empty() || queue_.next_time() > end_us) return false;
  const FiredEvent e = queue_.pop();
  CCRSIM_ASSERT(e.time >= now_us_);  // time never runs backwards
  now_us_ = e.time;
  ++events_processed_;
  mix_fingerprint(static_cast<std::uint64_t>(e.time) * 0x100000001b3ULL ^ e.arg);
  e.target->on_event(e.arg);
  return true;
}

bool Simulator::run_until(sim_time_us end_us) {
  stop_requested_ = false;
  while (!stop_requested_ && step(end_us)) {
  }
  if (stop_requested_) return false;
  if (end_us > now_us_) now_us_ = end_us;
  return true;
}

}  // namespace ccrsim
