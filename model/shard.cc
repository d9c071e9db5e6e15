#include "model/shard.h"

#include <algorithm>
#include <cmath>

#include "sim/assert.h"

namespace ccrsim {

void Shard::push_run(OpRun run) {
  if (run.count <= 0) return;
  CCRSIM_ASSERT(run.first_seq_no == max_seq_no_ + 1);  // runs are contiguous: no seq_no is skipped or repeated
  CCRSIM_ASSERT(run.spacing_us >= 0 && run.bytes_per_op >= 0);
  if (!runs_.empty()) {
    OpRun& last = runs_.back();
    // A continuation: same size and spacing, starting where the last run's next op would be (within a
    // hundredth of a microsecond, the rounding noise of computing the start separately).
    const bool continues = last.bytes_per_op == run.bytes_per_op && last.spacing_us == run.spacing_us &&
                           last.spacing_us > 0 &&
                           std::fabs(last.exact_time_of(last.last_seq_no() + 1) - run.t_first_us) < 0.01;
    if (continues) {
      last.count += run.count;
      return;
    }
  }
  runs_.push_back(run);
  if (runs_.size() <= kMaxRuns) return;
  // Merge pairs: halve the list. Deterministic, and rare (once per kMaxRuns / 2 appends at most). In place: pair
  // i / 2 is written over slot i / 2, which has already been read.
  const std::size_t n = runs_.size();
  std::size_t out = 0;
  for (std::size_t i = 0; i < n; i += 2, ++out) {
    if (i + 1 == n) {
      runs_[out] = runs_[i];
      ++out;
      break;
    }
    const OpRun a = runs_[i];
    const OpRun& b = runs_[i + 1];
    OpRun m = a;
    m.count = a.count + b.count;
    const double t_last = b.exact_time_of(b.last_seq_no());
    m.spacing_us = m.count > 1 ? (t_last - a.t_first_us) / static_cast<double>(m.count - 1) : 0;
    m.bytes_per_op = (a.bytes_per_op * a.count + b.bytes_per_op * b.count) / m.count;
    runs_[out] = m;
  }
  runs_.resize(out);
  CCRSIM_ASSERT(runs_.size() <= kMaxRuns);
  CCRSIM_ASSERT(runs_.back().last_seq_no() == run.last_seq_no());  // merging keeps every seq_no
}

void Shard::append_synthetic(std::int64_t count, sim_time_us t_first_us, sim_time_us t_last_us,
                             std::int64_t bytes_per_op) {
  CCRSIM_ASSERT(t_last_us >= t_first_us);
  CCRSIM_ASSERT(count >= 0 && bytes_per_op >= 0);
  const double spacing = count > 1 ? static_cast<double>(t_last_us - t_first_us) / static_cast<double>(count - 1) : 0;
  append_synthetic_spaced(count, static_cast<double>(t_first_us), spacing, bytes_per_op);
}

void Shard::append_synthetic_spaced(std::int64_t count, double t_first_us, double spacing_us,
                                    std::int64_t bytes_per_op) {
  if (count <= 0) return;
  CCRSIM_ASSERT(spacing_us >= 0);
  CCRSIM_ASSERT(t_first_us >= 0);
  push_run(OpRun{max_seq_no_ + 1, count, t_first_us, spacing_us, bytes_per_op});
  max_seq_no_ += count;
  store_bytes_ += count * bytes_per_op;
}

std::int64_t Shard::append_explicit(DocOp op, sim_time_us t_us) {
  CCRSIM_ASSERT(t_us >= 0 && op.bytes >= 0);
  const std::int64_t seq_no = max_seq_no_ + 1;
  push_run(OpRun{seq_no, 1, static_cast<double>(t_us), 0, op.bytes});
  max_seq_no_ = seq_no;
  store_bytes_ += op.bytes;
  const bool fresh = explicit_ops_.emplace(seq_no, std::move(op)).second;
  CCRSIM_ASSERT(fresh);
  return seq_no;
}

void Shard::apply_replicated(const Shard& leader, std::int64_t from_seq_no, std::int64_t to_seq_no, sim_time_us t_us) {
  CCRSIM_ASSERT(&leader != this);
  CCRSIM_ASSERT(from_seq_no == max_seq_no_ + 1);  // applied in order, each op once
  CCRSIM_ASSERT(to_seq_no <= leader.max_seq_no());
  if (to_seq_no < from_seq_no) return;
  const std::int64_t bytes = leader.bytes_between(from_seq_no, to_seq_no);
  const std::int64_t count = to_seq_no - from_seq_no + 1;
  push_run(OpRun{from_seq_no, count, static_cast<double>(t_us), 0, count > 0 ? bytes / count : 0});
  for (auto it = leader.explicit_ops_.lower_bound(from_seq_no);
       it != leader.explicit_ops_.end() && it->first <= to_seq_no; ++it) {
    explicit_ops_.emplace(it->first, it->second);
  }
  CCRSIM_ASSERT(bytes >= 0);
  max_seq_no_ = to_seq_no;
  store_bytes_ += bytes;
}

std::size_t Shard::run_index_of(std::int64_t seq_no) const {
  auto it = std::upper_bound(runs_.begin(), runs_.end(), seq_no,
                             [](std::int64_t s, const OpRun& r) { return s < r.first_seq_no; });
  CCRSIM_ASSERT(it != runs_.begin());
  return static_cast<std::size_t>(it - runs_.begin()) - 1;
}

sim_time_us Shard::write_time(std::int64_t seq_no) const {
  CCRSIM_ASSERT(seq_no >= 0 && seq_no <= max_seq_no_);
  return runs_[run_index_of(seq_no)].time_of(seq_no);
}

std::int64_t Shard::seq_no_at(sim_time_us t_us) const {
  // Runs are in seq_no order and, per run, in time order; find the last run that started at or before t.
  auto it = std::upper_bound(runs_.begin(), runs_.end(), t_us,
                             [](sim_time_us t, const OpRun& r) { return t < r.time_of(r.first_seq_no); });
  if (it == runs_.begin()) return kNoOpsPerformed;
  const OpRun& r = *(it - 1);
  if (r.spacing_us <= 0 || t_us >= r.t_last_us()) return r.last_seq_no();
  // Estimate, then settle on the last op whose (truncated) write time is <= t.
  std::int64_t seq =
      r.first_seq_no + static_cast<std::int64_t>((static_cast<double>(t_us) - r.t_first_us) / r.spacing_us);
  seq = std::clamp(seq, r.first_seq_no, r.last_seq_no());
  while (seq > r.first_seq_no && r.time_of(seq) > t_us) --seq;
  while (seq < r.last_seq_no() && r.time_of(seq + 1) <= t_us) ++seq;
  CCRSIM_ASSERT(seq >= r.first_seq_no && seq <= r.last_seq_no());
  return seq;
}

std::int64_t Shard::bytes_between(std::int64_t from_seq_no, std::int64_t to_seq_no) const {
  if (to_seq_no < from_seq_no || runs_.empty()) return 0;
  std::int64_t bytes = 0;
  for (std::size_t i = run_index_of(from_seq_no); i < runs_.size() && runs_[i].first_seq_no <= to_seq_no; ++i) {
    const OpRun& r = runs_[i];
    const std::int64_t lo = std::max(from_seq_no, r.first_seq_no);
    const std::int64_t hi = std::min(to_seq_no, r.last_seq_no());
    CCRSIM_ASSERT(hi >= lo);
    bytes += (hi - lo + 1) * r.bytes_per_op;
  }
  CCRSIM_ASSERT(bytes >= 0);
  return bytes;
}

std::int64_t Shard::synthetic_docs_upto(std::int64_t upto_seq_no) const {
  if (upto_seq_no < 0) return 0;
  const auto explicit_count =
      static_cast<std::int64_t>(std::distance(explicit_ops_.begin(), explicit_ops_.upper_bound(upto_seq_no)));
  const std::int64_t docs = std::min(upto_seq_no, max_seq_no_) + 1 - explicit_count;
  CCRSIM_ASSERT(docs >= 0);
  return docs;
}

}  // namespace ccrsim
