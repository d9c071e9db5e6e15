#pragma once
// A synthetic writer (docs/scenario-format.md §4.5). It never produces one event per document: the domain asks it to
// catch up to "now" before anyone reads the index, and it appends the operations issued since as runs of seq_nos per
// shard. Uniform arrivals are exact (op k at from + k/rate); Poisson arrivals are counts per 1 s bucket drawn from a
// named stream, in bucket order, so the result does not depend on when the catch-up happens.
#include <cstdint>
#include <functional>
#include <string>

#include "scenario/scenario.h"
#include "sim/rng.h"

namespace ccrsim {

class Index;

class Workload {
 public:
  Workload(const WorkloadSpec& spec, std::uint64_t seed, int ordinal, sim_time_us end_us);

  // Index name for operations issued at t (rollover aware).
  std::string index_name_at(sim_time_us t_us) const;
  const WorkloadSpec& spec() const { return spec_; }
  std::int64_t issued() const { return issued_; }
  std::int64_t refused() const { return refused_; }
  // Of refused(): operations routed to a primary that was unassigned (node_down without a replica).
  std::int64_t refused_unassigned() const { return refused_unassigned_; }
  // Operations a primary refused because they came faster than its shard_index_rate (429, docs/capacity.md).
  std::int64_t rejected() const { return rejected_; }
  // The writing domain's shard_index_rate (0: unbounded).
  void set_shard_index_rate(double rate_per_s) { shard_index_rate_per_s_ = rate_per_s; }

  // Appends every operation issued in (caught_up_to, t] to the index that `resolve` returns for the operation's
  // time (nullptr: the writes are refused, e.g. the index is closed or the domain is down, and counted).
  void catch_up(sim_time_us t_us, const std::function<Index*(const std::string& name, sim_time_us t_us)>& resolve);

  // Earliest time after t at which this writer issues an operation for shard `shard` of `index_name` (an index of
  // `shard_count` primaries), kTimeNever if it never will. Exact for uniform arrivals; for Poisson arrivals the
  // start of the next 1 s bucket (callers re-check then), since bucket counts are drawn lazily.
  sim_time_us next_op_time_after(sim_time_us t_us, const std::string& index_name, int shard, int shard_count) const;

 private:
  // Operations issued in [from, t] (uniform arrivals).
  std::int64_t uniform_count_upto(sim_time_us t_us) const;
  sim_time_us uniform_time_of(std::int64_t k) const;
  double uniform_exact_time_of(std::int64_t k) const;
  // Appends ops first_k .. first_k + count - 1, op first_k + i written at t_first_us + i * spacing_us.
  void emit(Index* index, std::int64_t first_k, std::int64_t count, double t_first_us, double spacing_us);
  void catch_up_window(sim_time_us lo_us, sim_time_us hi_us,
                       const std::function<Index*(const std::string&, sim_time_us)>& resolve);

  WorkloadSpec spec_;
  sim_time_us end_us_;
  Rng rng_;
  sim_time_us caught_up_us_ = -1;
  std::int64_t issued_ = 0;   // operations generated so far (their k runs 0..issued-1)
  std::int64_t refused_ = 0;  // of which refused
  std::int64_t refused_unassigned_ = 0;
  // Of which rejected by a primary over its shard_index_rate.
  std::int64_t rejected_ = 0;
  double shard_index_rate_per_s_ = 0;
  // Poisson: the bucket being consumed.
  sim_time_us bucket_start_us_ = -1;
  std::int64_t bucket_count_ = 0;
  std::int64_t bucket_taken_ = 0;
};

}  // namespace ccrsim
