#include "reports/lag_series.h"

namespace ccrsim {

namespace {
// The worse of two points: larger time lag, then larger ops lag; the later time keeps the bucket's position.
LagPoint worse(const LagPoint& a, const LagPoint& b) {
  if (b.lag_time_us != a.lag_time_us) return b.lag_time_us > a.lag_time_us ? b : a;
  return b.lag_ops > a.lag_ops ? b : a;
}
}  // namespace

void LagSeries::flush() {
  if (pending_.empty()) return;
  LagPoint w = pending_.front();
  for (std::size_t i = 1; i < pending_.size(); ++i) w = worse(w, pending_[i]);
  pending_.clear();
  points_.push_back(w);
}

void LagSeries::add(const LagPoint& p) {
  pending_.push_back(p);
  if (pending_.size() < bucket_size_) return;
  LagPoint w = pending_.front();
  for (std::size_t i = 1; i < pending_.size(); ++i) w = worse(w, pending_[i]);
  pending_.clear();
  points_.push_back(w);
  if (points_.size() < kMaxPoints) return;
  std::vector<LagPoint> merged;
  merged.reserve(kMaxPoints / 2);
  for (std::size_t i = 0; i + 1 < points_.size(); i += 2) merged.push_back(worse(points_[i], points_[i + 1]));
  points_ = std::move(merged);
  bucket_size_ *= 2;
}

}  // namespace ccrsim
