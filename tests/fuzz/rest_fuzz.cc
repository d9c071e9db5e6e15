// Fuzzes the REST layer on a small live model: a leader and a follower domain (connection alias "source"), a
// leader index "logs" with documents, the core APIs and the replication plugin's API.
// Input: up to kMaxRequests lines `[@leader ]METHOD PATH [BODY]`; the body is JSON, or any other text, which is
// sent as a raw body (as a scenario's string `body:` is). Each request runs to its answer before the next.
// Invariants: nothing throws; every request is answered within an hour of simulated time; an answer has an HTTP
// status from 100 to 599 and a JSON object body (an array for _cat?format=json, or a text body); an error answer (>=
// 400 with a JSON body) has OpenSearch's envelope {"error": {"type", "reason", "root_cause"}, "status"} (or the
// router's {"error": "...", "status"}) with the same status, AWS's {"__type", "message"}, or the security plugin's
// {"status": "BAD_REQUEST", "message"}.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include "model/replication/replication_service.h"
#include "model/rest/core_apis.h"
#include "model/rest/rest_router.h"
#include "model/world.h"
#include "model/world_builder.h"
#include "sim/simulator.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace ccrsim;
using ccrsim::fuzz::check;

constexpr int kMaxRequests = 8;
constexpr sim_time_us kAnswerWithinUs = kUsPerH;
constexpr std::uint64_t kMaxEventsPerRequest = 2'000'000;

class LiveModel {
 public:
  LiveModel() {
    DomainSpec leader;
    leader.name = "leader-domain";
    leader.engine_version = "OpenSearch_2.11";
    leader.fine_grained_access_control = false;
    DomainSpec follower = leader;
    follower.name = "follower-domain";
    follower.region = "eu-west-1";
    scenario_.domains = {leader, follower};
    built_ = std::make_unique<WorldBuilder>(sim_, scenario_);
    world_ = &built_->world();
    world_->set_end_us(7 * kUsPerDay);
    built_->connect(1, 0, "source", "cc-fuzz");
    Index& logs = world_->domain(0).create_index("logs", 2, 1, 0);
    for (int s = 0; s < 2; ++s) logs.shard(s).append_synthetic(50, 0, 0, 1024);
    register_core_apis(router_);
    service_ = std::make_unique<ReplicationService>(*world_);
    register_replication_api(router_, *service_);
  }

  std::optional<RestResponse> call(DomainId on, const RestRequest& request) {
    std::optional<RestResponse> answer;
    router_.dispatch(*world_, on, request, [&answer](RestResponse r) { answer = std::move(r); });
    const sim_time_us deadline = sim_.now() + kAnswerWithinUs;
    const std::uint64_t event_cap = sim_.events_processed() + kMaxEventsPerRequest;
    while (!answer && sim_.events_processed() < event_cap && sim_.step(deadline)) {
    }
    return answer;
  }

 private:
  Scenario scenario_;
  Simulator sim_;
  std::unique_ptr<WorldBuilder> built_;
  World* world_ = nullptr;
  std::unique_ptr<ReplicationService> service_;
  RestRouter router_;
};

void check_answer(const RestResponse& r, const std::string& line) {
  check(r.status >= 100 && r.status <= 599, "status " + std::to_string(r.status) + " for " + line);
  if (r.text) return;
  // An object, or an array for the _cat APIs with format=json.
  check(
      r.body.is_object() || (r.body.is_array() && r.status < 400),
      "the body is not a JSON object for " + line + ": " + r.body.dump(-1, ' ', false, json::error_handler_t::replace));
  if (r.status < 400) return;
  if (r.body.contains("__type")) {
    check(r.body["__type"].is_string() && r.body.contains("message"), "malformed AWS error for " + line);
    return;
  }
  if (r.body.value("message", json()).is_string() && r.body.value("status", json()).is_string()) {
    return;  // the security plugin's REST API: {"status": "BAD_REQUEST", "message": "..."}
  }
  if (!r.body.contains("error")) {
    // The document APIs' own 404s: {"_index", "_id", "found": false} and {"result": "not_found"}.
    check(r.status == 404 && (r.body.contains("found") || r.body.contains("result")),
          "an error answer without an error envelope for " + line + ": " +
              r.body.dump(-1, ' ', false, json::error_handler_t::replace));
    return;
  }
  const json& error = r.body["error"];
  check(r.body.value("status", json()) == json(r.status), "envelope status differs for " + line);
  if (error.is_string()) return;  // the router's own answers: "no handler found ...", "Incorrect HTTP method ..."
  check(error.is_object() && error.value("type", json()).is_string() && error.value("reason", json()).is_string() &&
            error.value("root_cause", json()).is_array(),
        "malformed error envelope for " + line + ": " + r.body.dump(-1, ' ', false, json::error_handler_t::replace));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    LiveModel model;
    std::size_t pos = 0;
    for (int n = 0; n < kMaxRequests && pos < text.size(); ++n) {
      const std::size_t end = std::min(text.find('\n', pos), text.size());
      std::string line = text.substr(pos, end - pos);
      pos = end + 1;
      DomainId on = 1;
      if (line.rfind("@leader ", 0) == 0) {
        on = 0;
        line.erase(0, 8);
      }
      // METHOD PATH [BODY]: the body starts after the second run of spaces.
      const std::size_t method_end = line.find(' ');
      const std::size_t path_end = method_end == std::string::npos ? std::string::npos : line.find(' ', method_end + 1);
      RestRequest request;
      std::string error;
      if (!parse_request_line(line.substr(0, path_end), request, error)) continue;
      if (path_end != std::string::npos) {
        const std::string body_text = line.substr(path_end + 1);
        json body = json::parse(body_text, nullptr, false);
        request.body = body.is_discarded() ? json(body_text) : std::move(body);
      }
      const std::optional<RestResponse> answer = model.call(on, request);
      check(answer.has_value(), "no answer within an hour of simulated time for " + line);
      check_answer(*answer, line);
    }
  } catch (const std::exception& e) {
    ccrsim::fuzz::invariant_broken(std::string("exception escaped the REST layer: ") + e.what());
  }
  return 0;
}
