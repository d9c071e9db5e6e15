#include "app/sweep/capacity_command.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/sweep/parallel_runs.h"
#include "app/sweep/scenario_variants.h"
#include "reports/number_format.h"
#include "scenario/scenario_loader.h"
#include "sim/json.h"
#include "sim/units.h"

namespace ccrsim {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitNone = 1;
constexpr int kExitInvalid = 2;
constexpr double kPrecision = 0.02;   // bisection stops when the bracket is within 2 % of its lower end
constexpr int kMaxBracketSteps = 40;  // doublings or halvings
constexpr int kMaxBisections = 60;
constexpr std::size_t kMaxSeeds = 1000;

// A scalar such as "2000/s", "40ms", "1gbit/s" or "50000": its number and what follows it.
struct NumberWithUnit {
  double number = 0;
  std::string unit;
  bool integer = false;  // written without a fraction: probes stay whole numbers
};

std::optional<NumberWithUnit> split_number(const std::string& text) {
  NumberWithUnit n;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, n.number, std::chars_format::fixed);
  if (ec != std::errc() || !(n.number > 0)) return std::nullopt;
  const std::string number_text(text.data(), ptr);
  n.unit.assign(ptr, end);
  if (std::any_of(n.unit.begin(), n.unit.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  n.integer = number_text.find('.') == std::string::npos;
  return n;
}

std::string value_text(double v, const NumberWithUnit& base) {
  if (base.integer) return std::to_string(static_cast<long long>(std::llround(v))) + base.unit;
  return format_number(v) + base.unit;
}

double snap(double v, const NumberWithUnit& base) {
  return base.integer ? std::max(1.0, std::round(v)) : v;
}

std::optional<std::vector<std::uint64_t>> parse_seeds(const std::string& text, std::uint64_t scenario_seed) {
  std::vector<std::uint64_t> seeds;
  if (text.empty()) return std::vector<std::uint64_t>{scenario_seed};
  const auto number = [](std::string_view s) -> std::optional<std::uint64_t> {
    std::uint64_t v = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
    return v;
  };
  const std::size_t dots = text.find("..");
  if (dots != std::string::npos) {
    const auto a = number(std::string_view(text).substr(0, dots));
    const auto b = number(std::string_view(text).substr(dots + 2));
    if (!a || !b || *b < *a || *b - *a >= kMaxSeeds) return std::nullopt;
    for (std::uint64_t s = *a; s <= *b; ++s) seeds.push_back(s);
    return seeds;
  }
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const auto v = number(std::string_view(text).substr(start, comma - start));
    if (!v || seeds.size() >= kMaxSeeds) return std::nullopt;
    seeds.push_back(*v);
    start = comma + 1;
  }
  return seeds;
}

struct Probe {
  double value = 0;
  std::optional<double> metric_value;  // the worst over seeds; nullopt when a seed measured nothing
  bool passed = false;
};

class Search {
 public:
  Search(const ScenarioVariants& variants, const CapacityArgs& args, NumberWithUnit base,
         std::vector<std::uint64_t> seeds, double limit)
      : variants_(variants), args_(args), base_(std::move(base)), seeds_(std::move(seeds)), limit_(limit) {}

  // Runs every seed at `value`; a value the scenario rejects (a bound such as 10 000 000/s) does not pass.
  bool probe(double value) {
    Probe p;
    p.value = value;
    std::vector<std::string> errors;
    const std::optional<Scenario> scenario = variants_.load({value_text(value, base_)}, errors);
    if (scenario) {
      std::vector<RunMeasure> measures(seeds_.size());
      for_each_in_parallel(
          seeds_.size(), args_.jobs,
          [&](std::size_t i) {
            Scenario s = *scenario;
            s.seed = seeds_[i];
            measures[i] = measure_run(s, {args_.metric});
          },
          nullptr);
      p.passed = true;
      for (const RunMeasure& m : measures) {
        const std::optional<double> v = m.metrics.empty() ? std::nullopt : m.metrics[0];
        if (!v) {
          p.passed = false;
          p.metric_value.reset();
          break;
        }
        p.metric_value = p.metric_value ? std::max(*p.metric_value, *v) : *v;
        p.passed = p.passed && *v <= limit_;
      }
    }
    probes_.push_back(p);
    std::cerr << "[ccrsim] capacity: " << value_text(value, base_) << " -> "
              << (p.metric_value ? format_fixed(*p.metric_value, 3) : std::string("not measured"))
              << (p.passed ? " pass" : " FAIL") << "\n";
    return p.passed;
  }

  const std::vector<Probe>& probes() const { return probes_; }

 private:
  const ScenarioVariants& variants_;
  const CapacityArgs& args_;
  NumberWithUnit base_;
  std::vector<std::uint64_t> seeds_;
  double limit_;
  std::vector<Probe> probes_;
};

struct Answer {
  std::optional<double> value;  // the largest passing value found
  bool bounded = false;         // a failing value above it was found
};

// Bracketing (doubling up from a passing base, halving down from a failing one), then bisection to kPrecision.
Answer find_capacity(Search& search, const NumberWithUnit& base) {
  double lo = 0;
  double hi = 0;
  if (search.probe(base.number)) {
    lo = base.number;
    for (int i = 0;; ++i) {
      if (i == kMaxBracketSteps) return {lo, false};
      const double next = snap(lo * 2, base);
      if (!search.probe(next)) {
        hi = next;
        break;
      }
      lo = next;
    }
  } else {
    hi = base.number;
    for (int i = 0;; ++i) {
      if (i == kMaxBracketSteps) return {std::nullopt, true};
      const double next = snap(hi / 2, base);
      if (next >= hi) return {std::nullopt, true};
      if (search.probe(next)) {
        lo = next;
        break;
      }
      hi = next;
    }
  }
  for (int i = 0; i < kMaxBisections && hi - lo > kPrecision * lo; ++i) {
    const double mid = snap((lo + hi) / 2, base);
    if (mid <= lo || mid >= hi) break;
    (search.probe(mid) ? lo : hi) = mid;
  }
  return {lo, true};
}

}  // namespace

int command_capacity(const CapacityArgs& args) {
  if (find_metric(args.metric) == nullptr) {
    std::cerr << "ccrsim: error: --metric: unknown metric '" << args.metric << "'\n";
    return kExitInvalid;
  }
  const bool time_metric = is_time_metric_name(args.metric);
  double limit = 0;
  if (time_metric) {
    const Parsed<sim_time_us> d = parse_duration(args.max_text);
    if (!d) {
      std::cerr << "ccrsim: error: --max: " << d.error << " (" << args.metric << " is a time, e.g. 30s)\n";
      return kExitInvalid;
    }
    limit = to_seconds(*d.value);
  } else {
    const char* end = args.max_text.data() + args.max_text.size();
    const auto [ptr, ec] = std::from_chars(args.max_text.data(), end, limit);
    if (ec != std::errc() || ptr != end || limit < 0) {
      std::cerr << "ccrsim: error: --max: " << args.metric << " is a count; expected a number, got '" << args.max_text
                << "'\n";
      return kExitInvalid;
    }
  }
  std::vector<ScenarioVariants::PathError> errors;
  const std::optional<ScenarioVariants> variants = ScenarioVariants::open(args.scenario_path, {args.vary_path}, errors);
  for (const ScenarioVariants::PathError& e : errors) std::cerr << "ccrsim: error: --vary: " << e.message << "\n";
  if (!variants) return kExitInvalid;
  std::vector<std::string> load_errors;
  const std::optional<Scenario> base_scenario = variants->load({variants->base_value(0)}, load_errors);
  for (const std::string& line : load_errors) std::cerr << line << "\n";
  if (!base_scenario) return kExitInvalid;
  const std::optional<NumberWithUnit> base = split_number(variants->base_value(0));
  if (!base) {
    std::cerr << "ccrsim: error: --vary: '" << args.vary_path << "' is '" << variants->base_value(0)
              << "' in the scenario; the search needs a positive number with at most one unit (2000/s, 40ms, 50000)\n";
    return kExitInvalid;
  }
  const std::optional<std::vector<std::uint64_t>> seeds = parse_seeds(args.seeds_text, base_scenario->seed);
  if (!seeds) {
    std::cerr << "ccrsim: error: --seeds must be a list such as 1,2,3 or a range such as 1..5 (at most " << kMaxSeeds
              << " seeds), got '" << args.seeds_text << "'\n";
    return kExitInvalid;
  }

  Search search(*variants, args, *base, *seeds, limit);
  const Answer answer = find_capacity(search, *base);

  json out = json::object();
  out["path"] = args.vary_path;
  out["value"] = answer.value ? json(*answer.value) : json(nullptr);
  out["metric"] = args.metric;
  out["limit"] = limit;
  out["probes"] = json::array();
  for (const Probe& p : search.probes()) {
    out["probes"].push_back({{"value", p.value},
                             {"metric_value", p.metric_value ? json(round_to(*p.metric_value, 6)) : json(nullptr)},
                             {"passed", p.passed}});
  }
  const std::string out_dir = args.out_dir.empty()
                                  ? (std::filesystem::path("ccrsim-out") /
                                     (std::filesystem::path(args.scenario_path).stem().string() + "-capacity"))
                                        .string()
                                  : args.out_dir;
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  std::ofstream file(std::filesystem::path(out_dir) / "capacity.json", std::ios::binary | std::ios::trunc);
  file << out.dump(2) << "\n";
  if (ec || !file) {
    std::cerr << "ccrsim: error: cannot write capacity.json into '" << out_dir << "'\n";
    return kExitInvalid;
  }
  const std::string limit_text = time_metric ? args.max_text : format_number(limit);
  const std::string probes = std::to_string(search.probes().size()) + " probes, " + std::to_string(seeds->size()) +
                             (seeds->size() == 1 ? " seed" : " seeds");
  if (!answer.value) {
    std::cout << "capacity: no value of " << args.vary_path << " down to "
              << value_text(search.probes().back().value, *base) << " keeps " << args.metric << " <= " << limit_text
              << " (" << probes << ")\n";
    return kExitNone;
  }
  std::cout << "capacity: " << args.vary_path << " = " << (answer.bounded ? "" : "at least ")
            << value_text(*answer.value, *base) << " keeps " << args.metric << " <= " << limit_text << " (" << probes
            << ")\n";
  return kExitOk;
}

}  // namespace ccrsim
