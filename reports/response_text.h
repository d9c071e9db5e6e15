#pragma once
// A step's response body as text for people (report.html) and CI (JUnit): text responses as they are, JSON
// pretty-printed, cut after max_chars with a "..." line so one huge body cannot swell a report.
#include <cstddef>
#include <string>

#include "sim/json.h"

namespace ccrsim {

std::string response_text(const json& body, std::size_t max_chars);

}  // namespace ccrsim
