#include "model/workload.h"

#include <algorithm>
#include <cmath>

#include "model/index.h"

namespace ccrsim {

namespace {
constexpr sim_time_us kPoissonBucketUs = kUsPerS;
}

Workload::Workload(const WorkloadSpec& spec, std::uint64_t seed, int ordinal, sim_time_us end_us)
    : spec_(spec), end_us_(end_us), rng_(seed, "workload/" + std::to_string(ordinal) + "/" + spec.domain + "/" + spec.index) {}

std::string Workload::index_name_at(sim_time_us t_us) const {
  if (!spec_.rollover) return spec_.index;
  const std::int64_t n = 1 + std::max<sim_time_us>(0, t_us - spec_.from_us) / spec_.rollover->every_us;
  std::string name = spec_.rollover->name_pattern;
  const auto pos = name.find("{n}");
  if (pos != std::string::npos) name.replace(pos, 3, std::to_string(n));
  return name;
}

sim_time_us Workload::uniform_time_of(std::int64_t k) const {
  return spec_.from_us + static_cast<sim_time_us>(std::floor(static_cast<double>(k) * 1e6 / spec_.rate_per_s));
}

std::int64_t Workload::uniform_count_upto(sim_time_us t_us) const {
  if (t_us < spec_.from_us || spec_.rate_per_s <= 0) return 0;
  auto k = static_cast<std::int64_t>(std::floor(static_cast<double>(t_us - spec_.from_us) * spec_.rate_per_s / 1e6));
  // Guard the floating boundary: op k belongs iff its (floored) time is <= t.
  while (k >= 0 && uniform_time_of(k) > t_us) --k;
  while (uniform_time_of(k + 1) <= t_us) ++k;
  return k + 1;
}

void Workload::emit(Index* index, std::int64_t first_k, std::int64_t count, sim_time_us t_first_us,
                    sim_time_us t_last_us) {
  if (count <= 0) return;
  issued_ += count;
  if (index == nullptr) {
    refused_ += count;
    return;
  }
  const int shards = index->number_of_shards();
  const double step = count > 1 ? static_cast<double>(t_last_us - t_first_us) / static_cast<double>(count - 1) : 0;
  const std::int64_t end_k = first_k + count;
  // Synthetic documents have generated ids spread evenly: op k goes to shard k mod shards.
  for (int s = 0; s < shards; ++s) {
    const std::int64_t first = first_k + ((s - first_k) % shards + shards) % shards;
    if (first >= end_k) continue;
    const std::int64_t last = first + (end_k - 1 - first) / shards * shards;
    const std::int64_t n = (last - first) / shards + 1;
    const auto t0 = t_first_us + static_cast<sim_time_us>(static_cast<double>(first - first_k) * step);
    const auto t1 = t_first_us + static_cast<sim_time_us>(static_cast<double>(last - first_k) * step);
    index->shard(s).append_synthetic(n, t0, t1, spec_.doc_size_bytes);
  }
}

void Workload::catch_up_window(sim_time_us lo_us, sim_time_us hi_us,
                               const std::function<Index*(const std::string&, sim_time_us)>& resolve) {
  // [lo, hi] lies inside one rollover period.
  if (spec_.arrival == Arrival::kUniform) {
    const std::int64_t first_k = issued_;
    const std::int64_t end_k = uniform_count_upto(hi_us);
    if (end_k <= first_k) return;
    Index* index = resolve(index_name_at(lo_us), uniform_time_of(first_k));
    emit(index, first_k, end_k - first_k, uniform_time_of(first_k), uniform_time_of(end_k - 1));
    return;
  }
  sim_time_us t = lo_us;
  while (t <= hi_us) {
    const sim_time_us start = spec_.from_us + (t - spec_.from_us) / kPoissonBucketUs * kPoissonBucketUs;
    if (start != bucket_start_us_) {
      const sim_time_us len = std::min(kPoissonBucketUs, end_us_ - start);
      const double mean = spec_.rate_per_s * static_cast<double>(len) / 1e6;
      bucket_start_us_ = start;
      bucket_count_ = static_cast<std::int64_t>(rng_.poisson(mean));
      bucket_taken_ = 0;
    }
    const sim_time_us bucket_end = std::min(start + kPoissonBucketUs, end_us_);
    const sim_time_us len = bucket_end - start;
    auto time_of = [&](std::int64_t i) {
      return start + static_cast<sim_time_us>((static_cast<double>(i) + 0.5) * static_cast<double>(len) /
                                              static_cast<double>(bucket_count_));
    };
    std::int64_t upto = bucket_taken_;
    while (upto < bucket_count_ && time_of(upto) <= hi_us) ++upto;
    if (upto > bucket_taken_) {
      Index* index = resolve(index_name_at(start), time_of(bucket_taken_));
      emit(index, issued_, upto - bucket_taken_, time_of(bucket_taken_), time_of(upto - 1));
      bucket_taken_ = upto;
    }
    t = bucket_end;
  }
}

void Workload::catch_up(sim_time_us t_us,
                        const std::function<Index*(const std::string& name, sim_time_us t_us)>& resolve) {
  const sim_time_us until = std::min(spec_.until_us.value_or(end_us_), end_us_);
  const sim_time_us hi = std::min(t_us, until - 1);  // operations strictly before `until`
  sim_time_us lo = std::max(spec_.from_us, caught_up_us_ + 1);
  if (t_us > caught_up_us_) caught_up_us_ = t_us;
  while (lo <= hi) {
    sim_time_us period_end = hi;
    if (spec_.rollover) {
      const sim_time_us every = spec_.rollover->every_us;
      const sim_time_us next = spec_.from_us + ((lo - spec_.from_us) / every + 1) * every;
      period_end = std::min(hi, next - 1);
    }
    catch_up_window(lo, period_end, resolve);
    lo = period_end + 1;
  }
}

sim_time_us Workload::next_op_time_after(sim_time_us t_us, const std::string& index_name, int shard,
                                         int shard_count) const {
  const sim_time_us until = std::min(spec_.until_us.value_or(end_us_), end_us_);
  if (spec_.rate_per_s <= 0 || shard_count <= 0) return kTimeNever;
  sim_time_us candidate = kTimeNever;
  if (spec_.arrival == Arrival::kUniform) {
    const std::int64_t k0 = t_us < spec_.from_us ? 0 : uniform_count_upto(t_us);
    const std::int64_t k = k0 + ((shard - k0) % shard_count + shard_count) % shard_count;
    candidate = uniform_time_of(k);
  } else {
    const sim_time_us lo = std::max(t_us + 1, spec_.from_us);
    candidate = spec_.from_us + ((lo - spec_.from_us + kPoissonBucketUs - 1) / kPoissonBucketUs) * kPoissonBucketUs;
    if (candidate <= t_us) candidate += kPoissonBucketUs;
  }
  if (candidate >= until) return kTimeNever;
  if (index_name_at(candidate) != index_name) return kTimeNever;
  return candidate;
}

}  // namespace ccrsim
