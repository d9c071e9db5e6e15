#include "scenario/expect_reader.h"

#include <map>
#include <utility>

#include "scenario/yaml_json.h"

namespace ccrsim::reader {

namespace {

struct MapChild {
  YAML::Node key;
  YAML::Node value;
};

// The children of a YAML map by their JSON key, as yaml_to_json names them (the last of duplicate keys wins there).
std::map<std::string, MapChild> children_of(const YAML::Node& node) {
  std::map<std::string, MapChild> out;
  if (!node.IsMap()) return out;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : yaml_to_json(it->first, 2).dump();
    out[key] = {it->first, it->second};
  }
  return out;
}

SourcePos value_pos(const MapChild& child, SourcePos fallback) {
  const SourcePos key_pos = pos_of(child.key, fallback);
  return is_null(child.value) ? key_pos : pos_of(child.value, key_pos);
}

}  // namespace

void ExpectReader::read(const Entry& e, StepSpec& step, const std::string& context) {
  auto f = read_map(e.value, e.value_pos, "expect", {"status", "body"}, "in " + context);
  if (!f) return;
  ExpectSpec expect;
  expect.pos = f->pos;
  if (const Entry* status = f->get("status")) {
    if (status->value.IsMap()) {
      expect.status = yaml_to_json(status->value);
      check_status(*status, *expect.status);
    } else if (auto v = read_int(*status, 100, 599)) {
      expect.status = *v;
    }
  }
  if (const Entry* body = f->get("body")) {
    expect.body = yaml_to_json(body->value);
    check_value(body->value, body->value_pos, *expect.body, "body");
  }
  step.expect = std::move(expect);
}

void ExpectReader::check_status(const Entry& status, const json& expected) {
  if (status_problem(expected).empty()) {
    check_operator(status.value, status.value_pos, expected, "status");
    return;
  }
  if (report_unknown_operator(status.value, status.value_pos, expected, "status")) return;
  const std::string got = expected.empty() ? "an empty map" : "a map of " + std::to_string(expected.size()) + " keys";
  report(status.value_pos, "status", status_problem(expected) + " of one operator like {gte: 200}, got " + got);
}

void ExpectReader::check_value(const YAML::Node& node, SourcePos pos, const json& expected, const std::string& path) {
  if (is_operator_map(expected)) {
    check_operator(node, pos, expected, path);
  } else if (expected.is_object()) {
    const std::map<std::string, MapChild> children = children_of(node);
    for (const auto& [key, value] : expected.items()) {
      const auto child = children.find(key);
      if (child == children.end()) continue;
      check_value(child->second.value, value_pos(child->second, pos), value, expectation_child_path(path, key));
    }
  } else if (expected.is_array() && node.IsSequence() && node.size() == expected.size()) {
    for (std::size_t i = 0; i < expected.size(); ++i) {
      check_value(node[i], pos_of(node[i], pos), expected[i], path + "/" + std::to_string(i));
    }
  }
}

void ExpectReader::check_operator(const YAML::Node& node, SourcePos pos, const json& expected,
                                  const std::string& path) {
  const std::string& key = expected.begin().key();
  const ExpectOperatorInfo* info = find_expect_operator(key);
  const std::map<std::string, MapChild> children = children_of(node);
  const auto child = children.find(key);
  if (info == nullptr || child == children.end()) return;
  check_operand(*info, child->second.value, value_pos(child->second, pos), expected.begin().value(), path);
}

void ExpectReader::check_operand(const ExpectOperatorInfo& info, const YAML::Node& node, SourcePos pos,
                                 const json& operand, const std::string& path) {
  if (const std::string problem = operand_problem(info, operand); !problem.empty()) {
    if (info.operand == OperandKind::kLength && report_unknown_operator(node, pos, operand, path)) return;
    // A quoted "300" looks like a number in the message; say why it is not one.
    const bool quoted = node.IsScalar() && node.Tag() == "!";
    report(pos, path, problem + ", got " + describe(node) + (quoted ? " (quoted, so a string)" : ""));
    return;
  }
  switch (info.operand) {
    case OperandKind::kAny:
    case OperandKind::kNumber:
    case OperandKind::kBoolean:
      break;
    case OperandKind::kElement:
      check_value(node, pos, operand, path);
      break;
    case OperandKind::kRegex:
      if (std::string why = regex_problem(operand.get<std::string>()); !why.empty()) {
        report(pos, path, "invalid regex " + describe(node) + ": " + why);
      }
      break;
    case OperandKind::kJsonPointer:
      if (std::string why = json_pointer_problem(operand.get<std::string>()); !why.empty()) {
        report(pos, path, "invalid JSON pointer " + describe(node) + ": " + why);
      }
      break;
    case OperandKind::kLength:
      if (operand.is_object()) check_operator(node, pos, operand, path + " (length)");
      break;
    case OperandKind::kAlternatives:
      // Each alternative is matched against the same value, so it keeps the value's path.
      for (std::size_t i = 0; i < operand.size() && node.IsSequence() && i < node.size(); ++i) {
        check_value(node[i], pos_of(node[i], pos), operand[i], path);
      }
      break;
  }
}

bool ExpectReader::report_unknown_operator(const YAML::Node& node, SourcePos pos, const json& expected,
                                           const std::string& path) {
  if (!expected.is_object() || expected.size() != 1) return false;
  const std::string& key = expected.begin().key();
  const std::map<std::string, MapChild> children = children_of(node);
  const auto child = children.find(key);
  const SourcePos key_pos = child == children.end() ? pos : pos_of(child->second.key, pos);
  report(key_pos, path, "unknown operator " + in_quotes(key) + " (operators are: " + expect_operator_names() + ")");
  return true;
}

void ExpectReader::report(SourcePos pos, const std::string& path, const std::string& problem) {
  error(pos, "invalid expectation at " + path + ": " + problem);
}

}  // namespace ccrsim::reader
