#include "scenario/expectation_grammar.h"

#include <boost/regex.hpp>

namespace ccrsim {

const std::array<ExpectOperatorInfo, 12>& expect_operators() {
  static const std::array<ExpectOperatorInfo, 12> kOperators{{
      {"eq", ExpectOperator::kEq, OperandKind::kAny, ""},
      {"ne", ExpectOperator::kNe, OperandKind::kAny, ""},
      {"gt", ExpectOperator::kGt, OperandKind::kNumber, "a number"},
      {"gte", ExpectOperator::kGte, OperandKind::kNumber, "a number"},
      {"lt", ExpectOperator::kLt, OperandKind::kNumber, "a number"},
      {"lte", ExpectOperator::kLte, OperandKind::kNumber, "a number"},
      {"contains", ExpectOperator::kContains, OperandKind::kElement, ""},
      {"matches", ExpectOperator::kMatches, OperandKind::kRegex, "a regex string"},
      {"exists", ExpectOperator::kExists, OperandKind::kBoolean, "true or false"},
      {"length", ExpectOperator::kLength, OperandKind::kLength, "a number or an operator map"},
      {"one_of", ExpectOperator::kOneOf, OperandKind::kAlternatives, "a list"},
      {"same_as", ExpectOperator::kSameAs, OperandKind::kJsonPointer, "a JSON pointer string"},
  }};
  return kOperators;
}

const ExpectOperatorInfo* find_expect_operator(std::string_view key) {
  for (const ExpectOperatorInfo& info : expect_operators()) {
    if (info.name == key) return &info;
  }
  return nullptr;
}

std::string expect_operator_names() {
  std::string out;
  for (const ExpectOperatorInfo& info : expect_operators()) {
    if (!out.empty()) out += ", ";
    out += info.name;
  }
  return out;
}

bool is_operator_map(const json& v) {
  return v.is_object() && v.size() == 1 && find_expect_operator(v.begin().key()) != nullptr;
}

std::string operand_problem(const ExpectOperatorInfo& info, const json& operand) {
  bool ok = true;
  switch (info.operand) {
    case OperandKind::kAny:
    case OperandKind::kElement:
      break;
    case OperandKind::kNumber:
      ok = operand.is_number();
      break;
    case OperandKind::kBoolean:
      ok = operand.is_boolean();
      break;
    case OperandKind::kRegex:
    case OperandKind::kJsonPointer:
      ok = operand.is_string();
      break;
    case OperandKind::kLength:
      ok = operand.is_number() || is_operator_map(operand);
      break;
    case OperandKind::kAlternatives:
      ok = operand.is_array();
      break;
  }
  if (ok) return "";
  return std::string(info.name) + " needs " + std::string(info.needs);
}

std::string status_problem(const json& expected) {
  if (expected.is_number() || is_operator_map(expected)) return "";
  return "status needs a number or an operator map";
}

std::string regex_problem(const std::string& pattern) {
  try {
    const boost::regex re(pattern, boost::regex::ECMAScript);
  } catch (const boost::regex_error& e) {
    return e.what();
  }
  return "";
}

std::string json_pointer_problem(const std::string& pointer) {
  try {
    const json::json_pointer parsed(pointer);
  } catch (const json::exception& e) {
    return e.what();
  }
  return "";
}

std::string expectation_child_path(std::string_view path, std::string_view key) {
  std::string out(path);
  out += '/';
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace ccrsim
