#pragma once
// One primary shard's operation history. Operations are never stored one by one: the history is a list of runs,
// each a range of consecutive seq_nos written at evenly spaced times. Explicit documents (written by steps) are
// rare and kept individually so they can be read back and replayed. Replica copies are assumed in sync with the
// primary, so the global checkpoint equals the max seq_no (documented simplification).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/capacity/write_admission.h"
#include "sim/json.h"
#include "sim/time.h"

namespace ccrsim {

inline constexpr std::int64_t kNoOpsPerformed = -1;  // SequenceNumbers.NO_OPS_PERFORMED

// Consecutive seq_nos [first_seq_no, first_seq_no + count) written from t_first_us, one every spacing_us. Both are
// fractional microseconds so that a steady writer's run, extended a piece at a time, gives exactly the same write
// times however often it was extended.
struct OpRun {
  std::int64_t first_seq_no = 0;
  std::int64_t count = 0;
  double t_first_us = 0;
  double spacing_us = 0;
  std::int64_t bytes_per_op = 0;

  std::int64_t last_seq_no() const { return first_seq_no + count - 1; }
  double exact_time_of(std::int64_t seq_no) const {
    return t_first_us + static_cast<double>(seq_no - first_seq_no) * spacing_us;
  }
  sim_time_us time_of(std::int64_t seq_no) const { return static_cast<sim_time_us>(exact_time_of(seq_no)); }
  sim_time_us t_last_us() const { return time_of(last_seq_no()); }
};

enum class DocOpKind { kIndex, kDelete };

// An explicit document operation, kept so GET/_search and followers can see it.
struct DocOp {
  DocOpKind kind = DocOpKind::kIndex;
  std::string id;
  json source;  // empty for deletes
  std::int64_t version = 1;
  std::int64_t bytes = 0;
};

class Shard {
 public:
  // Appends `count` synthetic index operations written between t_first and t_last (inclusive, evenly spaced).
  void append_synthetic(std::int64_t count, sim_time_us t_first_us, sim_time_us t_last_us, std::int64_t bytes_per_op);
  // The same with exact fractional times: op i (0-based) of the run is written at t_first_us + i * spacing_us.
  void append_synthetic_spaced(std::int64_t count, double t_first_us, double spacing_us, std::int64_t bytes_per_op);
  // Appends one explicit operation at time t and returns its seq_no.
  std::int64_t append_explicit(DocOp op, sim_time_us t_us);
  // Follower side: applies the leader's operations [from, to] at time t, copying explicit ones.
  void apply_replicated(const Shard& leader, std::int64_t from_seq_no, std::int64_t to_seq_no, sim_time_us t_us);

  std::int64_t max_seq_no() const { return max_seq_no_; }
  std::int64_t global_checkpoint() const { return max_seq_no_; }
  std::int64_t local_checkpoint() const { return max_seq_no_; }
  // Highest seq_no written at or before t (kNoOpsPerformed if none).
  std::int64_t seq_no_at(sim_time_us t_us) const;
  // Write time of an operation held by this shard.
  sim_time_us write_time(std::int64_t seq_no) const;
  // Bytes of operations in [from, to].
  std::int64_t bytes_between(std::int64_t from_seq_no, std::int64_t to_seq_no) const;

  std::int64_t store_bytes() const { return store_bytes_; }
  // Synthetic documents among seq_nos [0, upto].
  std::int64_t synthetic_docs_upto(std::int64_t upto_seq_no) const;
  const std::map<std::int64_t, DocOp>& explicit_ops() const { return explicit_ops_; }
  const std::vector<OpRun>& runs() const { return runs_; }
  // The primary's write queue: which synthetic writes it acknowledges under its shard_index_rate.
  WriteAdmission& write_admission() { return write_admission_; }
  const WriteAdmission& write_admission() const { return write_admission_; }

  // Keeps the run list bounded: merges neighbouring runs once it grows past the limit (write times inside a merged
  // run become evenly spaced; the counts and seq_nos stay exact).
  static constexpr std::size_t kMaxRuns = 4096;

 private:
  void push_run(OpRun run);
  std::size_t run_index_of(std::int64_t seq_no) const;

  std::vector<OpRun> runs_;
  std::map<std::int64_t, DocOp> explicit_ops_;
  std::int64_t max_seq_no_ = kNoOpsPerformed;
  std::int64_t store_bytes_ = 0;
  WriteAdmission write_admission_;
};

}  // namespace ccrsim
