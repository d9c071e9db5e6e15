#pragma once
// Problems found in a scenario, each pointing at a YAML node: `FILE:LINE:COL: error: MESSAGE` (1-based).
#include <string>
#include <vector>

namespace ccrsim {

struct SourcePos {
  int line = 0;  // 1-based; 0 when unknown
  int col = 0;   // 1-based
};

// The 1-based line and column (in bytes) of byte `offset` of `text`.
SourcePos position_of_offset(const std::string& text, std::size_t offset);

struct Diagnostic {
  SourcePos pos;
  std::string message;
};

class Diagnostics {
 public:
  explicit Diagnostics(std::string file) : file_(std::move(file)) {}

  void error(SourcePos pos, std::string message) { items_.push_back({pos, std::move(message)}); }
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  const std::string& file() const { return file_; }

  // Lines in source order (stable for equal positions), ready for stderr.
  std::vector<std::string> render() const;

 private:
  std::string file_;
  std::vector<Diagnostic> items_;
};

}  // namespace ccrsim
