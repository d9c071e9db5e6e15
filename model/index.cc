#include "model/index.h"

#include <algorithm>

#include "model/routing.h"
#include "sim/assert.h"

namespace ccrsim {

Index::Index(std::string name, std::string uuid, int shards, int replicas, sim_time_us created_us)
    : name_(std::move(name)),
      uuid_(std::move(uuid)),
      replicas_(replicas),
      created_us_(created_us),
      shards_(static_cast<std::size_t>(std::max(shards, 1))) {
  CCRSIM_ASSERT(!name_.empty());
  CCRSIM_ASSERT(created_us_ >= 0);
}

bool Index::hidden() const {
  auto it = settings_.find("hidden");
  return it != settings_.end() && it->is_string() && it->get<std::string>() == "true";
}

int Index::shard_for_id(const std::string& id) const {
  const int s = route_to_shard(id, number_of_shards());
  CCRSIM_ASSERT(s >= 0 && s < number_of_shards());
  return s;
}

Index::WriteResult Index::index_doc(const std::string& id, json source, sim_time_us t_us) {
  WriteResult r;
  r.shard = shard_for_id(id);
  std::vector<std::int64_t>& ops = doc_ops_[id];
  std::int64_t version = 1;
  if (!ops.empty()) {
    const DocOp& last = shard(r.shard).explicit_ops().at(ops.back());
    CCRSIM_ASSERT(last.id == id);
    version = last.version + 1;
    r.created = last.kind == DocOpKind::kDelete;
  }
  CCRSIM_ASSERT(version >= 1);
  DocOp op;
  op.kind = DocOpKind::kIndex;
  op.id = id;
  op.bytes = static_cast<std::int64_t>(source.dump().size());
  op.source = std::move(source);
  op.version = version;
  r.seq_no = shard(r.shard).append_explicit(std::move(op), t_us);
  CCRSIM_ASSERT(ops.empty() || ops.back() < r.seq_no);  // a document's ops stay in seq_no order
  r.version = version;
  ops.push_back(r.seq_no);
  ++generation_;
  CCRSIM_ASSERT(r.seq_no == shard(r.shard).max_seq_no());
  return r;
}

Index::WriteResult Index::delete_doc(const std::string& id, sim_time_us t_us) {
  WriteResult r;
  r.shard = shard_for_id(id);
  r.created = false;
  auto it = doc_ops_.find(id);
  std::int64_t version = 1;
  r.found = false;
  if (it != doc_ops_.end() && !it->second.empty()) {
    const DocOp& last = shard(r.shard).explicit_ops().at(it->second.back());
    CCRSIM_ASSERT(last.id == id);
    version = last.version + 1;
    r.found = last.kind == DocOpKind::kIndex;
  }
  CCRSIM_ASSERT(version >= 1);
  DocOp op;
  op.kind = DocOpKind::kDelete;
  op.id = id;
  op.version = version;
  r.seq_no = shard(r.shard).append_explicit(std::move(op), t_us);
  r.version = version;
  std::vector<std::int64_t>& ops = doc_ops_[id];
  CCRSIM_ASSERT(ops.empty() || ops.back() < r.seq_no);
  ops.push_back(r.seq_no);
  ++generation_;
  return r;
}

void Index::apply_replicated(int n, const Index& leader, std::int64_t from_seq_no, std::int64_t to_seq_no,
                             sim_time_us t_us) {
  CCRSIM_ASSERT(&leader != this);
  CCRSIM_ASSERT(n >= 0 && n < number_of_shards() && n < leader.number_of_shards());
  CCRSIM_ASSERT(from_seq_no >= 0);
  const Shard& source = leader.shard(n);
  shard(n).apply_replicated(source, from_seq_no, to_seq_no, t_us);
  const auto& ops = source.explicit_ops();
  for (auto it = ops.lower_bound(from_seq_no); it != ops.end() && it->first <= to_seq_no; ++it) {
    std::vector<std::int64_t>& doc_ops = doc_ops_[it->second.id];
    CCRSIM_ASSERT(doc_ops.empty() || doc_ops.back() < it->first);  // replayed in order, each op once
    doc_ops.push_back(it->first);
  }
  ++generation_;
  CCRSIM_ASSERT(to_seq_no < from_seq_no || shard(n).max_seq_no() == to_seq_no);
}

std::optional<DocView> Index::doc_at(const std::string& id, std::int64_t max_seq_no) const {
  auto it = doc_ops_.find(id);
  if (it == doc_ops_.end()) return std::nullopt;
  const int s = shard_for_id(id);
  const std::vector<std::int64_t>& ops = it->second;
  auto pos = std::upper_bound(ops.begin(), ops.end(), max_seq_no);
  if (pos == ops.begin()) return std::nullopt;
  const std::int64_t seq_no = *(pos - 1);
  CCRSIM_ASSERT(seq_no <= max_seq_no);
  const DocOp& op = shard(s).explicit_ops().at(seq_no);
  CCRSIM_ASSERT(op.id == id);
  if (op.kind == DocOpKind::kDelete) return std::nullopt;
  return DocView{id, s, seq_no, op.version, &op.source};
}

std::optional<DocView> Index::get_doc(const std::string& id) const {
  const int s = shard_for_id(id);
  return doc_at(id, shard(s).max_seq_no());
}

sim_time_us Index::last_refresh_us(sim_time_us t_us) const {
  if (refresh_interval_us_ <= 0) return t_us;
  const sim_time_us forced = forced_refresh_us_ <= t_us ? forced_refresh_us_ : -1;
  if (refresh_interval_us_ == kTimeNever) return forced;
  const sim_time_us refreshed = std::max(t_us - (t_us % refresh_interval_us_), forced);
  CCRSIM_ASSERT(refreshed <= t_us);  // a refresh never lies in the future
  return refreshed;
}

std::vector<DocView> Index::searchable_docs(sim_time_us t_us) const {
  const sim_time_us refreshed = last_refresh_us(t_us);
  std::vector<std::int64_t> bound(shards_.size());
  for (std::size_t s = 0; s < shards_.size(); ++s) {
    bound[s] = shards_[s].seq_no_at(refreshed);
    CCRSIM_ASSERT(bound[s] <= shards_[s].max_seq_no());
  }
  std::vector<DocView> out;
  for (const auto& [id, ops] : doc_ops_) {
    (void)ops;
    const int s = shard_for_id(id);
    if (auto view = doc_at(id, bound[static_cast<std::size_t>(s)])) out.push_back(*view);
  }
  std::sort(out.begin(), out.end(), [](const DocView& a, const DocView& b) {
    return a.shard != b.shard ? a.shard < b.shard : a.seq_no < b.seq_no;
  });
  return out;
}

std::int64_t Index::searchable_count(sim_time_us t_us) const {
  const sim_time_us refreshed = last_refresh_us(t_us);
  std::int64_t synthetic = 0;
  for (const Shard& s : shards_) synthetic += s.synthetic_docs_upto(s.seq_no_at(refreshed));
  CCRSIM_ASSERT(synthetic >= 0);
  return synthetic + static_cast<std::int64_t>(searchable_docs(t_us).size());
}

std::int64_t Index::doc_count() const {
  std::int64_t n = 0;
  for (const Shard& s : shards_) n += s.synthetic_docs_upto(s.max_seq_no());
  for (const auto& [id, ops] : doc_ops_) {
    (void)ops;
    if (get_doc(id)) ++n;
  }
  CCRSIM_ASSERT(n >= 0);
  return n;
}

std::int64_t Index::store_bytes() const {
  std::int64_t n = 0;
  for (const Shard& s : shards_) n += s.store_bytes();
  CCRSIM_ASSERT(n >= 0);
  return n;
}

bool Index::any_shard_unassigned() const {
  return std::any_of(unassigned_.begin(), unassigned_.end(), [](std::uint8_t u) { return u != 0; });
}

void Index::set_shard_unassigned(int n, bool unassigned) {
  if (n < 0 || n >= number_of_shards()) return;
  if (unassigned_.empty() && !unassigned) return;
  unassigned_.resize(shards_.size(), 0);
  unassigned_[static_cast<std::size_t>(n)] = unassigned ? 1 : 0;
  if (!any_shard_unassigned()) unassigned_.clear();
  CCRSIM_ASSERT(shard_unassigned(n) == unassigned);
  CCRSIM_ASSERT(unassigned_.empty() || unassigned_.size() == shards_.size());  // empty means "all assigned"
}

}  // namespace ccrsim
