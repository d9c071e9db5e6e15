#include "scenario/yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <system_error>

#include "scenario/scenario_loader.h"
#include "scenario/yaml_json.h"
#include "sim/units.h"

namespace ccrsim::reader {

namespace lim = scenario_limits;

SourcePos pos_of(const YAML::Node& node, SourcePos fallback) {
  if (!node.IsDefined()) return fallback;
  const YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return fallback;
  return {mark.line + 1, mark.column + 1};
}

bool is_null(const YAML::Node& node) {
  return !node.IsDefined() || node.IsNull();
}

std::string describe(const YAML::Node& node) {
  if (is_null(node)) return "nothing";
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a map";
  std::string text = node.Scalar();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return in_quotes(text);
}

std::string join(const std::vector<std::string>& items, std::size_t max_items) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max_items; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > max_items) out += ", ...";
  return out;
}

std::string join(Keys keys) {
  std::vector<std::string> items(keys.begin(), keys.end());
  return join(items, 100);
}

// Appended piece by piece: GCC 12 warns falsely (-Wrestrict, PR105329) on `"'" + std::string` once inlined.
std::string in_quotes(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '\'';
  out += text;
  out += '\'';
  return out;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

const Entry* Fields::get(std::string_view key) const {
  for (const Entry& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

namespace {

template <typename T>
std::optional<T> report_parse(Diagnostics& diags, const Entry& e, const Parsed<T>& parsed) {
  if (parsed) return parsed.value;
  diags.error(e.value_pos, parsed.out_of_range ? e.key + " " + parsed.error : parsed.error);
  return std::nullopt;
}

}  // namespace

std::optional<Fields> YamlReader::read_map(const YAML::Node& node, SourcePos fallback, const std::string& what,
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

std::optional<std::vector<YAML::Node>> YamlReader::read_list(const YAML::Node& node, SourcePos fallback,
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

bool YamlReader::has_value(const Entry& e) {
  if (is_null(e.value)) {
    error(e.value_pos, e.key + " needs a value");
    return false;
  }
  return true;
}

std::optional<std::string> YamlReader::read_string(const Entry& e) {
  return read_scalar(e, "a string");
}

std::optional<std::string> YamlReader::read_scalar(const Entry& e, const std::string& expected) {
  if (!has_value(e)) return std::nullopt;
  if (!e.value.IsScalar()) {
    error(e.value_pos, e.key + " must be " + expected + ", got " + describe(e.value));
    return std::nullopt;
  }
  return e.value.Scalar();
}

std::optional<std::int64_t> YamlReader::read_int(const Entry& e, std::int64_t min, std::int64_t max) {
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

std::optional<std::uint64_t> YamlReader::read_uint64(const Entry& e) {
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

std::optional<double> YamlReader::read_number(const Entry& e) {
  if (!has_value(e)) return std::nullopt;
  const json value = e.value.IsScalar() ? yaml_scalar_to_json(e.value) : json();
  if (!e.value.IsScalar() || !value.is_number()) {
    error(e.value_pos, e.key + " must be a number, got " + describe(e.value));
    return std::nullopt;
  }
  return value.get<double>();
}

std::optional<bool> YamlReader::read_bool(const Entry& e) {
  if (!has_value(e)) return std::nullopt;
  const json value = e.value.IsScalar() ? yaml_scalar_to_json(e.value) : json();
  if (!value.is_boolean()) {
    error(e.value_pos, e.key + " must be true or false, got " + describe(e.value));
    return std::nullopt;
  }
  return value.get<bool>();
}

std::optional<sim_time_us> YamlReader::read_duration(const Entry& e) {
  if (!has_value(e)) return std::nullopt;
  if (!e.value.IsScalar()) {
    error(e.value_pos, e.key + " must be a duration like '30s', got " + describe(e.value));
    return std::nullopt;
  }
  return report_parse(diags_, e, parse_duration(e.value.Scalar(), lim::kMaxDurationUs));
}

std::optional<std::int64_t> YamlReader::read_size(const Entry& e, std::int64_t min_bytes, std::int64_t max_bytes) {
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

std::optional<double> YamlReader::read_bandwidth(const Entry& e) {
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

std::optional<double> YamlReader::read_rate(const Entry& e) {
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

const Entry* YamlReader::require(const Fields& f, std::string_view key, const std::string& context) {
  const Entry* e = f.get(key);
  if (!e) error(f.pos, "missing required key " + in_quotes(key) + " " + context);
  return e;
}

}  // namespace ccrsim::reader
