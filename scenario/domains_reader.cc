#include "scenario/domains_reader.h"

#include <vector>

#include "scenario/engine_versions.h"
#include "scenario/name_rules.h"
#include "scenario/regions.h"
#include "scenario/scenario_limits.h"
#include "scenario/security_reader.h"
#include "scenario/yaml_json.h"

namespace ccrsim::reader {

namespace lim = scenario_limits;

void DomainsReader::read(const Entry& e) {
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

void DomainsReader::read_domain(const std::string& name, const YAML::Node& node, SourcePos pos) {
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
  read_engine_version(*f, d);
  read_placement(*f, d);
  read_encryption(*f, d);
  if (const Entry* e = f->get("access_policy")) {
    if (!e->value.IsMap()) {
      error(e->value_pos, "access_policy must be a map (an IAM policy document), got " + describe(e->value));
    } else {
      d.access_policy = yaml_to_json(e->value);
    }
  }
  if (const Entry* e = f->get("security")) SecurityReader(diags_).read(*e, d);
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

void DomainsReader::read_engine_version(const Fields& f, DomainSpec& d) {
  const Entry* e = f.get("engine_version");
  if (e == nullptr) return;
  auto v = read_string(*e);
  if (!v) return;
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

void DomainsReader::read_placement(const Fields& f, DomainSpec& d) {
  if (const Entry* e = f.get("region")) {
    if (auto v = read_string(*e)) {
      if (!find_region(*v)) {
        error(e->value_pos, "unknown region " + in_quotes(*v) + " (expected an AWS region code like 'us-east-1')");
      } else {
        d.region = *v;
      }
    }
  }
  if (const Entry* e = f.get("account")) {
    if (auto v = read_string(*e)) {
      if (v->size() != 12 || v->find_first_not_of("0123456789") != std::string::npos) {
        error(e->value_pos, "account must be a 12-digit AWS account id like \"111122223333\", got " + in_quotes(*v));
      } else {
        d.account = *v;
      }
    }
  }
  read_instance_type(f, d);
  if (const Entry* e = f.get("instance_count")) {
    if (auto v = read_int(*e, lim::kMinInstanceCount, lim::kMaxInstanceCount)) d.instance_count = static_cast<int>(*v);
  }
}

void DomainsReader::read_instance_type(const Fields& f, DomainSpec& d) {
  const Entry* e = f.get("instance_type");
  if (e == nullptr) return;
  auto v = read_string(*e);
  if (!v) return;
  const bool looks_right = v->ends_with(".search") && v->find('.') < v->size() - 7 && v->size() <= 64 &&
                           v->find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.") == std::string::npos;
  if (!looks_right) {
    error(e->value_pos, "instance_type must look like 'r6g.large.search', got " + in_quotes(*v));
  } else {
    d.instance_type = *v;
  }
}

void DomainsReader::read_encryption(const Fields& f, DomainSpec& d) {
  const Entry* fgac = f.get("fine_grained_access_control");
  const Entry* n2n = f.get("node_to_node_encryption");
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
    error(n2n ? n2n->value_pos : d.pos,
          "domain " + in_quotes(d.name) + ": fine_grained_access_control requires node_to_node_encryption: true");
  }
}

// Nested maps and dotted keys both end up as dotted keys, as OpenSearch flattens settings.
void DomainsReader::read_settings(const YAML::Node& node, const std::string& prefix, DomainSpec& d,
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

void DomainsReader::read_capacity(const Entry& e, DomainSpec& d) {
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

}  // namespace ccrsim::reader
