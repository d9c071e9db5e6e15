#pragma once
// The metrics a scenario's `checks:`, a sweep and `ccrsim capacity` may name: the format's vocabulary. Each entry is
// a name, its kind (a time, printed in seconds, or a count) and one line of meaning; reports/ computes the values.
// A new metric is one entry here plus the recorder that computes it (docs/architecture.md).
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ccrsim {

enum class MetricKind { kTime, kCount };

struct MetricInfo {
  std::string_view name;
  MetricKind kind;
  std::string_view meaning;
};

// Every metric, in the order error messages and docs list them.
std::span<const MetricInfo> metric_catalogue();
// nullptr when no metric has that name.
const MetricInfo* find_metric(std::string_view name);

// The names the loader lists in its unknown-metric error, in catalogue order: every metric but the newest ones,
// whose listing would change the golden error files (the .cc says which).
const std::vector<std::string>& check_metric_names();
// Whether `metric` is a time (seconds); false for counts and unknown names.
bool is_time_metric_name(std::string_view metric);

}  // namespace ccrsim
