#pragma once
// A REST request as a scenario step sends it (Dev Tools syntax: `PUT idx/_doc/1?refresh=true` plus a body).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/json.h"

namespace ccrsim {

struct RestRequest {
  std::string method;                         // upper case
  std::string path;                           // without leading '/' and without the query string
  std::vector<std::string> segments;          // path split on '/', percent-decoded
  std::map<std::string, std::string> params;  // query parameters ("pretty" -> "")
  std::optional<json> body;                   // absent when the step has no body
  std::string user = "admin";

  bool flag(const std::string& name) const;  // ?name, ?name=true
  std::string param(const std::string& name, const std::string& fallback = "") const;
};

// "a,b,,c" -> {"a", "b", "c"}: the comma lists of index expressions and query parameters (empty parts dropped).
std::vector<std::string> split_commas(const std::string& s);

// Parses "PUT /idx/_doc/1?refresh=true" (method and target) into a request; false on a malformed line.
bool parse_request_line(const std::string& line, RestRequest& out, std::string& error);

}  // namespace ccrsim
