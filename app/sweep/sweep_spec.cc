#include "app/sweep/sweep_spec.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "app/sweep/bounded_file.h"
#include "scenario/scenario_loader.h"
#include "scenario/yaml_document.h"

namespace ccrsim {

namespace {

namespace lim = sweep_limits;

SourcePos pos_of(const YAML::Node& node) {
  const YAML::Mark m = node.Mark();
  if (m.is_null() || m.line < 0) return {1, 1};
  return {m.line + 1, m.column + 1};
}

std::optional<std::uint64_t> to_seed(const YAML::Node& node) {
  if (!node.IsScalar()) return std::nullopt;
  const std::string& s = node.Scalar();
  std::uint64_t v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

void read_seeds(const YAML::Node& node, SweepSpec& spec, Diagnostics& diags) {
  if (node.IsScalar()) {
    const std::optional<std::uint64_t> count = to_seed(node);
    if (!count || *count < 1 || *count > lim::kMaxSeeds) {
      diags.error(pos_of(node), "seeds must be a count from 1 to " + std::to_string(lim::kMaxSeeds) +
                                    " or a list of seeds, got '" + node.Scalar() + "'");
      return;
    }
    for (std::uint64_t s = 1; s <= *count; ++s) spec.seeds.push_back(s);
    return;
  }
  if (!node.IsSequence() || node.size() == 0 || node.size() > lim::kMaxSeeds) {
    diags.error(pos_of(node), "seeds must be a count or a list of 1 to " + std::to_string(lim::kMaxSeeds) + " seeds");
    return;
  }
  for (const YAML::Node& item : node) {
    const std::optional<std::uint64_t> seed = to_seed(item);
    if (!seed) {
      diags.error(pos_of(item), "a seed must be an integer from 0 to 18446744073709551615");
      continue;
    }
    if (std::find(spec.seeds.begin(), spec.seeds.end(), *seed) != spec.seeds.end()) {
      diags.error(pos_of(item), "seed " + std::to_string(*seed) + " is listed twice");
      continue;
    }
    spec.seeds.push_back(*seed);
  }
}

void read_vary(const YAML::Node& node, SweepSpec& spec, Diagnostics& diags) {
  if (!node.IsMap() || node.size() == 0 || node.size() > lim::kMaxPaths) {
    diags.error(pos_of(node),
                "vary must be a map of 1 to " + std::to_string(lim::kMaxPaths) + " paths, each with a list of values");
    return;
  }
  for (const auto& kv : node) {
    SweepAxis axis;
    axis.path = kv.first.Scalar();
    axis.pos = pos_of(kv.first);
    for (const SweepAxis& other : spec.axes) {
      if (other.path == axis.path) diags.error(axis.pos, "path '" + axis.path + "' is varied twice");
    }
    const YAML::Node& values = kv.second;
    if (!values.IsSequence() || values.size() == 0 || values.size() > lim::kMaxValuesPerPath) {
      diags.error(pos_of(values), "vary '" + axis.path + "' must be a list of 1 to " +
                                      std::to_string(lim::kMaxValuesPerPath) + " values");
      continue;
    }
    for (const YAML::Node& v : values) {
      if (!v.IsScalar()) {
        diags.error(pos_of(v), "a varied value must be a single value such as 2000/s or 40ms");
        continue;
      }
      axis.values.push_back(v.Scalar());
      axis.value_pos.push_back(pos_of(v));
    }
    spec.axes.push_back(std::move(axis));
  }
}

void read_metrics(const YAML::Node& node, SweepSpec& spec, Diagnostics& diags) {
  if (!node.IsSequence() || node.size() == 0 || node.size() > lim::kMaxMetrics) {
    diags.error(pos_of(node), "metrics must be a list of 1 to " + std::to_string(lim::kMaxMetrics) + " metric names");
    return;
  }
  const std::vector<std::string>& known = check_metric_names();
  for (const YAML::Node& m : node) {
    const std::string name = m.IsScalar() ? m.Scalar() : "";
    if (find_metric(name) == nullptr) {
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
      diags.error(pos_of(m), "unknown metric '" + name + "' (metrics are: " + list + ")");
      continue;
    }
    spec.metrics.push_back(name);
  }
}

}  // namespace

std::size_t SweepSpec::combinations() const {
  // Saturates just above the limit so a huge product cannot overflow.
  std::size_t n = 1;
  for (const SweepAxis& a : axes) n = std::min(n * a.values.size(), lim::kMaxRuns + 1);
  return n;
}

std::vector<std::size_t> SweepSpec::value_indices(std::size_t combination) const {
  std::vector<std::size_t> out(axes.size());
  for (std::size_t i = axes.size(); i-- > 0;) {
    out[i] = combination % axes[i].values.size();
    combination /= axes[i].values.size();
  }
  return out;
}

std::optional<SweepSpec> load_sweep_spec(const std::string& path, Diagnostics& diags) {
  std::string error;
  const std::optional<std::string> text = read_bounded_file(path, error);
  if (!text) {
    diags.error({1, 1}, error);
    return std::nullopt;
  }
  YamlDocument doc = read_yaml_document(*text, "a sweep file");
  if (doc.problem) {
    diags.error(doc.problem->pos, std::move(doc.problem->message));
    return std::nullopt;
  }
  const YAML::Node root = doc.root;
  if (!root.IsMap()) {
    diags.error({1, 1}, "a sweep file is a map with scenario, seeds, vary and metrics");
    return std::nullopt;
  }
  SweepSpec spec;
  spec.file = path;
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    if (key != "scenario" && key != "seeds" && key != "vary" && key != "metrics") {
      diags.error(pos_of(kv.first),
                  "unknown key '" + key + "' in the sweep (known keys: scenario, seeds, vary, " + "metrics)");
    }
  }
  const YAML::Node scenario = root["scenario"];
  if (!scenario || !scenario.IsScalar() || scenario.Scalar().empty()) {
    diags.error(scenario ? pos_of(scenario) : SourcePos{1, 1}, "scenario: the base scenario file is required");
  } else {
    spec.scenario_pos = pos_of(scenario);
    const std::filesystem::path base(scenario.Scalar());
    spec.scenario_path = base.is_absolute()
                             ? base.string()
                             : (std::filesystem::path(path).parent_path() / base).lexically_normal().string();
  }
  if (const YAML::Node seeds = root["seeds"]) {
    read_seeds(seeds, spec, diags);
  } else {
    spec.seeds.push_back(1);
  }
  if (const YAML::Node vary = root["vary"]) {
    read_vary(vary, spec, diags);
  } else {
    diags.error({1, 1}, "vary: at least one path with values is required");
  }
  if (const YAML::Node metrics = root["metrics"]) {
    read_metrics(metrics, spec, diags);
  } else {
    diags.error({1, 1}, "metrics: at least one metric is required");
  }
  if (!diags.empty()) return std::nullopt;
  if (spec.runs() > lim::kMaxRuns) {
    diags.error({1, 1}, "the sweep has " + std::to_string(spec.runs()) + " runs; at most " +
                            std::to_string(lim::kMaxRuns) + " are allowed");
    return std::nullopt;
  }
  return spec;
}

}  // namespace ccrsim
