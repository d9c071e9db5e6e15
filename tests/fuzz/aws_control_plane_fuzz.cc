// Fuzzes the AWS control-plane handler (the `aws:` steps, model/aws/aws_api.h) and the connection lifecycle behind
// it on a small world of five domains: two ordinary ones, a third for the limit and alias rules, one older engine
// version (version rules) and one without fine-grained access control (AWS prerequisites).
// Input: up to kMaxCalls lines, each `[@N ]OPERATION [ARGS]` (N the calling domain, 0-4, default 1; ARGS a JSON
// object, anything else is sent as a JSON string) or `wait SECONDS` (lets the lifecycle's stage timers run).
// Invariants: nothing throws; an answer is 200 with a JSON object, or an AWS error {"__type", "message"} with the
// status the API reference gives (400 or 409); a 200 from create carries a "cc-" id and a status code, one from
// describe a "Connections" array; after every call the connection table holds: a connection never joins a domain to
// itself, no domain counts more than 20 connected domains, and no two live outbound connections of one domain share
// an alias.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <set>
#include <string>
#include <utility>

#include "model/aws/aws_api.h"
#include "model/world.h"
#include "model/world_builder.h"
#include "sim/simulator.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace ccrsim;
using ccrsim::fuzz::check;

constexpr int kMaxCalls = 16;
constexpr int kDomains = 5;
constexpr sim_time_us kMaxWaitUs = kUsPerDay;
constexpr int kMaxConnectedDomains = 20;

class AwsModel {
 public:
  AwsModel() {
    for (int i = 0; i < kDomains; ++i) {
      DomainSpec d;
      d.name = i == 0 ? "leader-domain" : i == 1 ? "follower-domain" : "domain-" + std::to_string(i);
      if (i == 3) d.engine_version = "OpenSearch_1.3";
      if (i == 4) d.fine_grained_access_control = false;
      scenario_.domains.push_back(d);
    }
    built_ = std::make_unique<WorldBuilder>(sim_, scenario_);
    world_ = &built_->world();
    world_->set_end_us(30 * kUsPerDay);
  }

  RestResponse call(DomainId on, const std::string& operation, const json& args) {
    return handle_aws_operation(*world_, on, operation, args);
  }
  void wait(sim_time_us d) { sim_.run_until(sim_.now() + d); }
  const World& world() const { return *world_; }

 private:
  Scenario scenario_;
  Simulator sim_;
  std::unique_ptr<WorldBuilder> built_;
  World* world_ = nullptr;
};

std::string dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

void check_answer(const RestResponse& r, const std::string& operation, const std::string& line) {
  check(r.body.is_object(), "the body is not a JSON object for " + line + ": " + dump(r.body));
  if (r.status == 200) {
    if (operation == "create-outbound-connection") {
      check(r.body.value("ConnectionId", json()).is_string() &&
                r.body["ConnectionId"].get<std::string>().rfind("cc-", 0) == 0,
            "create answered without a cc- id for " + line);
      check(r.body.contains("ConnectionStatus") && r.body["ConnectionStatus"].value("StatusCode", json()).is_string(),
            "create answered without a status code for " + line);
    }
    if (operation.rfind("describe-", 0) == 0) {
      check(r.body.value("Connections", json()).is_array(), "describe answered without Connections for " + line);
    }
    return;
  }
  check(r.status == 400 || r.status == 409, "status " + std::to_string(r.status) + " for " + line);
  check(r.body.value("__type", json()).is_string() && r.body.value("message", json()).is_string(),
        "malformed AWS error for " + line + ": " + dump(r.body));
}

void check_connections(const World& world, const std::string& line) {
  std::set<std::pair<DomainId, std::string>> live_aliases;
  for (const Connection& c : world.connections().all()) {
    check(c.local != c.remote, "a connection joins a domain to itself after " + line);
    check(c.id.rfind("cc-", 0) == 0, "a connection id without cc- after " + line);
    if (!is_live(c.status)) continue;
    check(live_aliases.insert({c.local, c.alias}).second,
          "two live outbound connections share the alias '" + c.alias + "' after " + line);
  }
  for (DomainId d = 0; d < kDomains; ++d) {
    check(world.connections().connected_domain_count(d) <= kMaxConnectedDomains,
          "more than 20 connected domains after " + line);
  }
}

// `wait SECONDS`: the seconds as a number, bounded to a day so one input cannot run for ever.
sim_time_us parse_wait(const std::string& rest) {
  const json seconds = json::parse(rest, nullptr, false);
  if (!seconds.is_number() || !(seconds.get<double>() > 0)) return 0;
  const double us = seconds.get<double>() * static_cast<double>(kUsPerS);
  return us >= static_cast<double>(kMaxWaitUs) ? kMaxWaitUs : static_cast<sim_time_us>(us);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    AwsModel model;
    std::size_t pos = 0;
    for (int n = 0; n < kMaxCalls && pos < text.size(); ++n) {
      const std::size_t end = std::min(text.find('\n', pos), text.size());
      std::string line = text.substr(pos, end - pos);
      pos = end + 1;
      DomainId on = 1;
      if (line.size() >= 3 && line[0] == '@' && line[1] >= '0' && line[1] < '0' + kDomains && line[2] == ' ') {
        on = line[1] - '0';
        line.erase(0, 3);
      }
      const std::size_t space = line.find(' ');
      const std::string operation = line.substr(0, space);
      const std::string rest = space == std::string::npos ? "" : line.substr(space + 1);
      if (operation == "wait") {
        model.wait(parse_wait(rest));
        check_connections(model.world(), line);
        continue;
      }
      json args = rest.empty() ? json::object() : json::parse(rest, nullptr, false);
      if (args.is_discarded()) args = json(rest);
      const RestResponse answer = model.call(on, operation, args);
      check_answer(answer, operation, line);
      check_connections(model.world(), line);
    }
  } catch (const std::exception& e) {
    ccrsim::fuzz::invariant_broken(std::string("exception escaped the AWS control plane: ") + e.what());
  }
  return 0;
}
