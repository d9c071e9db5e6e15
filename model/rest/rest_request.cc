#include "model/rest/rest_request.h"

#include <algorithm>
#include <cctype>

#include "sim/assert.h"

namespace ccrsim {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      CCRSIM_ASSERT(hex_value(s[i + 1]) < 16 && hex_value(s[i + 2]) < 16);
      out.push_back(static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  CCRSIM_ASSERT(out.size() <= s.size());  // decoding never lengthens
  return out;
}

}  // namespace

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    const std::size_t comma = s.find(',', pos);
    std::string part = s.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (!part.empty()) out.push_back(std::move(part));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  for (const std::string& part : out) CCRSIM_ASSERT(!part.empty() && part.find(',') == std::string::npos);
  return out;
}

bool RestRequest::flag(const std::string& name) const {
  auto it = params.find(name);
  return it != params.end() && (it->second.empty() || it->second == "true");
}

std::string RestRequest::param(const std::string& name, const std::string& fallback) const {
  auto it = params.find(name);
  return it == params.end() ? fallback : it->second;
}

bool parse_request_line(const std::string& line, RestRequest& out, std::string& error) {
  std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string::npos) {
    error = "empty request line";
    return false;
  }
  const std::size_t space = line.find_first_of(" \t", start);
  if (space == std::string::npos) {
    error = "request must be 'METHOD PATH', e.g. 'GET _cat/indices'";
    return false;
  }
  std::string method = line.substr(start, space - start);
  std::transform(method.begin(), method.end(), method.begin(), [](unsigned char c) { return std::toupper(c); });
  static const std::vector<std::string> kMethods = {"GET", "PUT", "POST", "DELETE", "HEAD"};
  if (std::find(kMethods.begin(), kMethods.end(), method) == kMethods.end()) {
    error = "unknown HTTP method '" + method + "' (expected GET, PUT, POST, DELETE or HEAD)";
    return false;
  }
  std::string target = line.substr(
      line.find_first_not_of(" \t", space) == std::string::npos ? line.size() : line.find_first_not_of(" \t", space));
  while (!target.empty() && std::isspace(static_cast<unsigned char>(target.back()))) target.pop_back();
  if (target.find_first_of(" \t") != std::string::npos) {
    error = "request path must not contain spaces";
    return false;
  }
  CCRSIM_ASSERT(!method.empty());
  out.method = method;
  std::string query;
  if (auto q = target.find('?'); q != std::string::npos) {
    query = target.substr(q + 1);
    target.resize(q);
  }
  while (!target.empty() && target.front() == '/') target.erase(target.begin());
  while (!target.empty() && target.back() == '/') target.pop_back();
  out.path = target;
  out.segments.clear();
  std::size_t pos = 0;
  while (!target.empty() && pos <= target.size()) {
    const std::size_t slash = target.find('/', pos);
    const std::string seg = target.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
    out.segments.push_back(percent_decode(seg));
    if (slash == std::string::npos) break;
    pos = slash + 1;
  }
  out.params.clear();
  std::size_t qpos = 0;
  while (qpos < query.size()) {
    const std::size_t amp = query.find('&', qpos);
    const std::string part = query.substr(qpos, amp == std::string::npos ? std::string::npos : amp - qpos);
    if (!part.empty()) {
      const std::size_t eq = part.find('=');
      if (eq == std::string::npos) {
        out.params[percent_decode(part)] = "";
      } else {
        out.params[percent_decode(part.substr(0, eq))] = percent_decode(part.substr(eq + 1));
      }
    }
    if (amp == std::string::npos) break;
    qpos = amp + 1;
  }
  CCRSIM_ASSERT(out.path.empty() == out.segments.empty());
  CCRSIM_ASSERT(out.path.empty() || (out.path.front() != '/' && out.path.back() != '/'));
  return true;
}

}  // namespace ccrsim
