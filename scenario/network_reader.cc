#include "scenario/network_reader.h"

#include <map>
#include <tuple>

#include "scenario/scenario_limits.h"
#include "sim/units.h"

namespace ccrsim::reader {

namespace lim = scenario_limits;

void NetworkReader::read_link_fields(const Fields& f, LinkSpec& link) {
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

void NetworkReader::read(const Entry& e) {
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

}  // namespace ccrsim::reader
