#include "scenario/indices_reader.h"

#include <map>

#include "scenario/scenario_limits.h"

namespace ccrsim::reader {

namespace lim = scenario_limits;

void IndicesReader::read(const Entry& e) {
  auto items = read_list(e.value, e.value_pos, "indices", lim::kMaxIndices);
  if (!items) return;
  std::map<std::pair<std::string, std::string>, SourcePos> seen;
  std::int64_t shard_copies = 0;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string ctx = "indices[" + std::to_string(i) + "]";
    auto f = read_map((*items)[i], e.value_pos, ctx, {"domain", "name", "shards", "replicas", "docs", "doc_size"},
                      "in " + ctx);
    if (!f) continue;
    IndexSpec idx;
    idx.pos = f->pos;
    std::optional<std::string> domain;
    std::optional<std::string> name;
    if (const Entry* d = require(*f, "domain", "in " + ctx)) domain = read_domain_ref(*d);
    const Entry* n = require(*f, "name", "in " + ctx);
    if (n) name = read_index_name(*n);
    if (const Entry* v = f->get("shards")) {
      if (auto x = read_int(*v, lim::kMinShards, lim::kMaxShards)) idx.shards = static_cast<int>(*x);
    }
    if (const Entry* v = f->get("replicas")) {
      if (auto x = read_int(*v, 0, lim::kMaxReplicas)) idx.replicas = static_cast<int>(*x);
    }
    if (const Entry* v = f->get("docs")) {
      if (auto x = read_int(*v, 0, lim::kMaxDocs)) idx.docs = *x;
    }
    if (const Entry* v = f->get("doc_size")) {
      if (auto x = read_size(*v, 1, lim::kMaxDocSizeBytes)) idx.doc_size_bytes = *x;
    }
    // Byte counts are int64 all the way through (store size, bootstrap bytes): bound the product, not just the parts.
    if (idx.docs > 0 && idx.doc_size_bytes > lim::kMaxIndexStoreBytes / idx.docs) {
      error(f->get("docs")->value_pos, "index store too large: docs x doc_size must be at most 1024tb");
    }
    const std::int64_t copies = std::int64_t{idx.shards} * (1 + idx.replicas);
    if (shard_copies <= lim::kMaxShardCopies && shard_copies + copies > lim::kMaxShardCopies) {
      std::string message = "too many shard copies: the indices up to " + ctx;
      message += " have " + std::to_string(shard_copies + copies);
      message += " (shards x (1 + replicas)); at most " + std::to_string(lim::kMaxShardCopies);
      message += " per scenario";
      error(f->pos, std::move(message));
    }
    shard_copies += copies;
    if (domain && name) {
      idx.domain = *domain;
      idx.name = *name;
      auto [first, inserted] = seen.emplace(std::make_pair(*domain, *name), n->value_pos);
      if (!inserted) {
        error(n->value_pos, "duplicate index " + in_quotes(*name) + " on domain " + in_quotes(*domain) +
                                " (first at line " + std::to_string(first->second.line) + ")");
      }
    }
    s_.indices.push_back(std::move(idx));
  }
}

}  // namespace ccrsim::reader
