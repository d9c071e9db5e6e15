#include "scenario/workload_reader.h"

#include "scenario/name_rules.h"
#include "scenario/scenario_limits.h"
#include "sim/units.h"

namespace ccrsim::reader {

namespace lim = scenario_limits;

void WorkloadReader::read(const Entry& e) {
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
void WorkloadReader::check_rollover_count(const Entry& e, const WorkloadSpec& w) {
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

void WorkloadReader::read_rollover(const Entry& e, WorkloadSpec& w, const std::string& context) {
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

}  // namespace ccrsim::reader
