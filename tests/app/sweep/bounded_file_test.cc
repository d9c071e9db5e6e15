#include "app/sweep/bounded_file.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "scenario/scenario_limits.h"

namespace ccrsim {
namespace {

std::filesystem::path scratch_dir() {
  const auto dir = std::filesystem::temp_directory_path() / "ccrsim-bounded-file-test";
  std::filesystem::create_directories(dir);
  return dir;
}

TEST_CASE("bounded file: the bytes as they are - binary and empty files included") {
  const auto path = scratch_dir() / "bytes.yaml";
  const std::string content("name: x\r\n\0tail\n", 16);
  {
    std::ofstream out(path, std::ios::binary);
    out << content;
  }
  std::string error;
  const auto text = read_bounded_file(path.string(), error);
  REQUIRE(text.has_value());
  CHECK(*text == content);
  CHECK(error.empty());

  const auto empty = scratch_dir() / "empty.yaml";
  { std::ofstream out(empty); }
  const auto none = read_bounded_file(empty.string(), error);
  REQUIRE(none.has_value());
  CHECK(none->empty());
}

TEST_CASE("bounded file: a missing file names the path and the reason") {
  const std::string path = (scratch_dir() / "missing.yaml").string();
  std::string error;
  CHECK_FALSE(read_bounded_file(path, error).has_value());
  CHECK_THAT(error, Catch::Matchers::StartsWith("cannot read '" + path + "': "));
  CHECK(error.size() > ("cannot read '" + path + "': ").size());
}

TEST_CASE("bounded file: the size limit is checked before reading - the limit itself is allowed") {
  const auto at_limit = scratch_dir() / "at-limit.yaml";
  const auto over = scratch_dir() / "over.yaml";
  // Sparse files: the size is set without writing 16 MB.
  { std::ofstream out(at_limit); }
  { std::ofstream out(over); }
  std::filesystem::resize_file(at_limit, static_cast<std::uintmax_t>(scenario_limits::kMaxFileBytes));
  std::filesystem::resize_file(over, static_cast<std::uintmax_t>(scenario_limits::kMaxFileBytes) + 1);
  std::string error;
  const auto ok = read_bounded_file(at_limit.string(), error);
  REQUIRE(ok.has_value());
  CHECK(ok->size() == static_cast<std::size_t>(scenario_limits::kMaxFileBytes));
  CHECK_FALSE(read_bounded_file(over.string(), error).has_value());
  const std::string over_path = over.string();
  CHECK(error == "cannot read '" + over_path + "': larger than 16mb");
  std::filesystem::remove(at_limit);
  std::filesystem::remove(over);
}

}  // namespace
}  // namespace ccrsim
