#pragma once
// Drives the core REST handlers against a Domain owned by the test, without a World or a Network.
#include <catch2/catch.hpp>
#include <optional>
#include <string>

#include "model/domain.h"
#include "model/rest/core_apis.h"
#include "model/rest/rest_router.h"

namespace ccrsim::test {

inline DomainSpec test_domain_spec(int instance_count = 2) {
  DomainSpec spec;
  spec.name = "test-domain";
  spec.instance_count = instance_count;
  return spec;
}

class RestFixture {
 public:
  explicit RestFixture(int instance_count = 2) : domain_(test_domain_spec(instance_count), 42) {
    register_core_apis(router_);
  }

  // `line` is "METHOD path?query" as a scenario step writes it.
  RestResponse call(const std::string& line, std::optional<json> body = std::nullopt, sim_time_us at_us = 0) {
    RestRequest request;
    std::string error;
    REQUIRE(parse_request_line(line, request, error));
    request.body = std::move(body);
    return router_.dispatch_now(domain_, at_us, request);
  }
  RestResponse call_at(sim_time_us at_us, const std::string& line, std::optional<json> body = std::nullopt) {
    return call(line, std::move(body), at_us);
  }

  Domain& domain() { return domain_; }
  Index& index(const std::string& name) {
    Index* index = domain_.find_index(name);
    REQUIRE(index != nullptr);
    return *index;
  }

 private:
  Domain domain_;
  RestRouter router_;
};

}  // namespace ccrsim::test
