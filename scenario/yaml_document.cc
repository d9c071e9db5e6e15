#include "scenario/yaml_document.h"

#include <yaml-cpp/eventhandler.h>

#include <sstream>

namespace ccrsim {
namespace {

SourcePos pos_of(const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return {1, 1};
  return {mark.line + 1, mark.column + 1};
}

// Sees the events of one document: where it starts, and where its first node is when it has one.
class DocumentShape : public YAML::EventHandler {
 public:
  YAML::Mark start;
  std::optional<YAML::Mark> first_node;

  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { note(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override { note(mark); }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    note(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    note(mark);
  }
  void OnMapEnd() override {}

 private:
  void note(const YAML::Mark& mark) {
    if (!first_node) first_node = mark;
  }
};

std::string character_at(const std::string& text, int offset) {
  if (offset < 0 || static_cast<std::size_t>(offset) >= text.size()) return "token";
  std::string quoted = "''";
  quoted.insert(1, 1, text[static_cast<std::size_t>(offset)]);
  return quoted;
}

// Walks every document after the first; stops at the first one that holds a node, or where the parser stalls.
std::optional<YamlProblem> check_one_document(const std::string& text, const std::string& what) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  std::optional<YAML::Mark> previous_start;
  for (int number = 1;; ++number) {
    DocumentShape shape;
    if (!parser.HandleNextDocument(shape)) return std::nullopt;
    // A document that starts where the last one started consumed nothing: the parser is stuck on a token no rule
    // takes. Every real document consumes at least its '---', so the walk ends within the text's length.
    if (previous_start && previous_start->pos == shape.start.pos) {
      return YamlProblem{pos_of(shape.start), "invalid YAML: unexpected " + character_at(text, shape.start.pos)};
    }
    previous_start = shape.start;
    if (number > 1 && shape.first_node) {
      return YamlProblem{pos_of(*shape.first_node),
                         what + " holds one YAML document; this is document " + std::to_string(number)};
    }
  }
}

}  // namespace

YamlDocument read_yaml_document(const std::string& text, const std::string& what) {
  YamlDocument doc;
  try {
    if (auto problem = check_one_document(text, what)) {
      doc.problem = std::move(problem);
      return doc;
    }
    doc.root = YAML::Load(text);  // the first document only
  } catch (const YAML::Exception& ex) {
    doc.problem = YamlProblem{pos_of(ex.mark), "invalid YAML: " + ex.msg};
  }
  return doc;
}

}  // namespace ccrsim
