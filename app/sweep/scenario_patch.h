#pragma once
// Sweep and capacity paths into a scenario's YAML (docs/scenario-format.md §7.1): `workload[0].rate`,
// `network.links[0].latency`, `domains.follow.capacity.shard_index_rate`,
// `domains.follow.settings.plugins.replication.follower.index. ops_batch_size`. A path is resolved once against the
// base file to the source span of an existing scalar, and a value is applied by replacing that span's text, so every
// other byte (and every line and column the loader reports) stays as written.
#include <optional>
#include <string>
#include <vector>

namespace ccrsim {

struct ScalarSpan {
  std::size_t offset = 0;  // byte offset of the scalar in the text (its opening quote when quoted)
  std::size_t length = 0;  // bytes of the scalar as written, quotes included
  char quote = 0;          // '"', '\'' or 0 for a plain scalar
  std::string value;       // the scalar's value
};

// Resolves `path` in the YAML `text`. Map keys are joined by '.', list elements by [i]; a key that itself contains
// dots (flat settings keys) matches too. Only values written in the file can be addressed: nullopt with `error`
// saying which part of the path is missing (or not a single-line scalar).
std::optional<ScalarSpan> resolve_scalar(const std::string& text, const std::string& path, std::string& error);

struct ScalarEdit {
  ScalarSpan span;
  std::string value;
};

// The text with every edit applied (the value written in the span's quoting style). Spans must not overlap.
std::string apply_scalar_edits(const std::string& text, std::vector<ScalarEdit> edits);

}  // namespace ccrsim
