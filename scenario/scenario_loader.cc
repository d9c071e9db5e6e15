#include "scenario/scenario_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <string_view>
#include <system_error>
#include <vector>

#include "scenario/engine_versions.h"
#include "scenario/metric_catalogue.h"
#include "scenario/regions.h"
#include "scenario/yaml_document.h"
#include "scenario/yaml_json.h"
#include "sim/units.h"

namespace ccrsim {
namespace {

namespace lim = scenario_limits;

using Keys = std::initializer_list<std::string_view>;

SourcePos pos_of(const YAML::Node& node, SourcePos fallback = {}) {
  if (!node.IsDefined()) return fallback;
  const YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return fallback;
  return {mark.line + 1, mark.column + 1};
}

bool is_null(const YAML::Node& node) {
  return !node.IsDefined() || node.IsNull();
}

// How a node looks, for "got ..." in messages.
std::string describe(const YAML::Node& node) {
  if (is_null(node)) return "nothing";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a map";
  std::string text = node.Scalar();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return "'" + text + "'";
}

std::string join(const std::vector<std::string>& items, std::size_t max_items = 12) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max_items; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > max_items) out += ", ...";
  return out;
}

std::string join(Keys keys) {
  std::vector<std::string> items(keys.begin(), keys.end());
  return join(items, 100);
}

std::string in_quotes(std::string_view text) {
  return "'" + std::string(text) + "'";
}

bool is_lower_alnum_dash(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool valid_domain_name(const std::string& name) {
  if (name.size() < lim::kMinDomainNameChars || name.size() > lim::kMaxDomainNameChars) return false;
  if (name[0] < 'a' || name[0] > 'z') return false;
  return std::all_of(name.begin(), name.end(), is_lower_alnum_dash);
}

bool valid_alias(const std::string& alias) {
  if (alias.size() < lim::kMinAliasChars || alias.size() > lim::kMaxAliasChars) return false;
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!letter(alias[0])) return false;
  return std::all_of(alias.begin(), alias.end(),
                     [&](char c) { return letter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-'; });
}

// OpenSearch's index name rules (MetadataCreateIndexService.validateIndexOrAliasName): lower case, no
// `\ / * ? " < > | space , #`, not starting with `_ - +`, not `.` or `..`, at most 255 bytes.
std::string index_name_problem(const std::string& name) {
  if (name.empty()) return "must not be empty";
  if (name.size() > lim::kMaxIndexNameBytes) return "must be at most 255 bytes";
  if (name == "." || name == "..") return "must not be '.' or '..'";
  if (name[0] == '_' || name[0] == '-' || name[0] == '+') return "must not start with '_', '-' or '+'";
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') return "must be lower case";
    if (std::string_view("\\/*?\"<>| ,#:").find(c) != std::string_view::npos) {
      return std::string("must not contain '") + c + "'";
    }
  }
  return "";
}

const std::vector<std::string>& aws_operations() {
  static const std::vector<std::string> ops = {"create-outbound-connection",  "accept-inbound-connection",
                                               "reject-inbound-connection",   "delete-outbound-connection",
                                               "delete-inbound-connection",   "describe-outbound-connections",
                                               "describe-inbound-connections"};
  return ops;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

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
  const Entry* get(std::string_view key) const {
    for (const Entry& e : entries) {
      if (e.key == key) return &e;
    }
    return nullptr;
  }
};

// Rejects documents that are too deep or too large once aliases are expanded (a self-referencing anchor or a
// "billion laughs" document), before anything walks them.
class SizeGuard {
 public:
  bool ok(const YAML::Node& node) { return visit(node, 0); }
  bool too_deep() const { return too_deep_; }
  SourcePos where() const { return where_; }

 private:
  bool visit(const YAML::Node& node, int depth) {
    // Blame the top-level entry that grew too large: the node where counting stopped is usually inside an
    // anchor far away from the alias that multiplied it.
    if (depth == 1) top_level_ = pos_of(node);
    if (++nodes_ > lim::kMaxYamlNodes) {
      where_ = top_level_;
      return false;
    }
    if (depth > lim::kMaxYamlDepth) {
      too_deep_ = true;
      where_ = pos_of(node);
      return false;
    }
    if (node.IsSequence()) {
      for (const YAML::Node& item : node) {
        if (!visit(item, depth + 1)) return false;
      }
    } else if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        if (!visit(it->first, depth + 1) || !visit(it->second, depth + 1)) return false;
      }
    }
    return true;
  }
  std::int64_t nodes_ = 0;
  bool too_deep_ = false;
  SourcePos top_level_{1, 1};
  SourcePos where_;
};

class Loader {
 public:
  explicit Loader(Diagnostics& diags) : diags_(diags), errors_at_start_(diags.size()) {}

  std::optional<Scenario> load(const std::string& text, const std::string& file_label);

 private:
  void error(SourcePos pos, std::string message) { diags_.error(pos, std::move(message)); }
  bool had_errors() const { return diags_.size() > errors_at_start_; }

  // --- generic readers: report and return nullopt on a problem ---
  std::optional<Fields> read_map(const YAML::Node& node, SourcePos fallback, const std::string& what, Keys allowed,
                                 const std::string& context);
  std::optional<std::vector<YAML::Node>> read_list(const YAML::Node& node, SourcePos fallback, const std::string& what,
                                                   std::size_t max_entries);
  bool has_value(const Entry& e);
  std::optional<std::string> read_string(const Entry& e);
  std::optional<std::string> read_scalar(const Entry& e, const std::string& expected);
  std::optional<std::int64_t> read_int(const Entry& e, std::int64_t min, std::int64_t max);
  std::optional<std::uint64_t> read_uint64(const Entry& e);
  std::optional<double> read_number(const Entry& e);
  std::optional<bool> read_bool(const Entry& e);
  std::optional<sim_time_us> read_duration(const Entry& e);
  std::optional<std::int64_t> read_size(const Entry& e, std::int64_t min_bytes, std::int64_t max_bytes);
  std::optional<double> read_bandwidth(const Entry& e);
  std::optional<double> read_rate(const Entry& e);
  const Entry* require(const Fields& f, std::string_view key, const std::string& context);
  std::optional<std::string> read_domain_ref(const Entry& e);
  std::optional<std::pair<std::string, std::string>> read_domain_pair(const Entry& e);

  void check_sample_count(SourcePos pos);

  // --- sections ---
  void read_top(const Fields& top);
  void read_domains(const Entry& e);
  void read_domain(const std::string& name, const YAML::Node& node, SourcePos pos);
  void read_security(const Entry& e, DomainSpec& d);
  void read_settings(const YAML::Node& node, const std::string& prefix, DomainSpec& d,
                     std::map<std::string, SourcePos>& seen);
  void read_capacity(const Entry& e, DomainSpec& d);
  void read_connections(const Entry& e);
  void read_connection_delays(const Entry& e);
  void read_network(const Entry& e);
  void read_link_fields(const Fields& f, LinkSpec& link);
  void read_indices(const Entry& e);
  void read_workload(const Entry& e);
  void read_rollover(const Entry& e, WorkloadSpec& w, const std::string& context);
  void check_rollover_count(const Entry& e, const WorkloadSpec& w);
  void read_faults(const Entry& e);
  void read_fault(const YAML::Node& node, std::size_t index, std::map<std::string, SourcePos>& names);
  std::optional<RandomFaultSpec> read_random_faults(const Entry& e, const std::string& context);
  void read_steps(const Entry& e);
  void read_step(const YAML::Node& node, std::size_t index);
  void read_expect(const Entry& e, StepSpec& step, const std::string& context);
  void read_checks(const Entry& e);
  void read_check(const YAML::Node& node, std::size_t index);
  std::optional<std::string> read_index_name(const Entry& e);

  Diagnostics& diags_;
  std::size_t errors_at_start_;
  Scenario s_;
  std::vector<std::string> domain_names_;  // every domain declared, even one with errors, for references
};

std::optional<Fields> Loader::read_map(const YAML::Node& node, SourcePos fallback, const std::string& what,
                                       Keys allowed, const std::string& context) {
  Fields f;
  f.pos = pos_of(node, fallback);
  if (is_null(node)) return f;
  if (!node.IsMap()) {
    error(f.pos, what + " must be a map, got " + describe(node));
    return std::nullopt;
  }
  std::map<std::string, SourcePos> first_seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const SourcePos key_pos = pos_of(it->first, f.pos);
    if (!it->first.IsScalar()) {
      error(key_pos, "keys " + context + " must be plain names, got " + describe(it->first));
      continue;
    }
    const std::string key = it->first.Scalar();
    if (auto [seen, inserted] = first_seen.emplace(key, key_pos); !inserted) {
      error(key_pos, "duplicate key " + in_quotes(key) + " " + context + " (first at line " +
                         std::to_string(seen->second.line) + ")");
      continue;
    }
    if (allowed.size() > 0 && std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      error(key_pos, "unknown key " + in_quotes(key) + " " + context + " (known keys: " + join(allowed) + ")");
      continue;
    }
    const SourcePos value_pos = is_null(it->second) ? key_pos : pos_of(it->second, key_pos);
    f.entries.push_back({key, it->second, key_pos, value_pos});
  }
  return f;
}

std::optional<std::vector<YAML::Node>> Loader::read_list(const YAML::Node& node, SourcePos fallback,
                                                         const std::string& what, std::size_t max_entries) {
  if (is_null(node)) return std::vector<YAML::Node>{};
  const SourcePos pos = pos_of(node, fallback);
  if (!node.IsSequence()) {
    error(pos, what + " must be a list, got " + describe(node));
    return std::nullopt;
  }
  if (node.size() > max_entries) {
    error(pos,
          "too many " + what + ": " + std::to_string(node.size()) + " (at most " + std::to_string(max_entries) + ")");
    return std::nullopt;
  }
  std::vector<YAML::Node> items;
  items.reserve(node.size());
  for (const YAML::Node& item : node) items.push_back(item);
  return items;
}

bool Loader::has_value(const Entry& e) {
  if (is_null(e.value)) {
    error(e.value_pos, e.key + " needs a value");
    return false;
  }
  return true;
}

std::optional<std::string> Loader::read_string(const Entry& e) {
  return read_scalar(e, "a string");
}

std::optional<std::string> Loader::read_scalar(const Entry& e, const std::string& expected) {
  if (!has_value(e)) return std::nullopt;
  if (!e.value.IsScalar()) {
    error(e.value_pos, e.key + " must be " + expected + ", got " + describe(e.value));
    return std::nullopt;
  }
  return e.value.Scalar();
}

std::optional<std::int64_t> Loader::read_int(const Entry& e, std::int64_t min, std::int64_t max) {
  auto text = read_scalar(e, "an integer");
  if (!text) return std::nullopt;
  const std::string range =
      e.key + " must be between " + std::to_string(min) + " and " + std::to_string(max) + ", got " + *text;
  const bool negative = !text->empty() && (*text)[0] == '-';
  const std::string_view digits = std::string_view(*text).substr(negative || (!text->empty() && (*text)[0] == '+'));
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos) {
    error(e.value_pos, e.key + " must be an integer, got " + describe(e.value));
    return std::nullopt;
  }
  std::int64_t value = 0;
  const char* begin = text->data() + ((*text)[0] == '+' ? 1 : 0);
  auto [ptr, ec] = std::from_chars(begin, text->data() + text->size(), value);
  if (ec != std::errc() || value < min || value > max) {
    error(e.value_pos, range);
    return std::nullopt;
  }
  return value;
}

std::optional<std::uint64_t> Loader::read_uint64(const Entry& e) {
  auto text = read_scalar(e, "an integer");
  if (!text) return std::nullopt;
  std::uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || ec != std::errc() || ptr != text->data() + text->size()) {
    error(e.value_pos, e.key + " must be an integer between 0 and 18446744073709551615, got " + describe(e.value));
    return std::nullopt;
  }
  return value;
}

std::optional<double> Loader::read_number(const Entry& e) {
  if (!has_value(e)) return std::nullopt;
  const json value = e.value.IsScalar() ? yaml_scalar_to_json(e.value) : json();
  if (!e.value.IsScalar() || !value.is_number()) {
    error(e.value_pos, e.key + " must be a number, got " + describe(e.value));
    return std::nullopt;
  }
  return value.get<double>();
}

std::optional<bool> Loader::read_bool(const Entry& e) {
  if (!has_value(e)) return std::nullopt;
  const json value = e.value.IsScalar() ? yaml_scalar_to_json(e.value) : json();
  if (!value.is_boolean()) {
    error(e.value_pos, e.key + " must be true or false, got " + describe(e.value));
    return std::nullopt;
  }
  return value.get<bool>();
}

template <typename T>
std::optional<T> report_parse(Diagnostics& diags, const Entry& e, const Parsed<T>& parsed) {
  if (parsed) return parsed.value;
  diags.error(e.value_pos, parsed.out_of_range ? e.key + " " + parsed.error : parsed.error);
  return std::nullopt;
}

std::optional<sim_time_us> Loader::read_duration(const Entry& e) {
  if (!has_value(e)) return std::nullopt;
  if (!e.value.IsScalar()) {
    error(e.value_pos, e.key + " must be a duration like '30s', got " + describe(e.value));
    return std::nullopt;
  }
  return report_parse(diags_, e, parse_duration(e.value.Scalar(), lim::kMaxDurationUs));
}

std::optional<std::int64_t> Loader::read_size(const Entry& e, std::int64_t min_bytes, std::int64_t max_bytes) {
  if (!has_value(e)) return std::nullopt;
  if (!e.value.IsScalar()) {
    error(e.value_pos, e.key + " must be a size like '1kb', got " + describe(e.value));
    return std::nullopt;
  }
  auto bytes = report_parse(diags_, e, parse_size_bytes(e.value.Scalar(), max_bytes));
  if (bytes && *bytes < min_bytes) {
    error(e.value_pos, e.key + " must be at least " + std::to_string(min_bytes) + "b, got " + describe(e.value));
    return std::nullopt;
  }
  return bytes;
}

std::optional<double> Loader::read_bandwidth(const Entry& e) {
  if (!has_value(e)) return std::nullopt;
  if (!e.value.IsScalar()) {
    error(e.value_pos, e.key + " must be a bandwidth like '1gbit/s', got " + describe(e.value));
    return std::nullopt;
  }
  auto bw = report_parse(diags_, e, parse_bandwidth_bytes_per_s(e.value.Scalar()));
  if (bw && !(*bw > 0)) {
    error(e.value_pos, e.key + " must be greater than 0, got " + describe(e.value));
    return std::nullopt;
  }
  return bw;
}

std::optional<double> Loader::read_rate(const Entry& e) {
  if (!has_value(e)) return std::nullopt;
  if (!e.value.IsScalar()) {
    error(e.value_pos, e.key + " must be a rate like '2000/s', got " + describe(e.value));
    return std::nullopt;
  }
  auto rate = report_parse(diags_, e, parse_rate_per_s(e.value.Scalar(), lim::kMaxRatePerS));
  if (rate && !(*rate > 0)) {
    error(e.value_pos, e.key + " must be greater than 0, got " + describe(e.value));
    return std::nullopt;
  }
  return rate;
}

const Entry* Loader::require(const Fields& f, std::string_view key, const std::string& context) {
  const Entry* e = f.get(key);
  if (!e) error(f.pos, "missing required key " + in_quotes(key) + " " + context);
  return e;
}

std::optional<std::string> Loader::read_domain_ref(const Entry& e) {
  auto name = read_string(e);
  if (!name) return std::nullopt;
  if (!contains(domain_names_, *name)) {
    error(e.value_pos, "unknown domain " + in_quotes(*name) + " (domains are: " + join(domain_names_) + ")");
    return std::nullopt;
  }
  return name;
}

// `[a, b]`: two different domains.
std::optional<std::pair<std::string, std::string>> Loader::read_domain_pair(const Entry& e) {
  if (!has_value(e)) return std::nullopt;
  if (!e.value.IsSequence() || e.value.size() != 2) {
    error(e.value_pos,
          e.key + " must be a list of two domains like [leader-domain, follower-domain], got " + describe(e.value));
    return std::nullopt;
  }
  const Entry a{e.key, e.value[0], e.value_pos, pos_of(e.value[0], e.value_pos)};
  const Entry b{e.key, e.value[1], e.value_pos, pos_of(e.value[1], e.value_pos)};
  auto first = read_domain_ref(a);
  auto second = read_domain_ref(b);
  if (!first || !second) return std::nullopt;
  if (*first == *second) {
    error(b.value_pos, e.key + " needs two different domains, got " + in_quotes(*first) + " twice");
    return std::nullopt;
  }
  return std::make_pair(*first, *second);
}

std::optional<std::string> Loader::read_index_name(const Entry& e) {
  auto name = read_string(e);
  if (!name) return std::nullopt;
  if (std::string problem = index_name_problem(*name); !problem.empty()) {
    error(e.value_pos, "index name " + in_quotes(*name) + " " + problem);
    return std::nullopt;
  }
  return name;
}

// Offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF), or
// npos. YAML text must be UTF-8, and every string we keep ends up in JSON, which cannot hold anything else.
std::size_t first_invalid_utf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      n = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      n = 2;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      n = 3;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= text.size()) return i;
      const auto c = static_cast<unsigned char>(text[i + k]);
      if (c < (k == 1 ? lo : 0x80) || c > (k == 1 ? hi : 0xBF)) return i;
    }
    i += n + 1;
  }
  return std::string::npos;
}

// YAML allows no C0 control character but tab, LF and CR, and no DEL (c-printable). yaml-cpp reads a raw NUL as the
// end of its input and then reports errors at columns past the line's end (fuzz finding regression-nul-byte).
std::size_t first_control_character(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F) return i;
  }
  return std::string::npos;
}

std::string hex_byte(unsigned char b) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "0x";
  out += kHex[b >> 4];
  out += kHex[b & 0xF];
  return out;
}

// duration is read before sample_interval (read_top's order); without one, a run may last the longest duration.
void Loader::check_sample_count(SourcePos pos) {
  const sim_time_us duration_us = s_.duration_us.value_or(scenario_limits::kMaxDurationUs);
  const std::int64_t samples = duration_us / s_.sample_interval_us;
  if (samples <= scenario_limits::kMaxSamples) return;
  error(pos, "sample_interval " + format_duration(s_.sample_interval_us) + " over " + format_duration(duration_us) +
                 " is " + std::to_string(samples) + " lag samples; at most " +
                 std::to_string(scenario_limits::kMaxSamples) + " per run (raise sample_interval)");
}

std::optional<Scenario> Loader::load(const std::string& text, const std::string& file_label) {
  s_.file = file_label;
  if (text.size() > static_cast<std::size_t>(lim::kMaxFileBytes)) {
    error({1, 1}, "scenario is " + std::to_string(text.size()) + " bytes; the limit is 16 MiB");
    return std::nullopt;
  }
  if (const std::size_t bad = first_invalid_utf8(text); bad != std::string::npos) {
    const auto b = static_cast<unsigned char>(text[bad]);
    error(position_of_offset(text, bad), "the scenario is not valid UTF-8 (byte " + hex_byte(b) + ")");
    return std::nullopt;
  }
  if (const std::size_t bad = first_control_character(text); bad != std::string::npos) {
    const auto b = static_cast<unsigned char>(text[bad]);
    error(position_of_offset(text, bad), "the scenario holds a control character (byte " + hex_byte(b) +
                                             "); YAML allows only tab, line feed and carriage return");
    return std::nullopt;
  }
  YamlDocument doc = read_yaml_document(text, "a scenario file");
  if (doc.problem) {
    error(doc.problem->pos, std::move(doc.problem->message));
    return std::nullopt;
  }
  const YAML::Node root = doc.root;
  if (is_null(root)) {
    error({1, 1}, "scenario is empty; expected a map with at least 'name' and 'domains'");
    return std::nullopt;
  }
  SizeGuard guard;
  if (!guard.ok(root)) {
    error(guard.where(),
          guard.too_deep()
              ? "YAML is nested more than " + std::to_string(lim::kMaxYamlDepth) + " levels deep"
              : "YAML has more than " + std::to_string(lim::kMaxYamlNodes) + " nodes (counting aliases expanded)");
    return std::nullopt;
  }
  if (!root.IsMap()) {
    error(pos_of(root, {1, 1}), "scenario must be a map with at least 'name' and 'domains', got " + describe(root));
    return std::nullopt;
  }
  auto top = read_map(root, {1, 1}, "scenario",
                      {"name", "seed", "duration", "sample_interval", "lag_threshold", "domains", "connections",
                       "connection_delays", "network", "indices", "workload", "faults", "steps", "checks"},
                      "at the top level");
  if (top) read_top(*top);
  if (had_errors()) return std::nullopt;
  return std::move(s_);
}

void Loader::read_top(const Fields& top) {
  const std::string ctx = "at the top level";
  if (const Entry* e = require(top, "name", ctx)) {
    if (auto name = read_string(*e)) {
      if (name->empty()) error(e->value_pos, "name must not be empty");
      s_.name = *name;
    }
  }
  if (const Entry* e = top.get("seed")) {
    if (auto seed = read_uint64(*e)) s_.seed = *seed;
  }
  // Durations that must be greater than 0s.
  auto positive_duration = [&](const char* key) -> std::optional<sim_time_us> {
    const Entry* e = top.get(key);
    if (e == nullptr) return std::nullopt;
    const std::optional<sim_time_us> d = read_duration(*e);
    if (d && *d == 0) {
      error(e->value_pos, std::string(key) + " must be greater than 0s");
      return std::nullopt;
    }
    return d;
  };
  if (auto d = positive_duration("duration")) s_.duration_us = *d;
  if (auto d = positive_duration("sample_interval")) {
    s_.sample_interval_us = *d;
    check_sample_count(top.get("sample_interval")->value_pos);
  }
  if (auto d = positive_duration("lag_threshold")) s_.lag_threshold_us = *d;
  if (const Entry* e = require(top, "domains", ctx)) read_domains(*e);
  // Sections that refer to domains or faults come after the things they refer to.
  if (const Entry* e = top.get("connections")) read_connections(*e);
  if (const Entry* e = top.get("connection_delays")) read_connection_delays(*e);
  if (const Entry* e = top.get("network")) read_network(*e);
  if (const Entry* e = top.get("indices")) read_indices(*e);
  if (const Entry* e = top.get("workload")) read_workload(*e);
  if (const Entry* e = top.get("faults")) read_faults(*e);
  if (const Entry* e = top.get("steps")) read_steps(*e);
  if (const Entry* e = top.get("checks")) read_checks(*e);
}

// ---------------------------------------------------------------------------------------------------------------
// Domains (spec §4.1)

void Loader::read_domains(const Entry& e) {
  if (is_null(e.value) || (e.value.IsMap() && e.value.size() == 0)) {
    error(e.value_pos, "domains must declare at least one domain");
    return;
  }
  if (e.value.IsMap() && e.value.size() > lim::kMaxDomains) {
    error(e.value_pos, "too many domains: " + std::to_string(e.value.size()) + " (at most " +
                           std::to_string(lim::kMaxDomains) + ")");
    return;
  }
  auto fields = read_map(e.value, e.value_pos, "domains", {}, "in domains");
  if (!fields) return;
  for (const Entry& d : fields->entries) domain_names_.push_back(d.key);
  for (const Entry& d : fields->entries) {
    if (!valid_domain_name(d.key)) {
      error(d.key_pos,
            "domain name " + in_quotes(d.key) + " must be 3-28 characters of a-z, 0-9 and '-', starting with a letter");
    }
    read_domain(d.key, d.value, d.key_pos);
  }
}

void Loader::read_domain(const std::string& name, const YAML::Node& node, SourcePos pos) {
  const std::string ctx = "in domain " + in_quotes(name);
  auto f =
      read_map(node, pos, "domain " + in_quotes(name),
               {"engine_version", "region", "account", "instance_type", "instance_count", "fine_grained_access_control",
                "node_to_node_encryption", "access_policy", "security", "settings", "capacity"},
               ctx);
  DomainSpec d;
  d.name = name;
  d.pos = pos;
  if (!f) {
    s_.domains.push_back(std::move(d));
    return;
  }
  if (const Entry* e = f->get("engine_version")) {
    if (auto v = read_string(*e)) {
      const auto parsed = parse_engine_version(*v);
      if (!parsed) {
        error(e->value_pos,
              "engine_version must look like 'OpenSearch_2.11' or 'Elasticsearch_7.10', got " + describe(e->value));
      } else if (!is_known_engine_version(*v)) {
        const std::string engine = parsed->engine == Engine::kOpenSearch ? "OpenSearch_" : "Elasticsearch_";
        std::vector<std::string> same_engine;
        for (const std::string& known : known_engine_versions()) {
          if (known.starts_with(engine)) same_engine.push_back(known.substr(engine.size()));
        }
        error(e->value_pos, "unknown engine_version " + in_quotes(*v) + " (" + engine.substr(0, engine.size() - 1) +
                                " versions are: " + join(same_engine, 100) + ")");
      } else {
        d.engine_version = *v;
      }
    }
  }
  if (const Entry* e = f->get("region")) {
    if (auto v = read_string(*e)) {
      if (!find_region(*v)) {
        error(e->value_pos, "unknown region " + in_quotes(*v) + " (expected an AWS region code like 'us-east-1')");
      } else {
        d.region = *v;
      }
    }
  }
  if (const Entry* e = f->get("account")) {
    if (auto v = read_string(*e)) {
      if (v->size() != 12 || v->find_first_not_of("0123456789") != std::string::npos) {
        error(e->value_pos, "account must be a 12-digit AWS account id like \"111122223333\", got " + in_quotes(*v));
      } else {
        d.account = *v;
      }
    }
  }
  if (const Entry* e = f->get("instance_type")) {
    if (auto v = read_string(*e)) {
      const bool looks_right = v->ends_with(".search") && v->find('.') < v->size() - 7 && v->size() <= 64 &&
                               v->find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.") == std::string::npos;
      if (!looks_right) {
        error(e->value_pos, "instance_type must look like 'r6g.large.search', got " + in_quotes(*v));
      } else {
        d.instance_type = *v;
      }
    }
  }
  if (const Entry* e = f->get("instance_count")) {
    if (auto v = read_int(*e, lim::kMinInstanceCount, lim::kMaxInstanceCount)) d.instance_count = static_cast<int>(*v);
  }
  const Entry* fgac = f->get("fine_grained_access_control");
  const Entry* n2n = f->get("node_to_node_encryption");
  bool fgac_ok = true;
  bool n2n_ok = true;
  if (fgac) {
    auto v = read_bool(*fgac);
    fgac_ok = v.has_value();
    if (v) d.fine_grained_access_control = *v;
  }
  if (n2n) {
    auto v = read_bool(*n2n);
    n2n_ok = v.has_value();
    if (v) d.node_to_node_encryption = *v;
  }
  if (fgac_ok && n2n_ok && d.fine_grained_access_control && !d.node_to_node_encryption) {
    error(n2n ? n2n->value_pos : pos,
          "domain " + in_quotes(name) + ": fine_grained_access_control requires node_to_node_encryption: true");
  }
  if (const Entry* e = f->get("access_policy")) {
    if (!e->value.IsMap()) {
      error(e->value_pos, "access_policy must be a map (an IAM policy document), got " + describe(e->value));
    } else {
      d.access_policy = yaml_to_json(e->value);
    }
  }
  if (const Entry* e = f->get("security")) read_security(*e, d);
  if (const Entry* e = f->get("settings")) {
    std::map<std::string, SourcePos> seen;
    if (!is_null(e->value) && !e->value.IsMap()) {
      error(e->value_pos, "settings must be a map, got " + describe(e->value));
    } else {
      read_settings(e->value, "", d, seen);
    }
  }
  if (const Entry* e = f->get("capacity")) read_capacity(*e, d);
  s_.domains.push_back(std::move(d));
}

void Loader::read_security(const Entry& e, DomainSpec& d) {
  const std::string ctx = "in security of domain " + in_quotes(d.name);
  auto f = read_map(e.value, e.value_pos, "security", {"users", "roles"}, ctx);
  if (!f) return;
  d.security.present = true;
  d.security.pos = f->pos;
  if (const Entry* users = f->get("users")) {
    if (users->value.IsMap() && users->value.size() > lim::kMaxListEntries) {
      error(users->value_pos, "too many users: " + std::to_string(users->value.size()));
    } else if (auto uf =
                   read_map(users->value, users->value_pos, "users", {}, "in users of domain " + in_quotes(d.name))) {
      for (const Entry& u : uf->entries) {
        SecurityUserSpec user;
        user.name = u.key;
        user.pos = u.key_pos;
        auto body = read_map(u.value, u.value_pos, "user " + in_quotes(u.key), {"roles"},
                             "in user " + in_quotes(u.key) + " of domain " + in_quotes(d.name));
        if (!body) continue;
        if (const Entry* roles = body->get("roles")) {
          if (auto items = read_list(roles->value, roles->value_pos, "roles", lim::kMaxListEntries)) {
            for (const YAML::Node& r : *items) {
              const Entry role{"each role", r, roles->value_pos, pos_of(r, roles->value_pos)};
              if (auto role_name = read_string(role)) user.roles.push_back(*role_name);
            }
          }
        }
        d.security.users.push_back(std::move(user));
      }
    }
  }
  if (const Entry* roles = f->get("roles")) {
    if (roles->value.IsMap() && roles->value.size() > lim::kMaxListEntries) {
      error(roles->value_pos, "too many roles: " + std::to_string(roles->value.size()));
    } else if (auto rf =
                   read_map(roles->value, roles->value_pos, "roles", {}, "in roles of domain " + in_quotes(d.name))) {
      for (const Entry& r : rf->entries) {
        if (!is_null(r.value) && !r.value.IsMap()) {
          error(r.value_pos, "role " + in_quotes(r.key) + " must be a map, got " + describe(r.value));
          continue;
        }
        d.security.roles.push_back({r.key, is_null(r.value) ? json::object() : yaml_to_json(r.value), r.key_pos});
      }
    }
  }
}

// Nested maps and dotted keys both end up as dotted keys, as OpenSearch flattens settings.
void Loader::read_settings(const YAML::Node& node, const std::string& prefix, DomainSpec& d,
                           std::map<std::string, SourcePos>& seen) {
  if (is_null(node)) return;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const SourcePos key_pos = pos_of(it->first);
    if (!it->first.IsScalar() || it->first.Scalar().empty()) {
      error(key_pos, "setting names must be plain names, got " + describe(it->first));
      continue;
    }
    const std::string key = prefix.empty() ? it->first.Scalar() : prefix + "." + it->first.Scalar();
    if (it->second.IsMap()) {
      read_settings(it->second, key, d, seen);
      continue;
    }
    if (auto [first, inserted] = seen.emplace(key, key_pos); !inserted) {
      error(key_pos, "duplicate setting " + in_quotes(key) + " in domain " + in_quotes(d.name) + " (first at line " +
                         std::to_string(first->second.line) + ")");
      continue;
    }
    if (seen.size() > lim::kMaxListEntries) {
      error(key_pos, "too many settings in domain " + in_quotes(d.name));
      return;
    }
    d.settings[key] = yaml_to_json(it->second);
    d.settings_pos[key] = key_pos;
  }
}

void Loader::read_capacity(const Entry& e, DomainSpec& d) {
  auto f = read_map(e.value, e.value_pos, "capacity", {"shard_index_rate", "shard_read_rate"},
                    "in capacity of domain " + in_quotes(d.name));
  if (!f) return;
  d.capacity.pos = f->pos;
  if (const Entry* r = f->get("shard_index_rate")) {
    if (auto v = read_rate(*r)) d.capacity.shard_index_rate_per_s = *v;
  }
  if (const Entry* r = f->get("shard_read_rate")) {
    if (auto v = read_rate(*r)) d.capacity.shard_read_rate_per_s = *v;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Connections (spec §4.2)

void Loader::read_connections(const Entry& e) {
  auto items = read_list(e.value, e.value_pos, "connections", lim::kMaxListEntries);
  if (!items) return;
  std::map<std::pair<std::string, std::string>, SourcePos> aliases;  // (from, alias)
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string ctx = "connections[" + std::to_string(i) + "]";
    auto f = read_map((*items)[i], e.value_pos, ctx, {"alias", "from", "to", "mode", "search_only"}, "in " + ctx);
    if (!f) continue;
    ConnectionSpec c;
    c.pos = f->pos;
    bool ok = true;
    const Entry* alias = require(*f, "alias", "in " + ctx);
    const Entry* from = require(*f, "from", "in " + ctx);
    const Entry* to = require(*f, "to", "in " + ctx);
    ok = alias && from && to;
    if (alias) {
      if (auto v = read_string(*alias)) {
        if (!valid_alias(*v)) {
          error(alias->value_pos, "connection alias " + in_quotes(*v) +
                                      " must be 2-100 characters of letters, digits, '_' and '-', starting with a "
                                      "letter");
          ok = false;
        }
        c.alias = *v;
      } else {
        ok = false;
      }
    }
    if (from) {
      auto v = read_domain_ref(*from);
      ok = ok && v;
      if (v) c.from = *v;
    }
    if (to) {
      auto v = read_domain_ref(*to);
      ok = ok && v;
      if (v) c.to = *v;
    }
    if (ok && c.from == c.to) {
      error(to->value_pos, "a connection needs two different domains, got " + in_quotes(c.from) + " twice");
      ok = false;
    }
    if (const Entry* m = f->get("mode")) {
      if (auto v = read_string(*m)) {
        if (*v == "DIRECT") {
          c.mode = ConnectionMode::kDirect;
        } else if (*v == "VPC_ENDPOINT") {
          c.mode = ConnectionMode::kVpcEndpoint;
        } else {
          error(m->value_pos, "mode must be DIRECT or VPC_ENDPOINT, got " + in_quotes(*v));
        }
      }
    }
    if (const Entry* so = f->get("search_only")) {
      if (auto v = read_bool(*so)) c.search_only = *v;
    }
    if (ok) {
      auto [first, inserted] = aliases.emplace(std::make_pair(c.from, c.alias), alias->value_pos);
      if (!inserted) {
        error(alias->value_pos, "duplicate connection alias " + in_quotes(c.alias) + " on domain " + in_quotes(c.from) +
                                    " (first at line " + std::to_string(first->second.line) + ")");
      }
    }
    s_.connections.push_back(std::move(c));
  }
}

// How long each transient connection status lasts (docs/connections.md); 0s makes a stage instant.
void Loader::read_connection_delays(const Entry& e) {
  auto f = read_map(e.value, e.value_pos, "connection_delays",
                    {"validating", "approved", "provisioning", "rejecting", "deleting"}, "in connection_delays");
  if (!f) return;
  ConnectionDelaysSpec& d = s_.connection_delays;
  d.pos = f->pos;
  const std::pair<const char*, sim_time_us*> stages[] = {{"validating", &d.validating_us},
                                                         {"approved", &d.approved_us},
                                                         {"provisioning", &d.provisioning_us},
                                                         {"rejecting", &d.rejecting_us},
                                                         {"deleting", &d.deleting_us}};
  for (const auto& [key, target] : stages) {
    if (const Entry* stage = f->get(key)) {
      if (auto v = read_duration(*stage)) *target = *v;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Network (spec §4.3)

void Loader::read_link_fields(const Fields& f, LinkSpec& link) {
  if (const Entry* e = f.get("latency")) {
    if (e->value.IsScalar() && e->value.Scalar() == "auto") {
      link.latency_us.reset();
    } else if (e->value.IsScalar() && !parse_duration(e->value.Scalar(), lim::kMaxDurationUs).out_of_range &&
               !parse_duration(e->value.Scalar(), lim::kMaxDurationUs)) {
      error(e->value_pos, "latency must be 'auto' or a duration like '40ms', got " + describe(e->value));
    } else if (auto v = read_duration(*e)) {
      link.latency_us = *v;
    }
  }
  if (const Entry* e = f.get("jitter")) {
    if (auto v = read_duration(*e)) link.jitter_us = *v;
  }
  if (const Entry* e = f.get("bandwidth")) {
    if (auto v = read_bandwidth(*e)) link.bandwidth_bytes_per_s = *v;
  }
  if (const Entry* e = f.get("loss")) {
    if (auto v = read_number(*e)) {
      if (!(*v >= 0 && *v < 1)) {
        error(e->value_pos, "loss must be at least 0 and below 1, got " + describe(e->value));
      } else {
        link.loss = *v;
      }
    }
  }
}

void Loader::read_network(const Entry& e) {
  auto f = read_map(e.value, e.value_pos, "network", {"default", "links"}, "in network");
  if (!f) return;
  s_.network.pos = f->pos;
  if (const Entry* def = f->get("default")) {
    if (auto df = read_map(def->value, def->value_pos, "network.default", {"latency", "jitter", "bandwidth", "loss"},
                           "in network.default")) {
      read_link_fields(*df, s_.network.defaults);
    }
  }
  const Entry* links = f->get("links");
  if (!links) return;
  auto items = read_list(links->value, links->value_pos, "network links", lim::kMaxListEntries);
  if (!items) return;
  std::map<std::tuple<std::string, std::string, bool>, SourcePos> seen;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string ctx = "network.links[" + std::to_string(i) + "]";
    auto lf = read_map((*items)[i], links->value_pos, ctx,
                       {"between", "from", "to", "latency", "jitter", "bandwidth", "loss"}, "in " + ctx);
    if (!lf) continue;
    NetworkLinkSpec link;
    link.pos = lf->pos;
    link.link = s_.network.defaults;
    const Entry* between = lf->get("between");
    const Entry* from = lf->get("from");
    const Entry* to = lf->get("to");
    bool ok = false;
    if (between && (from || to)) {
      error((from ? from : to)->key_pos, "a link uses either 'between' or 'from'/'to', not both");
    } else if (between) {
      if (auto pair = read_domain_pair(*between)) {
        link.a = pair->first;
        link.b = pair->second;
        ok = true;
      }
    } else if (from && to) {
      auto a = read_domain_ref(*from);
      auto b = read_domain_ref(*to);
      if (a && b && *a == *b) {
        error(to->value_pos, "a link needs two different domains, got " + in_quotes(*a) + " twice");
      } else if (a && b) {
        link.a = *a;
        link.b = *b;
        link.directed = true;
        ok = true;
      }
    } else {
      error(lf->pos, "a link needs 'between: [a, b]' or both 'from' and 'to'");
    }
    read_link_fields(*lf, link.link);
    if (ok) {
      std::string a = link.a;
      std::string b = link.b;
      if (!link.directed && b < a) std::swap(a, b);
      auto [first, inserted] = seen.emplace(std::make_tuple(a, b, link.directed), link.pos);
      if (!inserted) {
        error(link.pos, "duplicate link between " + in_quotes(link.a) + " and " + in_quotes(link.b) +
                            " (first at line " + std::to_string(first->second.line) + ")");
      }
    }
    s_.network.links.push_back(std::move(link));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Indices (spec §4.4)

void Loader::read_indices(const Entry& e) {
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

// ---------------------------------------------------------------------------------------------------------------
// Workload (spec §4.5)

void Loader::read_workload(const Entry& e) {
  auto items = read_list(e.value, e.value_pos, "workload entries", lim::kMaxListEntries);
  if (!items) return;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string ctx = "workload[" + std::to_string(i) + "]";
    auto f = read_map((*items)[i], e.value_pos, ctx,
                      {"domain", "index", "rate", "doc_size", "from", "until", "arrival", "rollover"}, "in " + ctx);
    if (!f) continue;
    WorkloadSpec w;
    w.pos = f->pos;
    if (const Entry* d = require(*f, "domain", "in " + ctx)) {
      if (auto v = read_domain_ref(*d)) w.domain = *v;
    }
    if (const Entry* n = require(*f, "index", "in " + ctx)) {
      if (auto v = read_index_name(*n)) w.index = *v;
    }
    if (const Entry* r = require(*f, "rate", "in " + ctx)) {
      if (auto v = read_rate(*r)) w.rate_per_s = *v;
    }
    if (const Entry* v = f->get("doc_size")) {
      if (auto x = read_size(*v, 1, lim::kMaxDocSizeBytes)) w.doc_size_bytes = *x;
    }
    if (const Entry* v = f->get("from")) {
      if (auto x = read_duration(*v)) w.from_us = *x;
    }
    if (const Entry* v = f->get("until")) {
      if (auto x = read_duration(*v)) {
        if (*x <= w.from_us) {
          error(v->value_pos,
                "until (" + format_duration(*x) + ") must be after from (" + format_duration(w.from_us) + ")");
        } else {
          w.until_us = *x;
        }
      }
    }
    if (const Entry* v = f->get("arrival")) {
      if (auto x = read_string(*v)) {
        if (*x == "uniform") {
          w.arrival = Arrival::kUniform;
        } else if (*x == "poisson") {
          w.arrival = Arrival::kPoisson;
        } else {
          error(v->value_pos, "arrival must be uniform or poisson, got " + in_quotes(*x));
        }
      }
    }
    if (const Entry* v = f->get("rollover")) {
      read_rollover(*v, w, ctx + ".rollover");
      check_rollover_count(*v, w);
    }
    s_.workload.push_back(std::move(w));
  }
}

// Each period creates an index: bound them over the writer's span (its `until`, else the scenario's `duration`,
// else the longest run allowed).
void Loader::check_rollover_count(const Entry& e, const WorkloadSpec& w) {
  if (!w.rollover || w.rollover->every_us <= 0) return;
  const sim_time_us end_us = w.until_us.value_or(s_.duration_us.value_or(lim::kMaxDurationUs));
  if (end_us <= w.from_us) return;
  const std::int64_t periods = (end_us - w.from_us + w.rollover->every_us - 1) / w.rollover->every_us;
  if (periods <= lim::kMaxRolloverIndices) return;
  // Built piece by piece: GCC 12 warns falsely (-Wrestrict, PR105329) on long `"..." + std::string` chains.
  std::string message = "rollover would create " + std::to_string(periods);
  message += " indices (every " + format_duration(w.rollover->every_us);
  message += " from " + format_duration(w.from_us);
  message += " to " + format_duration(end_us);
  message += "); at most " + std::to_string(lim::kMaxRolloverIndices);
  message +=
      " per workload entry: use a longer `every`, or bound the writer with `until` or the scenario with "
      "`duration`";
  error(e.value_pos, std::move(message));
}

void Loader::read_rollover(const Entry& e, WorkloadSpec& w, const std::string& context) {
  auto f = read_map(e.value, e.value_pos, context, {"every", "name"}, "in " + context);
  if (!f) return;
  RolloverSpec r;
  r.pos = f->pos;
  bool ok = true;
  if (const Entry* every = require(*f, "every", "in " + context)) {
    auto v = read_duration(*every);
    if (v && (*v < kUsPerS || *v % kUsPerS != 0)) {
      error(every->value_pos,
            "rollover every must be a whole number of seconds, at least 1s, got " + describe(every->value));
      v.reset();
    }
    ok = ok && v;
    if (v) r.every_us = *v;
  } else {
    ok = false;
  }
  if (const Entry* name = require(*f, "name", "in " + context)) {
    auto v = read_string(*name);
    if (v && v->find("{n}") == std::string::npos) {
      error(name->value_pos, "rollover name must contain '{n}', got " + in_quotes(*v));
      v.reset();
    } else if (v) {
      // Spliced rather than replace()d: GCC 12 warns falsely (-Wrestrict, PR105329) on the replace once inlined.
      const std::size_t at = v->find("{n}");
      std::string sample = v->substr(0, at);
      sample += '1';
      sample += v->substr(at + 3);
      if (std::string problem = index_name_problem(sample); !problem.empty()) {
        error(name->value_pos, "rollover name " + in_quotes(*v) + " gives index names that " + problem);
        v.reset();
      }
    }
    ok = ok && v;
    if (v) r.name_pattern = *v;
  } else {
    ok = false;
  }
  if (ok) w.rollover = r;
}

// ---------------------------------------------------------------------------------------------------------------
// Faults (spec §4.6)

void Loader::read_faults(const Entry& e) {
  auto items = read_list(e.value, e.value_pos, "faults", lim::kMaxListEntries);
  if (!items) return;
  std::map<std::string, SourcePos> names;
  for (std::size_t i = 0; i < items->size(); ++i) read_fault((*items)[i], i, names);
}

std::optional<RandomFaultSpec> Loader::read_random_faults(const Entry& e, const std::string& context) {
  static constexpr std::array<std::string_view, 5> kKinds = {"link_down", "domain_down", "latency", "bandwidth",
                                                             "node_down"};
  auto f =
      read_map(e.value, e.value_pos, context, {"kinds", "targets", "mtbf", "mttr", "from", "until"}, "in " + context);
  if (!f) return std::nullopt;
  RandomFaultSpec r;
  r.pos = f->pos;
  const std::size_t errors_before = diags_.size();
  bool link_kind = false;
  if (const Entry* k = require(*f, "kinds", "in " + context)) {
    if (auto items = read_list(k->value, k->value_pos, context + ".kinds", kKinds.size() + 1)) {
      if (items->empty()) error(k->value_pos, "kinds must name at least one fault kind");
      for (const YAML::Node& item : *items) {
        const Entry ke{k->key, item, k->value_pos, pos_of(item, k->value_pos)};
        auto name = read_string(ke);
        if (!name) continue;
        if (*name == "domain_lost") {
          error(ke.value_pos, "domain_lost cannot be random (it is permanent); write it as its own fault");
          continue;
        }
        const auto it = std::find(kKinds.begin(), kKinds.end(), *name);
        if (it == kKinds.end()) {
          error(ke.value_pos, "unknown fault kind " + in_quotes(*name) +
                                  " (random kinds are: link_down, domain_down, latency, bandwidth, node_down)");
          continue;
        }
        static constexpr std::array<FaultKind, 5> kValues = {FaultKind::kLinkDown, FaultKind::kDomainDown,
                                                             FaultKind::kLatency, FaultKind::kBandwidth,
                                                             FaultKind::kNodeDown};
        const FaultKind kind = kValues[static_cast<std::size_t>(it - kKinds.begin())];
        link_kind =
            link_kind || kind == FaultKind::kLinkDown || kind == FaultKind::kLatency || kind == FaultKind::kBandwidth;
        r.kinds.push_back(kind);
      }
    }
  }
  if (const Entry* t = require(*f, "targets", "in " + context)) {
    if (auto items = read_list(t->value, t->value_pos, context + ".targets", lim::kMaxListEntries)) {
      for (const YAML::Node& item : *items) {
        const Entry te{t->key, item, t->value_pos, pos_of(item, t->value_pos)};
        auto name = read_domain_ref(te);
        if (!name) continue;
        if (contains(r.targets, *name)) {
          error(te.value_pos, "duplicate target " + in_quotes(*name));
          continue;
        }
        r.targets.push_back(*name);
      }
      if (r.targets.empty() && items->empty()) error(t->value_pos, "targets must name at least one domain");
      if (link_kind && items->size() == 1) {
        error(t->value_pos, "link fault kinds need at least two targets (a link joins two domains)");
      }
    }
  }
  auto positive = [&](const char* key, sim_time_us min_us, const char* min_text) -> sim_time_us {
    const Entry* d = require(*f, key, "in " + context);
    if (!d) return 0;
    auto v = read_duration(*d);
    if (!v) return 0;
    if (*v < min_us) error(d->value_pos, std::string(key) + " must be at least " + min_text);
    return *v;
  };
  r.mtbf_us = positive("mtbf", kUsPerMin, "1m");
  r.mttr_us = positive("mttr", kUsPerS, "1s");
  if (const Entry* d = f->get("from")) {
    if (auto v = read_duration(*d)) r.from_us = *v;
  }
  SourcePos until_pos = f->pos;
  if (const Entry* d = f->get("until")) {
    until_pos = d->value_pos;
    if (auto v = read_duration(*d)) r.until_us = *v;
  } else if (!s_.duration_us) {
    error(f->pos, "until is required in " + context + " when the scenario has no duration");
  }
  const sim_time_us until = r.until_us.value_or(s_.duration_us.value_or(0));
  if (r.until_us && *r.until_us <= r.from_us) error(until_pos, "until must be after from");
  // Bounded: the expected number of faults stays far below what a report can list.
  constexpr double kMaxExpectedFaults = 1000;
  if (r.mtbf_us >= kUsPerMin && until > r.from_us &&
      static_cast<double>(until - r.from_us) / static_cast<double>(r.mtbf_us) > kMaxExpectedFaults) {
    error(until_pos, "mtbf is too short for this window: more than 1000 faults expected");
  }
  if (diags_.size() > errors_before) return std::nullopt;
  return r;
}

void Loader::read_fault(const YAML::Node& node, std::size_t index, std::map<std::string, SourcePos>& names) {
  static constexpr std::array<std::string_view, 6> kKinds = {"link_down", "domain_down", "latency",
                                                             "bandwidth", "node_down",   "domain_lost"};
  const std::string ctx = "faults[" + std::to_string(index) + "]";
  auto f = read_map(node, {}, ctx,
                    {"name", "at", "duration", "link_down", "domain_down", "latency", "bandwidth", "node_down",
                     "domain_lost", "random"},
                    "in " + ctx);
  if (!f) return;
  FaultSpec fault;
  fault.pos = f->pos;
  if (const Entry* random = f->get("random")) {
    for (const Entry& entry : f->entries) {
      if (entry.key != "random" && entry.key != "name") {
        error(entry.key_pos, "a random fault entry takes only name and random, got " + in_quotes(entry.key));
      }
    }
    fault.random = read_random_faults(*random, ctx + ".random");
    fault.name = "random-" + std::to_string(index + 1);
    if (const Entry* n = f->get("name")) {
      if (auto v = read_string(*n)) fault.name = *v;
    }
    if (!fault.random) return;
    s_.faults.push_back(std::move(fault));
    return;
  }
  const Entry* kind_entry = nullptr;
  for (const Entry& entry : f->entries) {
    const auto k = std::find(kKinds.begin(), kKinds.end(), entry.key);
    if (k == kKinds.end()) continue;
    if (kind_entry) {
      error(entry.key_pos,
            "a fault has exactly one kind, got " + in_quotes(kind_entry->key) + " and " + in_quotes(entry.key));
      continue;
    }
    kind_entry = &entry;
    fault.kind = static_cast<FaultKind>(k - kKinds.begin());
  }
  if (!kind_entry) {
    error(f->pos, "a fault needs one of: link_down, domain_down, latency, bandwidth, node_down, domain_lost");
  }
  if (const Entry* at = require(*f, "at", "in " + ctx)) {
    if (auto v = read_duration(*at)) fault.at_us = *v;
  }
  if (const Entry* d = f->get("duration")) {
    if (kind_entry && fault.kind == FaultKind::kDomainLost) {
      error(d->key_pos, "domain_lost is permanent; it takes no duration");
    } else if (auto v = read_duration(*d)) {
      if (*v == 0) {
        error(d->value_pos, "duration must be greater than 0s");
      } else {
        fault.duration_us = *v;
      }
    }
  }
  if (kind_entry) {
    const Entry& k = *kind_entry;
    switch (fault.kind) {
      case FaultKind::kLinkDown:
        if (auto pair = read_domain_pair(k)) std::tie(fault.a, fault.b) = *pair;
        break;
      case FaultKind::kDomainDown:
      case FaultKind::kDomainLost:
        if (auto v = read_domain_ref(k)) fault.a = *v;
        break;
      case FaultKind::kLatency:
      case FaultKind::kBandwidth: {
        const bool latency = fault.kind == FaultKind::kLatency;
        const std::string amount = latency ? "add" : "set";
        auto kf = read_map(k.value, k.value_pos, k.key, {"between", amount}, "in " + ctx + "." + k.key);
        if (!kf) break;
        if (const Entry* b = require(*kf, "between", "in " + ctx + "." + k.key)) {
          if (auto pair = read_domain_pair(*b)) std::tie(fault.a, fault.b) = *pair;
        }
        if (const Entry* a = require(*kf, amount, "in " + ctx + "." + k.key)) {
          if (latency) {
            if (auto v = read_duration(*a)) fault.add_latency_us = *v;
          } else if (auto v = read_bandwidth(*a)) {
            fault.set_bandwidth_bytes_per_s = *v;
          }
        }
        break;
      }
      case FaultKind::kNodeDown: {
        auto kf = read_map(k.value, k.value_pos, k.key, {"domain", "count"}, "in " + ctx + ".node_down");
        if (!kf) break;
        const DomainSpec* domain = nullptr;
        if (const Entry* d = require(*kf, "domain", "in " + ctx + ".node_down")) {
          if (auto v = read_domain_ref(*d)) {
            fault.a = *v;
            domain = s_.find_domain(*v);
          }
        }
        if (const Entry* c = require(*kf, "count", "in " + ctx + ".node_down")) {
          if (auto v = read_int(*c, 1, lim::kMaxInstanceCount)) {
            if (domain && *v > domain->instance_count) {
              error(c->value_pos, "count must be at most the instance_count of domain " + in_quotes(domain->name) +
                                      " (" + std::to_string(domain->instance_count) + "), got " + std::to_string(*v));
            } else {
              fault.node_count = static_cast<int>(*v);
            }
          }
        }
        break;
      }
    }
  }
  SourcePos name_pos = f->pos;
  if (const Entry* n = f->get("name")) {
    if (auto v = read_string(*n)) {
      if (v->empty()) error(n->value_pos, "name must not be empty");
      fault.name = *v;
      name_pos = n->value_pos;
    }
  } else if (kind_entry) {
    fault.name = kind_entry->key + "-" + std::to_string(index + 1);
  }
  if (!fault.name.empty()) {
    auto [first, inserted] = names.emplace(fault.name, name_pos);
    if (!inserted) {
      error(name_pos, "duplicate fault name " + in_quotes(fault.name) + " (first at line " +
                          std::to_string(first->second.line) + ")");
    }
  }
  s_.faults.push_back(std::move(fault));
}

// ---------------------------------------------------------------------------------------------------------------
// Steps (spec §5)

void Loader::read_steps(const Entry& e) {
  auto items = read_list(e.value, e.value_pos, "steps", lim::kMaxSteps);
  if (!items) return;
  for (std::size_t i = 0; i < items->size(); ++i) read_step((*items)[i], i);
}

void Loader::read_step(const YAML::Node& node, std::size_t index) {
  const std::string ctx = "steps[" + std::to_string(index) + "]";
  auto f =
      read_map(node, {}, ctx, {"at", "on", "as", "request", "aws", "args", "body", "expect", "within", "every", "wait"},
               "in " + ctx);
  if (!f) return;
  StepSpec step;
  step.pos = f->pos;
  const Entry* request = f->get("request");
  const Entry* aws = f->get("aws");
  const Entry* wait = f->get("wait");
  const int kinds = (request ? 1 : 0) + (aws ? 1 : 0) + (wait ? 1 : 0);
  if (kinds != 1) {
    error(f->pos, kinds == 0 ? "a step needs one of 'request', 'aws' or 'wait'"
                             : "a step has exactly one of 'request', 'aws' or 'wait'");
    return;
  }
  step.kind = request ? StepKind::kRequest : aws ? StepKind::kAws : StepKind::kWait;
  // Keys that only make sense for some kinds of step.
  const auto only_with = [&](std::string_view key, bool allowed, const std::string& which) {
    if (const Entry* x = f->get(key); x && !allowed) error(x->key_pos, in_quotes(key) + " is only allowed " + which);
  };
  only_with("on", !wait, "in 'request' and 'aws' steps");
  only_with("as", !wait, "in 'request' and 'aws' steps");
  only_with("expect", !wait, "in 'request' and 'aws' steps");
  only_with("within", !wait, "in 'request' and 'aws' steps");
  only_with("every", !wait, "in 'request' and 'aws' steps");
  only_with("body", request != nullptr, "in 'request' steps");
  only_with("args", aws != nullptr, "in 'aws' steps");

  if (const Entry* at = f->get("at")) {
    if (auto v = read_duration(*at)) {
      if (s_.duration_us && *v > *s_.duration_us) {
        error(at->value_pos, "step at " + format_duration(*v) + " is after the end of the simulation (duration " +
                                 format_duration(*s_.duration_us) + ")");
      }
      step.at_us = *v;
    }
  }
  if (!wait) {
    if (const Entry* on = require(*f, "on", "in " + ctx)) {
      if (auto v = read_domain_ref(*on)) step.on = *v;
    }
    if (const Entry* as = f->get("as")) {
      if (auto v = read_string(*as)) {
        if (v->empty()) error(as->value_pos, "as must name a user");
        step.as = *v;
      }
    }
  }
  if (request) {
    if (auto v = read_string(*request)) {
      std::istringstream words(*v);
      std::string method;
      std::string path;
      std::string extra;
      words >> method >> path >> extra;
      std::transform(method.begin(), method.end(), method.begin(),
                     [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
      static const std::vector<std::string> kMethods = {"GET", "PUT", "POST", "DELETE", "HEAD"};
      if (method.empty() || !extra.empty()) {
        error(request->value_pos, "request must look like 'GET index/_doc/1', got " + in_quotes(*v));
      } else if (!contains(kMethods, method)) {
        error(request->value_pos,
              "unknown HTTP method " + in_quotes(method) + " (expected GET, PUT, POST, DELETE or HEAD)");
      } else {
        step.method = method;
        step.path = path.starts_with('/') ? path.substr(1) : path;
      }
    }
  }
  if (aws) {
    if (auto v = read_string(*aws)) {
      if (!contains(aws_operations(), *v)) {
        error(aws->value_pos,
              "unknown aws operation " + in_quotes(*v) + " (operations are: " + join(aws_operations()) + ")");
      } else {
        step.aws_operation = *v;
      }
    }
    if (const Entry* args = f->get("args")) {
      if (!is_null(args->value) && !args->value.IsMap()) {
        error(args->value_pos, "args must be a map, got " + describe(args->value));
      } else if (!is_null(args->value)) {
        step.aws_args = yaml_to_json(args->value);
      }
    }
  }
  if (request) {
    if (const Entry* body = f->get("body")) step.body = yaml_to_json(body->value);
  }
  if (wait) {
    if (auto v = read_duration(*wait)) step.wait_us = *v;
  } else {
    if (const Entry* x = f->get("expect")) read_expect(*x, step, ctx + ".expect");
    if (const Entry* x = f->get("within")) {
      if (auto v = read_duration(*x)) step.within_us = *v;
    }
    if (const Entry* x = f->get("every")) {
      if (!f->get("within")) {
        error(x->key_pos, "'every' needs 'within' (it sets how often a polling step repeats)");
      } else if (auto v = read_duration(*x)) {
        if (*v == 0) {
          error(x->value_pos, "every must be greater than 0s");
        } else {
          step.every_us = *v;
        }
      }
    }
    if (step.within_us && *step.within_us / step.every_us > lim::kMaxPollAttempts) {
      const Entry* x = f->get("every") != nullptr ? f->get("every") : f->get("within");
      std::string message = "a polling step may repeat at most " + std::to_string(lim::kMaxPollAttempts);
      message += " times; within " + format_duration(*step.within_us);
      message += " every " + format_duration(step.every_us);
      message += " would be " + std::to_string(*step.within_us / step.every_us);
      error(x->value_pos, std::move(message));
    }
  }
  s_.steps.push_back(std::move(step));
}

void Loader::read_expect(const Entry& e, StepSpec& step, const std::string& context) {
  auto f = read_map(e.value, e.value_pos, "expect", {"status", "body"}, "in " + context);
  if (!f) return;
  ExpectSpec expect;
  expect.pos = f->pos;
  if (const Entry* status = f->get("status")) {
    if (status->value.IsMap()) {
      expect.status = yaml_to_json(status->value);
    } else if (auto v = read_int(*status, 100, 599)) {
      expect.status = *v;
    }
  }
  if (const Entry* body = f->get("body")) expect.body = yaml_to_json(body->value);
  step.expect = std::move(expect);
}

// ---------------------------------------------------------------------------------------------------------------
// Checks (spec §5.4)

void Loader::read_checks(const Entry& e) {
  auto items = read_list(e.value, e.value_pos, "checks", lim::kMaxListEntries);
  if (!items) return;
  for (std::size_t i = 0; i < items->size(); ++i) read_check((*items)[i], i);
}

void Loader::read_check(const YAML::Node& node, std::size_t index) {
  const std::string ctx = "checks[" + std::to_string(index) + "]";
  auto f = read_map(node, {}, ctx, {"name", "metric", "replication", "fault", "max", "min", "eq"}, "in " + ctx);
  if (!f) return;
  CheckSpec check;
  check.pos = f->pos;
  if (const Entry* m = require(*f, "metric", "in " + ctx)) {
    if (auto v = read_string(*m)) {
      if (find_metric(*v) == nullptr) {
        error(m->value_pos,
              "unknown metric " + in_quotes(*v) + " (metrics are: " + join(check_metric_names(), 100) + ")");
      } else {
        check.metric = *v;
        check.limit_is_time = is_time_metric_name(*v);
      }
    }
  }
  if (const Entry* n = f->get("name")) {
    if (auto v = read_string(*n)) check.name = *v;
  } else {
    check.name = check.metric;
  }
  if (const Entry* r = f->get("replication")) {
    if (auto v = read_string(*r)) {
      const std::size_t slash = v->find('/');
      if (slash == std::string::npos || slash == 0 || slash + 1 == v->size()) {
        error(r->value_pos, "replication must look like 'follower-domain/follower-index', got " + in_quotes(*v));
      } else if (const std::string domain = v->substr(0, slash); !contains(domain_names_, domain)) {
        error(r->value_pos, "unknown domain " + in_quotes(domain) + " (domains are: " + join(domain_names_) + ")");
      } else {
        check.replication = *v;
      }
    }
  }
  if (const Entry* fa = f->get("fault")) {
    if (auto v = read_string(*fa)) {
      std::vector<std::string> fault_names;
      for (const FaultSpec& fault : s_.faults) fault_names.push_back(fault.name);
      if (!contains(fault_names, *v)) {
        error(fa->value_pos,
              "unknown fault " + in_quotes(*v) +
                  (fault_names.empty() ? " (there are no faults)" : " (faults are: " + join(fault_names) + ")"));
      } else {
        check.fault = *v;
      }
    }
  }
  const Entry* bound = nullptr;
  for (const char* key : {"max", "min", "eq"}) {
    const Entry* b = f->get(key);
    if (!b) continue;
    if (bound) {
      error(b->key_pos,
            "a check has exactly one of max, min or eq, got " + in_quotes(bound->key) + " and " + in_quotes(key));
      continue;
    }
    bound = b;
  }
  if (!bound) {
    error(f->pos, "a check needs one of max, min or eq");
  } else {
    check.bound = bound->key == "max" ? CheckBound::kMax : bound->key == "min" ? CheckBound::kMin : CheckBound::kEq;
    if (check.metric.empty()) {
      // The metric is unknown, so the kind of limit is too; the metric's error says enough.
    } else if (check.limit_is_time) {
      if (auto v = read_duration(*bound)) check.limit = to_seconds(*v);
    } else if (auto v = read_number(*bound)) {
      if (*v < 0) {
        error(bound->value_pos, bound->key + " must not be negative, got " + describe(bound->value));
      } else {
        check.limit = *v;
      }
    }
  }
  s_.checks.push_back(std::move(check));
}

}  // namespace

std::optional<Scenario> load_scenario_text(const std::string& text, const std::string& file_label, Diagnostics& diags) {
  try {
    Loader loader(diags);
    return loader.load(text, file_label);
  } catch (const YAML::Exception& ex) {
    // yaml-cpp can still throw while walking a node (bad conversion); report it where it happened.
    const SourcePos pos = ex.mark.is_null() ? SourcePos{1, 1} : SourcePos{ex.mark.line + 1, ex.mark.column + 1};
    diags.error(pos, "invalid YAML: " + ex.msg);
  } catch (const std::exception& ex) {
    diags.error({1, 1}, std::string("cannot read scenario: ") + ex.what());
  }
  return std::nullopt;
}

std::optional<Scenario> load_scenario(const std::string& path, Diagnostics& diags) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    diags.error({1, 1}, "cannot read scenario file: " + ec.message());
    return std::nullopt;
  }
  if (size > static_cast<std::uintmax_t>(scenario_limits::kMaxFileBytes)) {
    diags.error({1, 1}, "scenario file is " + std::to_string(size) + " bytes; the limit is 16 MiB");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error({1, 1}, "cannot open scenario file");
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return load_scenario_text(buffer.str(), path, diags);
}

}  // namespace ccrsim
