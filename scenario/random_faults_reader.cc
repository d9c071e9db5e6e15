#include "scenario/random_faults_reader.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "scenario/scenario_limits.h"

namespace ccrsim::reader {

namespace lim = scenario_limits;

namespace {

constexpr std::array<std::string_view, 5> kKinds = {"link_down", "domain_down", "latency", "bandwidth", "node_down"};
constexpr std::array<FaultKind, 5> kValues = {FaultKind::kLinkDown, FaultKind::kDomainDown, FaultKind::kLatency,
                                              FaultKind::kBandwidth, FaultKind::kNodeDown};

}  // namespace

std::optional<RandomFaultSpec> RandomFaultsReader::read(const Entry& e, const std::string& context) {
  auto f =
      read_map(e.value, e.value_pos, context, {"kinds", "targets", "mtbf", "mttr", "from", "until"}, "in " + context);
  if (!f) return std::nullopt;
  RandomFaultSpec r;
  r.pos = f->pos;
  const std::size_t errors_before = error_count();
  const bool link_kind = read_kinds(*f, context, r);
  read_targets(*f, context, link_kind, r);
  read_window(*f, context, r);
  if (error_count() > errors_before) return std::nullopt;
  return r;
}

bool RandomFaultsReader::read_kinds(const Fields& f, const std::string& context, RandomFaultSpec& r) {
  bool link_kind = false;
  const Entry* k = require(f, "kinds", "in " + context);
  if (k == nullptr) return link_kind;
  auto items = read_list(k->value, k->value_pos, context + ".kinds", kKinds.size() + 1);
  if (!items) return link_kind;
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
    const FaultKind kind = kValues[static_cast<std::size_t>(it - kKinds.begin())];
    link_kind =
        link_kind || kind == FaultKind::kLinkDown || kind == FaultKind::kLatency || kind == FaultKind::kBandwidth;
    r.kinds.push_back(kind);
  }
  return link_kind;
}

void RandomFaultsReader::read_targets(const Fields& f, const std::string& context, bool link_kind, RandomFaultSpec& r) {
  const Entry* t = require(f, "targets", "in " + context);
  if (t == nullptr) return;
  auto items = read_list(t->value, t->value_pos, context + ".targets", lim::kMaxListEntries);
  if (!items) return;
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

void RandomFaultsReader::read_window(const Fields& f, const std::string& context, RandomFaultSpec& r) {
  auto positive = [&](const char* key, sim_time_us min_us, const char* min_text) -> sim_time_us {
    const Entry* d = require(f, key, "in " + context);
    if (!d) return 0;
    auto v = read_duration(*d);
    if (!v) return 0;
    if (*v < min_us) error(d->value_pos, std::string(key) + " must be at least " + min_text);
    return *v;
  };
  r.mtbf_us = positive("mtbf", kUsPerMin, "1m");
  r.mttr_us = positive("mttr", kUsPerS, "1s");
  if (const Entry* d = f.get("from")) {
    if (auto v = read_duration(*d)) r.from_us = *v;
  }
  SourcePos until_pos = f.pos;
  if (const Entry* d = f.get("until")) {
    until_pos = d->value_pos;
    if (auto v = read_duration(*d)) r.until_us = *v;
  } else if (!s_.duration_us) {
    error(f.pos, "until is required in " + context + " when the scenario has no duration");
  }
  const sim_time_us until = r.until_us.value_or(s_.duration_us.value_or(0));
  if (r.until_us && *r.until_us <= r.from_us) error(until_pos, "until must be after from");
  // Bounded: the expected number of faults stays far below what a report can list.
  constexpr double kMaxExpectedFaults = 1000;
  if (r.mtbf_us >= kUsPerMin && until > r.from_us &&
      static_cast<double>(until - r.from_us) / static_cast<double>(r.mtbf_us) > kMaxExpectedFaults) {
    error(until_pos, "mtbf is too short for this window: more than 1000 faults expected");
  }
}

}  // namespace ccrsim::reader
