#include "scenario/top_level_reader.h"

#include <string>

#include "scenario/checks_reader.h"
#include "scenario/connections_reader.h"
#include "scenario/domains_reader.h"
#include "scenario/faults_reader.h"
#include "scenario/indices_reader.h"
#include "scenario/network_reader.h"
#include "scenario/scenario_limits.h"
#include "scenario/steps_reader.h"
#include "scenario/workload_reader.h"
#include "sim/units.h"

namespace ccrsim::reader {

void TopLevelReader::read(const Fields& top) {
  const std::string ctx = "at the top level";
  if (const Entry* e = require(top, "name", ctx)) {
    if (auto name = read_string(*e)) {
      if (name->empty()) error(e->value_pos, "name must not be empty");
      s_.name = *name;
    }
  }
  if (const Entry* e = top.get("seed")) {
    if (auto seed = read_uint64(*e)) s_.seed = *seed;
  }
  if (auto d = read_positive_duration(top, "duration")) s_.duration_us = *d;
  if (auto d = read_positive_duration(top, "sample_interval")) {
    s_.sample_interval_us = *d;
    check_sample_count(top.get("sample_interval")->value_pos);
  }
  if (auto d = read_positive_duration(top, "lag_threshold")) s_.lag_threshold_us = *d;
  if (const Entry* e = require(top, "domains", ctx)) DomainsReader(diags_, s_, domain_names_).read(*e);
  // Sections that refer to domains or faults come after the things they refer to.
  if (const Entry* e = top.get("connections")) ConnectionsReader(diags_, s_, domain_names_).read(*e);
  if (const Entry* e = top.get("connection_delays")) ConnectionsReader(diags_, s_, domain_names_).read_delays(*e);
  if (const Entry* e = top.get("network")) NetworkReader(diags_, s_, domain_names_).read(*e);
  if (const Entry* e = top.get("indices")) IndicesReader(diags_, s_, domain_names_).read(*e);
  if (const Entry* e = top.get("workload")) WorkloadReader(diags_, s_, domain_names_).read(*e);
  if (const Entry* e = top.get("faults")) FaultsReader(diags_, s_, domain_names_).read(*e);
  if (const Entry* e = top.get("steps")) StepsReader(diags_, s_, domain_names_).read(*e);
  if (const Entry* e = top.get("checks")) ChecksReader(diags_, s_, domain_names_).read(*e);
}

std::optional<sim_time_us> TopLevelReader::read_positive_duration(const Fields& top, const char* key) {
  const Entry* e = top.get(key);
  if (e == nullptr) return std::nullopt;
  const std::optional<sim_time_us> d = read_duration(*e);
  if (d && *d == 0) {
    error(e->value_pos, std::string(key) + " must be greater than 0s");
    return std::nullopt;
  }
  return d;
}

// duration is read before sample_interval (read()'s order); without one, a run may last the longest duration.
void TopLevelReader::check_sample_count(SourcePos pos) {
  const sim_time_us duration_us = s_.duration_us.value_or(scenario_limits::kMaxDurationUs);
  const std::int64_t samples = duration_us / s_.sample_interval_us;
  if (samples <= scenario_limits::kMaxSamples) return;
  error(pos, "sample_interval " + format_duration(s_.sample_interval_us) + " over " + format_duration(duration_us) +
                 " is " + std::to_string(samples) + " lag samples; at most " +
                 std::to_string(scenario_limits::kMaxSamples) + " per run (raise sample_interval)");
}

}  // namespace ccrsim::reader
