#include "scenario/faults_reader.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <tuple>

#include "scenario/random_faults_reader.h"
#include "scenario/scenario_limits.h"

namespace ccrsim::reader {

namespace lim = scenario_limits;

namespace {

// In FaultKind's order.
constexpr std::array<std::string_view, 6> kKinds = {"link_down", "domain_down", "latency",
                                                    "bandwidth", "node_down",   "domain_lost"};

}  // namespace

void FaultsReader::read(const Entry& e) {
  auto items = read_list(e.value, e.value_pos, "faults", lim::kMaxListEntries);
  if (!items) return;
  std::map<std::string, SourcePos> names;
  for (std::size_t i = 0; i < items->size(); ++i) read_fault((*items)[i], i, names);
}

void FaultsReader::read_fault(const YAML::Node& node, std::size_t index, std::map<std::string, SourcePos>& names) {
  const std::string ctx = "faults[" + std::to_string(index) + "]";
  auto f = read_map(node, {}, ctx,
                    {"name", "at", "duration", "link_down", "domain_down", "latency", "bandwidth", "node_down",
                     "domain_lost", "random"},
                    "in " + ctx);
  if (!f) return;
  FaultSpec fault;
  fault.pos = f->pos;
  if (f->get("random")) {
    read_random_entry(*f, index, ctx, fault);
    if (!fault.random) return;
    s_.faults.push_back(std::move(fault));
    return;
  }
  const Entry* kind_entry = read_kind(*f, fault);
  read_timing(*f, ctx, kind_entry, fault);
  if (kind_entry) read_target(*kind_entry, ctx, fault);
  read_name(*f, index, kind_entry, names, fault);
  s_.faults.push_back(std::move(fault));
}

void FaultsReader::read_random_entry(const Fields& f, std::size_t index, const std::string& ctx, FaultSpec& fault) {
  for (const Entry& entry : f.entries) {
    if (entry.key != "random" && entry.key != "name") {
      error(entry.key_pos, "a random fault entry takes only name and random, got " + in_quotes(entry.key));
    }
  }
  fault.random = RandomFaultsReader(diags_, s_, domain_names_).read(*f.get("random"), ctx + ".random");
  fault.name = "random-" + std::to_string(index + 1);
  if (const Entry* n = f.get("name")) {
    if (auto v = read_string(*n)) fault.name = *v;
  }
}

const Entry* FaultsReader::read_kind(const Fields& f, FaultSpec& fault) {
  const Entry* kind_entry = nullptr;
  for (const Entry& entry : f.entries) {
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
    error(f.pos, "a fault needs one of: link_down, domain_down, latency, bandwidth, node_down, domain_lost");
  }
  return kind_entry;
}

void FaultsReader::read_timing(const Fields& f, const std::string& ctx, const Entry* kind_entry, FaultSpec& fault) {
  if (const Entry* at = require(f, "at", "in " + ctx)) {
    if (auto v = read_duration(*at)) fault.at_us = *v;
  }
  if (const Entry* d = f.get("duration")) {
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
}

void FaultsReader::read_target(const Entry& k, const std::string& ctx, FaultSpec& fault) {
  switch (fault.kind) {
    case FaultKind::kLinkDown:
      if (auto pair = read_domain_pair(k)) std::tie(fault.a, fault.b) = *pair;
      break;
    case FaultKind::kDomainDown:
    case FaultKind::kDomainLost:
      if (auto v = read_domain_ref(k)) fault.a = *v;
      break;
    case FaultKind::kLatency:
    case FaultKind::kBandwidth:
      read_link_change(k, ctx, fault);
      break;
    case FaultKind::kNodeDown:
      read_node_down(k, ctx, fault);
      break;
  }
}

void FaultsReader::read_link_change(const Entry& k, const std::string& ctx, FaultSpec& fault) {
  const bool latency = fault.kind == FaultKind::kLatency;
  const std::string amount = latency ? "add" : "set";
  auto kf = read_map(k.value, k.value_pos, k.key, {"between", amount}, "in " + ctx + "." + k.key);
  if (!kf) return;
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
}

void FaultsReader::read_node_down(const Entry& k, const std::string& ctx, FaultSpec& fault) {
  auto kf = read_map(k.value, k.value_pos, k.key, {"domain", "count"}, "in " + ctx + ".node_down");
  if (!kf) return;
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
        error(c->value_pos, "count must be at most the instance_count of domain " + in_quotes(domain->name) + " (" +
                                std::to_string(domain->instance_count) + "), got " + std::to_string(*v));
      } else {
        fault.node_count = static_cast<int>(*v);
      }
    }
  }
}

void FaultsReader::read_name(const Fields& f, std::size_t index, const Entry* kind_entry,
                             std::map<std::string, SourcePos>& names, FaultSpec& fault) {
  SourcePos name_pos = f.pos;
  if (const Entry* n = f.get("name")) {
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
}

}  // namespace ccrsim::reader
