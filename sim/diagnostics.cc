#include "sim/diagnostics.h"

#include <algorithm>

namespace ccrsim {

std::vector<std::string> Diagnostics::render() const {
  std::vector<Diagnostic> sorted = items_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
  });
  std::vector<std::string> lines;
  lines.reserve(sorted.size());
  for (const Diagnostic& d : sorted) {
    const int line = std::max(d.pos.line, 1);
    const int col = std::max(d.pos.col, 1);
    lines.push_back(file_ + ":" + std::to_string(line) + ":" + std::to_string(col) + ": error: " + d.message);
  }
  return lines;
}

}  // namespace ccrsim
