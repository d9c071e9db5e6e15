#pragma once
// A fault window for tests, named after its kind.
#include <optional>
#include <string>
#include <utility>

#include "model/faults/fault_injector.h"

namespace ccrsim::testing {

inline FaultSpec fault(FaultKind kind, sim_time_us at_us, std::optional<sim_time_us> duration_us, std::string a,
                       std::string b = "") {
  FaultSpec f;
  f.name = std::string(fault_kind_name(kind)) + "-test";
  f.kind = kind;
  f.at_us = at_us;
  f.duration_us = duration_us;
  f.a = std::move(a);
  f.b = std::move(b);
  return f;
}

}  // namespace ccrsim::testing
