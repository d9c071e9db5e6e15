// Runs a fuzz harness over files without libFuzzer: every regular file under the given paths (directories are
// walked, in sorted order so a failure is reproducible) is passed to LLVMFuzzerTestOneInput once. A harness
// reports a broken invariant by aborting, so this program's exit status is the test's verdict.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::vector<std::filesystem::path> input_files(const std::vector<std::string>& roots) {
  std::vector<std::filesystem::path> files;
  for (const std::string& root : roots) {
    if (std::filesystem::is_regular_file(root)) {
      files.emplace_back(root);
      continue;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> roots(argv + 1, argv + argc);
  if (roots.empty()) {
    std::cerr << "usage: " << argv[0] << " FILE_OR_DIR...\n";
    return 2;
  }
  const std::vector<std::filesystem::path> files = input_files(roots);
  if (files.empty()) {
    std::cerr << "no inputs under the given paths\n";
    return 2;
  }
  for (const std::filesystem::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // A copy in its own allocation, so ASan catches reads past the input's end as libFuzzer would.
    std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(data.data(), data.size());
  }
  std::cout << files.size() << " inputs replayed\n";
  return 0;
}
