#pragma once
// Escaping for text and attribute values in report.html and the SVG inside it (also valid XML, so the page stays
// well-formed whatever a scenario's names or response bodies contain).
#include <string>
#include <string_view>

namespace ccrsim {

// Replaces & < > " ' by entities and drops control characters XML 1.0 forbids (everything below 0x20 but tab,
// newline and carriage return).
std::string html_escape(std::string_view text);

}  // namespace ccrsim
