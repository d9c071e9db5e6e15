#include "sim/diagnostics.h"

#include <algorithm>

#include "sim/assert.h"

namespace ccrsim {

SourcePos position_of_offset(const std::string& text, std::size_t offset) {
  SourcePos pos{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.col = 1;
    } else {
      ++pos.col;
    }
  }
  CCRSIM_ASSERT(pos.line >= 1 && pos.col >= 1);
  return pos;
}

std::vector<std::string> Diagnostics::render() const {
  std::vector<Diagnostic> sorted = items_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
  });
  std::vector<std::string> lines;
  CCRSIM_ASSERT(sorted.size() == items_.size());
  lines.reserve(sorted.size());
  for (const Diagnostic& d : sorted) {
    const int line = std::max(d.pos.line, 1);
    const int col = std::max(d.pos.col, 1);
    lines.push_back(file_ + ":" + std::to_string(line) + ":" + std::to_string(col) + ": error: " + d.message);
  }
  CCRSIM_ASSERT(lines.size() == items_.size());  // one line per diagnostic, none dropped
  return lines;
}

}  // namespace ccrsim
