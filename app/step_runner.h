#pragma once
// Runs the scenario's steps one after another like an operator's script (docs/scenario-format.md §5): a step starts at
// its `at` or when the previous one completed, whichever is later; `within` turns it into a poll every `every`.
#include <cstdint>
#include <vector>

#include "model/rest/rest_router.h"
#include "model/world.h"
#include "reports/run_result.h"
#include "scenario/scenario.h"
#include "sim/event_queue.h"

namespace ccrsim {

class StepRunner : public EventTarget {
 public:
  StepRunner(World& world, const RestRouter& router, const std::vector<StepSpec>& steps);

  void start();
  bool done() const { return next_ >= steps_.size() && !in_step_; }
  const std::vector<StepResult>& results() const { return results_; }
  void on_event(std::uint64_t arg) override;

 private:
  enum Event : std::uint64_t { kBegin = 1, kAttempt = 2, kWaitOver = 3 };

  void schedule_next();
  void begin_step();
  void attempt();
  void on_response(std::uint64_t attempt_generation, RestResponse response);
  void finish(StepResult result);
  StepResult& current() { return results_.back(); }
  const StepSpec& spec() const { return steps_[next_ - 1]; }

  World& world_;
  const RestRouter& router_;
  const std::vector<StepSpec>& steps_;
  std::vector<StepResult> results_;
  std::size_t next_ = 0;  // index of the next step to begin
  bool in_step_ = false;
  sim_time_us step_began_us_ = 0;
  std::uint64_t attempt_generation_ = 0;
};

}  // namespace ccrsim
