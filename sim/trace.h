#pragma once
// The --trace log: one line per state change and step, stamped with simulated time. Off unless a file is given,
// and then nothing but a null check on the hot path.
#include <memory>
#include <string>

#include "sim/time.h"

namespace spdlog {
class logger;
}

namespace ccrsim {

class Trace {
 public:
  Trace() = default;
  // Opens (truncates) the file; false with `error` set when it cannot be written.
  bool open(const std::string& path, std::string& error);
  bool enabled() const { return logger_ != nullptr; }
  void log(sim_time_us t_us, const std::string& component, const std::string& message) const;
  void flush() const;

 private:
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace ccrsim
