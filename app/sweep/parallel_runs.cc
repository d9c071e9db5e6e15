#include "app/sweep/parallel_runs.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>

#include "app/scenario_runner.h"
#include "reports/run_metric.h"

namespace ccrsim {

namespace {

constexpr int kMaxJobs = 1024;
constexpr std::size_t kBarWidth = 30;

}  // namespace

RunMeasure measure_run(const Scenario& scenario, const std::vector<std::string>& metrics,
                       const std::function<void(const RunResult&)>& on_result) {
  RunMeasure m;
  try {
    const RunOutcome outcome = run_scenario(scenario, RunOptions{});
    if (!outcome.error.empty()) {
      m.error = outcome.error;
      return m;
    }
    for (const std::string& metric : metrics) m.metrics.push_back(run_metric(metric, outcome.result));
    m.passed = outcome.result.passed();
    if (on_result) on_result(outcome.result);
  } catch (const std::exception& e) {
    m.error = std::string("the run failed: ") + e.what();
  }
  if (m.metrics.size() != metrics.size()) m.metrics.assign(metrics.size(), std::nullopt);
  return m;
}

int effective_jobs(int jobs) {
  if (jobs > 0) return std::min(jobs, kMaxJobs);
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, static_cast<unsigned>(kMaxJobs)));
}

void for_each_in_parallel(std::size_t count, int jobs, const std::function<void(std::size_t)>& work,
                          const std::function<void(std::size_t, std::size_t)>& on_done) {
  std::atomic<std::size_t> next{0};
  std::size_t done = 0;
  std::mutex done_mutex;
  const auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) {
      work(i);
      const std::lock_guard<std::mutex> lock(done_mutex);
      ++done;
      if (on_done) on_done(done, count);
    }
  };
  const auto threads = static_cast<std::size_t>(std::max(1, effective_jobs(jobs)));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < std::min(threads, count); ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

ProgressBar::ProgressBar(std::string label) : label_(std::move(label)), enabled_(isatty(STDERR_FILENO) != 0) {}

ProgressBar::~ProgressBar() {
  if (enabled_) std::fprintf(stderr, "\r%70s\r", "");
}

void ProgressBar::update(std::size_t done, std::size_t count) {
  if (!enabled_ || count == 0) return;
  const std::size_t filled = done * kBarWidth / count;
  std::string bar(filled, '#');
  bar.resize(kBarWidth, '.');
  std::fprintf(stderr, "\r[ccrsim] %s [%s] %zu/%zu runs", label_.c_str(), bar.c_str(), done, count);
  std::fflush(stderr);
}

}  // namespace ccrsim
