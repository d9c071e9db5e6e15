#pragma once
// Reads a sweep's or base scenario's text, refusing files above the scenario size limit before reading them.
#include <optional>
#include <string>

namespace ccrsim {

// The file's bytes; nullopt with `error` ("cannot read ...: reason") when missing, unreadable or too large.
std::optional<std::string> read_bounded_file(const std::string& path, std::string& error);

}  // namespace ccrsim
