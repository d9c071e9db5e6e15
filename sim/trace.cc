#include "sim/trace.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/spdlog.h>

#include <cstdio>

#include "sim/assert.h"

namespace ccrsim {

bool Trace::open(const std::string& path, std::string& error) {
  try {
    auto sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(path, true);
    logger_ = std::make_shared<spdlog::logger>("ccrsim-trace", sink);
    logger_->set_pattern("%v");  // simulated time only: the trace is deterministic too
    logger_->set_level(spdlog::level::info);
    CCRSIM_ASSERT(logger_ != nullptr);
    return true;
  } catch (const std::exception& e) {
    error = e.what();
    logger_.reset();
    return false;
  }
}

void Trace::log(sim_time_us t_us, const std::string& component, const std::string& message) const {
  if (!logger_) return;
  CCRSIM_ASSERT(t_us >= 0);  // simulated time only
  CCRSIM_ASSERT(!component.empty());
  char stamp[32];
  const int written = std::snprintf(stamp, sizeof stamp, "%12.6f", to_seconds(t_us));
  CCRSIM_ASSERT(written > 0 && written < static_cast<int>(sizeof stamp));
  logger_->info("[{}s] {}: {}", stamp, component, message);
}

void Trace::flush() const {
  if (logger_) logger_->flush();
}

}  // namespace ccrsim
