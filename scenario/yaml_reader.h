#pragma once
// The generic half of reading a scenario file (docs/scenarios.md): maps with known keys, lists with a size limit,
// typed scalars, and durations, sizes, rates and bandwidths through sim/units. Every problem goes to Diagnostics
// with the position of the offending YAML node, and the reader carries on so that all problems are reported.
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/diagnostics.h"
#include "sim/time.h"

namespace ccrsim::reader {

using Keys = std::initializer_list<std::string_view>;

// The 1-based position of `node`, or `fallback` when yaml-cpp has none (an absent or empty node).
SourcePos pos_of(const YAML::Node& node, SourcePos fallback = {});
bool is_null(const YAML::Node& node);
// How a node looks, for "got ..." in messages: "nothing", "a list", "a map" or the quoted scalar, cut short.
std::string describe(const YAML::Node& node);
std::string join(const std::vector<std::string>& items, std::size_t max_items = 12);
std::string join(Keys keys);
std::string in_quotes(std::string_view text);
bool contains(const std::vector<std::string>& items, const std::string& item);

// One key of a YAML map, with positions ready for messages.
struct Entry {
  std::string key;
  YAML::Node value;
  SourcePos key_pos;
  SourcePos value_pos;  // the key's position when the value is empty (yaml-cpp marks the next token then)
};

struct Fields {
  std::vector<Entry> entries;
  SourcePos pos;
  const Entry* get(std::string_view key) const;
};

// Each read_* reports its problem and returns nullopt; `e.key` names the value in messages.
class YamlReader {
 public:
  explicit YamlReader(Diagnostics& diags) : diags_(diags) {}

  void error(SourcePos pos, std::string message) { diags_.error(pos, std::move(message)); }
  std::size_t error_count() const { return diags_.size(); }

  // A map whose keys are all in `allowed` (any key when empty), without duplicates; an empty value is an empty map.
  std::optional<Fields> read_map(const YAML::Node& node, SourcePos fallback, const std::string& what, Keys allowed,
                                 const std::string& context);
  // A list of at most `max_entries`; an empty value is an empty list.
  std::optional<std::vector<YAML::Node>> read_list(const YAML::Node& node, SourcePos fallback, const std::string& what,
                                                   std::size_t max_entries);
  bool has_value(const Entry& e);
  std::optional<std::string> read_string(const Entry& e);
  std::optional<std::string> read_scalar(const Entry& e, const std::string& expected);
  std::optional<std::int64_t> read_int(const Entry& e, std::int64_t min, std::int64_t max);
  std::optional<std::uint64_t> read_uint64(const Entry& e);
  std::optional<double> read_number(const Entry& e);
  std::optional<bool> read_bool(const Entry& e);
  std::optional<sim_time_us> read_duration(const Entry& e);  // at most scenario_limits::kMaxDurationUs
  std::optional<std::int64_t> read_size(const Entry& e, std::int64_t min_bytes, std::int64_t max_bytes);
  std::optional<double> read_bandwidth(const Entry& e);  // bytes per second, greater than 0
  std::optional<double> read_rate(const Entry& e);       // per second, greater than 0, at most kMaxRatePerS
  // The entry for `key`, or nullptr after reporting it missing.
  const Entry* require(const Fields& f, std::string_view key, const std::string& context);

 protected:
  Diagnostics& diags_;
};

}  // namespace ccrsim::reader
