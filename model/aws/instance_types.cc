#include "model/aws/instance_types.h"

#include <algorithm>
#include <array>

namespace ccrsim {
namespace {

struct Family {
  std::string_view name;
  InstanceClass instance_class;
};

// Families of the data-node instance types in the Amazon OpenSearch Service pricing and "supported instance types"
// pages (current and previous generation).
constexpr std::array<Family, 33> kFamilies = {{
    {"m3", InstanceClass::kGeneralPurpose},      {"m4", InstanceClass::kGeneralPurpose},
    {"m5", InstanceClass::kGeneralPurpose},      {"m6g", InstanceClass::kGeneralPurpose},
    {"m7g", InstanceClass::kGeneralPurpose},     {"m7i", InstanceClass::kGeneralPurpose},
    {"m8g", InstanceClass::kGeneralPurpose},     {"c4", InstanceClass::kComputeOptimized},
    {"c5", InstanceClass::kComputeOptimized},    {"c6g", InstanceClass::kComputeOptimized},
    {"c7g", InstanceClass::kComputeOptimized},   {"c7i", InstanceClass::kComputeOptimized},
    {"c8g", InstanceClass::kComputeOptimized},   {"r3", InstanceClass::kMemoryOptimized},
    {"r4", InstanceClass::kMemoryOptimized},     {"r5", InstanceClass::kMemoryOptimized},
    {"r6g", InstanceClass::kMemoryOptimized},    {"r6gd", InstanceClass::kMemoryOptimized},
    {"r7g", InstanceClass::kMemoryOptimized},    {"r7gd", InstanceClass::kMemoryOptimized},
    {"r7i", InstanceClass::kMemoryOptimized},    {"r8g", InstanceClass::kMemoryOptimized},
    {"i2", InstanceClass::kStorageOptimized},    {"i3", InstanceClass::kStorageOptimized},
    {"i4g", InstanceClass::kStorageOptimized},   {"i4i", InstanceClass::kStorageOptimized},
    {"im4gn", InstanceClass::kStorageOptimized}, {"d2", InstanceClass::kStorageOptimized},
    {"t2", InstanceClass::kBurstable},           {"t3", InstanceClass::kBurstable},
    {"or1", InstanceClass::kOptimized},          {"or2", InstanceClass::kOptimized},
    {"om2", InstanceClass::kOptimized},
}};

constexpr std::array<std::string_view, 15> kSizes = {"micro",    "small",    "medium",   "large",    "xlarge",
                                                     "2xlarge",  "4xlarge",  "8xlarge",  "9xlarge",  "10xlarge",
                                                     "12xlarge", "16xlarge", "18xlarge", "24xlarge", "48xlarge"};

const Family* find_family(std::string_view name) {
  for (const Family& f : kFamilies) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

struct Parts {
  std::string_view family;
  std::string_view size;
  bool ok = false;
};

Parts split(std::string_view text) {
  constexpr std::string_view kSuffix = ".search";
  if (!text.ends_with(kSuffix)) return {};
  const std::string_view head = text.substr(0, text.size() - kSuffix.size());
  const std::size_t dot = head.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= head.size()) return {};
  return {head.substr(0, dot), head.substr(dot + 1), true};
}

}  // namespace

std::optional<InstanceType> parse_instance_type(std::string_view text) {
  if (!instance_type_problem(text).empty()) return std::nullopt;
  const Parts p = split(text);
  return InstanceType{std::string(p.family), std::string(p.size), find_family(p.family)->instance_class};
}

std::string instance_type_problem(std::string_view text) {
  const Parts p = split(text);
  if (!p.ok) return "must look like 'r6g.large.search'";
  if (find_family(p.family) == nullptr) {
    std::string known;
    for (const Family& f : kFamilies) known += (known.empty() ? "" : ", ") + std::string(f.name);
    return "has an unknown instance family '" + std::string(p.family) + "' (families are: " + known + ")";
  }
  if (std::find(kSizes.begin(), kSizes.end(), p.size) == kSizes.end()) {
    return "has an unknown size '" + std::string(p.size) + "' (sizes run from micro to 48xlarge)";
  }
  return "";
}

bool supports_cross_cluster(const InstanceType& type) {
  return type.family != "m3" && type.family != "t2" && type.family != "t3";
}

}  // namespace ccrsim
