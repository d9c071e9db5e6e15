#include "model/workload.h"

#include <algorithm>
#include <cmath>

#include "model/index.h"
#include "sim/assert.h"

namespace ccrsim {

namespace {
constexpr sim_time_us kPoissonBucketUs = kUsPerS;
}

Workload::Workload(const WorkloadSpec& spec, std::uint64_t seed, int ordinal, sim_time_us end_us)
    : spec_(spec),
      end_us_(end_us),
      rng_(seed, "workload/" + std::to_string(ordinal) + "/" + spec.domain + "/" + spec.index) {
  CCRSIM_ASSERT(ordinal >= 0);
  CCRSIM_ASSERT(end_us >= 0);
}

std::string Workload::index_name_at(sim_time_us t_us) const {
  if (!spec_.rollover) return spec_.index;
  CCRSIM_ASSERT(spec_.rollover->every_us > 0);  // the loader refuses a zero period
  const std::int64_t n = 1 + std::max<sim_time_us>(0, t_us - spec_.from_us) / spec_.rollover->every_us;
  std::string name = spec_.rollover->name_pattern;
  const auto pos = name.find("{n}");
  if (pos != std::string::npos) name.replace(pos, 3, std::to_string(n));
  return name;
}

double Workload::uniform_exact_time_of(std::int64_t k) const {
  return static_cast<double>(spec_.from_us) + static_cast<double>(k) * 1e6 / spec_.rate_per_s;
}

sim_time_us Workload::uniform_time_of(std::int64_t k) const {
  return static_cast<sim_time_us>(std::floor(uniform_exact_time_of(k)));
}

std::int64_t Workload::uniform_count_upto(sim_time_us t_us) const {
  if (t_us < spec_.from_us || spec_.rate_per_s <= 0) return 0;
  auto k = static_cast<std::int64_t>(std::floor(static_cast<double>(t_us - spec_.from_us) * spec_.rate_per_s / 1e6));
  // Guard the floating boundary: op k belongs iff its (floored) time is <= t.
  while (k >= 0 && uniform_time_of(k) > t_us) --k;
  while (uniform_time_of(k + 1) <= t_us) ++k;
  CCRSIM_ASSERT(k >= -1);
  CCRSIM_ASSERT(uniform_time_of(k + 1) > t_us);  // op k + 1 is the first after t
  return k + 1;
}

void Workload::emit(Index* index, std::int64_t first_k, std::int64_t count, double t_first_us, double spacing_us) {
  if (count <= 0) return;
  CCRSIM_ASSERT(first_k == issued_);  // operations are numbered in issue order, none skipped
  CCRSIM_ASSERT(spacing_us >= 0 && t_first_us >= 0);
  issued_ += count;
  if (index == nullptr) {
    refused_ += count;
    return;
  }
  const int shards = index->number_of_shards();
  const std::int64_t end_k = first_k + count;
  // Synthetic documents have generated ids spread evenly: op k goes to shard k mod shards. A shard's ops are then
  // evenly spaced too, `shards` ops apart.
  for (int s = 0; s < shards; ++s) {
    const std::int64_t first = first_k + ((s - first_k) % shards + shards) % shards;
    if (first >= end_k) continue;
    const std::int64_t n = (end_k - 1 - first) / shards + 1;
    if (index->shard_unassigned(s)) {
      refused_ += n;  // the primary has no live copy: the bulk fails with UnavailableShardsException
      refused_unassigned_ += n;
      continue;
    }
    const double t0 = t_first_us + static_cast<double>(first - first_k) * spacing_us;
    Shard& shard = index->shard(s);
    const AdmittedRun admitted = shard.write_admission().admit(n, t0, spacing_us * shards, shard_index_rate_per_s_);
    CCRSIM_ASSERT(admitted.accepted + admitted.rejected == n);  // every op is either accepted or rejected
    CCRSIM_ASSERT(admitted.accepted >= 0 && admitted.rejected >= 0);
    rejected_ += admitted.rejected;
    shard.append_synthetic_spaced(admitted.accepted, admitted.t_first_us, admitted.spacing_us, spec_.doc_size_bytes);
  }
}

void Workload::catch_up_window(sim_time_us lo_us, sim_time_us hi_us,
                               const std::function<Index*(const std::string&, sim_time_us)>& resolve) {
  // [lo, hi] lies inside one rollover period.
  CCRSIM_ASSERT(lo_us <= hi_us);
  CCRSIM_ASSERT_SLOW(!spec_.rollover || index_name_at(lo_us) == index_name_at(hi_us));
  if (spec_.arrival == Arrival::kUniform) {
    const std::int64_t first_k = issued_;
    const std::int64_t end_k = uniform_count_upto(hi_us);
    if (end_k <= first_k) return;
    Index* index = resolve(index_name_at(lo_us), uniform_time_of(first_k));
    emit(index, first_k, end_k - first_k, uniform_exact_time_of(first_k), 1e6 / spec_.rate_per_s);
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
    // The bucket's ops sit at the middles of equal slices of it.
    const double spacing = static_cast<double>(len) / static_cast<double>(std::max<std::int64_t>(bucket_count_, 1));
    auto exact_time_of = [&](std::int64_t i) {
      return static_cast<double>(start) + (static_cast<double>(i) + 0.5) * spacing;
    };
    CCRSIM_ASSERT(bucket_taken_ >= 0 && bucket_taken_ <= bucket_count_);
    std::int64_t upto = bucket_taken_;
    while (upto < bucket_count_ && static_cast<sim_time_us>(exact_time_of(upto)) <= hi_us) ++upto;
    if (upto > bucket_taken_) {
      const double t0 = exact_time_of(bucket_taken_);
      Index* index = resolve(index_name_at(start), static_cast<sim_time_us>(t0));
      emit(index, issued_, upto - bucket_taken_, t0, spacing);
      bucket_taken_ = upto;
    }
    CCRSIM_ASSERT(bucket_end > t);  // every pass moves forward
    t = bucket_end;
  }
}

void Workload::catch_up(sim_time_us t_us,
                        const std::function<Index*(const std::string& name, sim_time_us t_us)>& resolve) {
  const sim_time_us until = std::min(spec_.until_us.value_or(end_us_), end_us_);
  const sim_time_us hi = std::min(t_us, until - 1);  // operations strictly before `until`
  sim_time_us lo = std::max(spec_.from_us, caught_up_us_ + 1);
  const std::int64_t issued_before = issued_;
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
  CCRSIM_ASSERT(caught_up_us_ >= t_us);
  CCRSIM_ASSERT(issued_ >= issued_before);
  CCRSIM_ASSERT(refused_ + rejected_ <= issued_);  // counts are conserved: refused and rejected are issued ops
  CCRSIM_ASSERT(refused_unassigned_ <= refused_);
}

sim_time_us Workload::next_op_time_after(sim_time_us t_us, const std::string& index_name, int shard,
                                         int shard_count) const {
  const sim_time_us until = std::min(spec_.until_us.value_or(end_us_), end_us_);
  if (spec_.rate_per_s <= 0 || shard_count <= 0) return kTimeNever;
  CCRSIM_ASSERT(shard >= 0 && shard < shard_count);
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
  CCRSIM_ASSERT(candidate > t_us);  // strictly after t
  if (candidate >= until) return kTimeNever;
  if (index_name_at(candidate) != index_name) return kTimeNever;
  return candidate;
}

}  // namespace ccrsim
