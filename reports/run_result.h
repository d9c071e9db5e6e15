#pragma once
// Everything a run produced that the report writers print. Filled by the scenario runner; read-only afterwards.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/json.h"
#include "sim/stats/delivery_histogram.h"
#include "sim/time.h"

namespace ccrsim {

struct StepResult {
  int index = 0;
  sim_time_us at_us = 0;
  sim_time_us done_us = 0;
  std::string on;
  std::string request;  // "PUT idx/_doc/1", "aws create-outbound-connection", "wait 30m"
  int status = 0;
  json body = json::object();  // parsed response (a string for text responses)
  std::string expect = "none";  // pass | fail | none
  std::string message;
  int attempts = 1;
};

// One point of a replication's lag over time.
struct LagPoint {
  sim_time_us t_us = 0;
  std::string status;
  std::int64_t leader_checkpoint = 0;
  std::int64_t follower_checkpoint = 0;
  std::int64_t lag_ops = 0;
  sim_time_us lag_time_us = 0;
};

// Keeps at most kMaxPoints points by merging neighbours into the worse of the two once full (deterministic
// downsampling that never hides a peak).
class LagSeries {
 public:
  static constexpr std::size_t kMaxPoints = 2000;
  void add(const LagPoint& p);
  void flush();  // closes the partly filled last bucket
  const std::vector<LagPoint>& points() const { return points_; }

 private:
  std::vector<LagPoint> points_;
  std::vector<LagPoint> pending_;  // the bucket being filled
  std::size_t bucket_size_ = 1;
};

struct ReplicationResult {
  std::string id;  // "follower-domain/follower-index"
  std::string follower_domain;
  std::string follower_index;
  std::string leader_domain;
  std::string leader_alias;
  std::string leader_index;
  std::string started_by = "request";
  std::string final_status;
  std::optional<sim_time_us> bootstrap_us;
  std::int64_t ops_replicated = 0;
  DeliveryHistogram lag_time;  // samples of time lag
  DeliveryHistogram lag_ops;   // samples of ops lag (stored as counts in the "microsecond" axis)
  DeliveryHistogram delivery;  // per operation
  LagSeries series;
  std::int64_t samples = 0;
};

struct ConnectionResult {
  std::string alias;
  std::string from;
  std::string to;
  std::string status;
  std::string reason;
};

struct CheckResult {
  std::string name;
  std::string metric;
  std::optional<double> value;  // seconds or a count; nullopt when nothing could be measured
  std::string limit_kind;       // max | min | eq
  double limit = 0;
  bool passed = false;
  std::string message;
};

struct RunResult {
  std::string ccrsim_version;
  std::string scenario_name;
  std::string scenario_file;
  std::uint64_t seed = 1;
  sim_time_us end_us = 0;
  std::uint64_t fingerprint = 0;
  std::uint64_t events = 0;
  std::vector<StepResult> steps;
  std::vector<ConnectionResult> connections;
  std::vector<ReplicationResult> replications;
  std::vector<CheckResult> checks;

  int expectations_total() const;
  int expectations_failed() const;
  int checks_failed() const;
  bool passed() const { return expectations_failed() == 0 && checks_failed() == 0; }
};

}  // namespace ccrsim
