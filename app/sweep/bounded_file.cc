#include "app/sweep/bounded_file.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenario/scenario_loader.h"

namespace ccrsim {

std::optional<std::string> read_bounded_file(const std::string& path, std::string& error) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    error = "cannot read '" + path + "': " + ec.message();
    return std::nullopt;
  }
  if (size > static_cast<std::uintmax_t>(scenario_limits::kMaxFileBytes)) {
    error = "cannot read '" + path + "': larger than 16mb";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) {
    error = "cannot read '" + path + "'";
    return std::nullopt;
  }
  return text.str();
}

}  // namespace ccrsim
