#include "scenario/steps_reader.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string_view>
#include <vector>

#include "scenario/aws_operations.h"
#include "scenario/expect_reader.h"
#include "scenario/scenario_limits.h"
#include "scenario/yaml_json.h"
#include "sim/units.h"

namespace ccrsim::reader {

namespace lim = scenario_limits;

void StepsReader::read(const Entry& e) {
  auto items = read_list(e.value, e.value_pos, "steps", lim::kMaxSteps);
  if (!items) return;
  for (std::size_t i = 0; i < items->size(); ++i) read_step((*items)[i], i);
}

void StepsReader::read_step(const YAML::Node& node, std::size_t index) {
  const std::string ctx = "steps[" + std::to_string(index) + "]";
  auto f =
      read_map(node, {}, ctx, {"at", "on", "as", "request", "aws", "args", "body", "expect", "within", "every", "wait"},
               "in " + ctx);
  if (!f) return;
  StepSpec step;
  step.pos = f->pos;
  const Entry* request = f->get("request");
  const Entry* aws = f->get("aws");
  const Entry* wait = f->get("wait");
  const int kinds = (request ? 1 : 0) + (aws ? 1 : 0) + (wait ? 1 : 0);
  if (kinds != 1) {
    error(f->pos, kinds == 0 ? "a step needs one of 'request', 'aws' or 'wait'"
                             : "a step has exactly one of 'request', 'aws' or 'wait'");
    return;
  }
  step.kind = request ? StepKind::kRequest : aws ? StepKind::kAws : StepKind::kWait;
  check_kind_keys(*f, request != nullptr, aws != nullptr, wait != nullptr);
  read_at(*f, step);
  if (!wait) {
    if (const Entry* on = require(*f, "on", "in " + ctx)) {
      if (auto v = read_domain_ref(*on)) step.on = *v;
    }
    if (const Entry* as = f->get("as")) {
      if (auto v = read_string(*as)) {
        if (v->empty()) error(as->value_pos, "as must name a user");
        step.as = *v;
      }
    }
  }
  if (request) read_request(*request, step);
  if (aws) read_aws(*f, *aws, step);
  if (request) {
    if (const Entry* body = f->get("body")) step.body = yaml_to_json(body->value);
  }
  if (wait) {
    if (auto v = read_duration(*wait)) step.wait_us = *v;
  } else {
    if (const Entry* x = f->get("expect")) ExpectReader(diags_).read(*x, step, ctx + ".expect");
    read_polling(*f, step);
  }
  s_.steps.push_back(std::move(step));
}

// Keys that only make sense for some kinds of step.
void StepsReader::check_kind_keys(const Fields& f, bool request, bool aws, bool wait) {
  const auto only_with = [&](std::string_view key, bool allowed, const std::string& which) {
    if (const Entry* x = f.get(key); x && !allowed) error(x->key_pos, in_quotes(key) + " is only allowed " + which);
  };
  only_with("on", !wait, "in 'request' and 'aws' steps");
  only_with("as", !wait, "in 'request' and 'aws' steps");
  only_with("expect", !wait, "in 'request' and 'aws' steps");
  only_with("within", !wait, "in 'request' and 'aws' steps");
  only_with("every", !wait, "in 'request' and 'aws' steps");
  only_with("body", request, "in 'request' steps");
  only_with("args", aws, "in 'aws' steps");
}

void StepsReader::read_at(const Fields& f, StepSpec& step) {
  const Entry* at = f.get("at");
  if (at == nullptr) return;
  if (auto v = read_duration(*at)) {
    if (s_.duration_us && *v > *s_.duration_us) {
      error(at->value_pos, "step at " + format_duration(*v) + " is after the end of the simulation (duration " +
                               format_duration(*s_.duration_us) + ")");
    }
    step.at_us = *v;
  }
}

void StepsReader::read_request(const Entry& request, StepSpec& step) {
  auto v = read_string(request);
  if (!v) return;
  std::istringstream words(*v);
  std::string method;
  std::string path;
  std::string extra;
  words >> method >> path >> extra;
  std::transform(method.begin(), method.end(), method.begin(),
                 [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
  static const std::vector<std::string> kMethods = {"GET", "PUT", "POST", "DELETE", "HEAD"};
  if (method.empty() || !extra.empty()) {
    error(request.value_pos, "request must look like 'GET index/_doc/1', got " + in_quotes(*v));
  } else if (!contains(kMethods, method)) {
    error(request.value_pos, "unknown HTTP method " + in_quotes(method) + " (expected GET, PUT, POST, DELETE or HEAD)");
  } else {
    step.method = method;
    step.path = path.starts_with('/') ? path.substr(1) : path;
  }
}

void StepsReader::read_aws(const Fields& f, const Entry& aws, StepSpec& step) {
  if (auto v = read_string(aws)) {
    if (!contains(aws_operations(), *v)) {
      error(aws.value_pos,
            "unknown aws operation " + in_quotes(*v) + " (operations are: " + join(aws_operations()) + ")");
    } else {
      step.aws_operation = *v;
    }
  }
  if (const Entry* args = f.get("args")) {
    if (!is_null(args->value) && !args->value.IsMap()) {
      error(args->value_pos, "args must be a map, got " + describe(args->value));
    } else if (!is_null(args->value)) {
      step.aws_args = yaml_to_json(args->value);
    }
  }
}

// `within` and `every` of a polling step.
void StepsReader::read_polling(const Fields& f, StepSpec& step) {
  if (const Entry* x = f.get("within")) {
    if (auto v = read_duration(*x)) step.within_us = *v;
  }
  if (const Entry* x = f.get("every")) {
    if (!f.get("within")) {
      error(x->key_pos, "'every' needs 'within' (it sets how often a polling step repeats)");
    } else if (auto v = read_duration(*x)) {
      if (*v == 0) {
        error(x->value_pos, "every must be greater than 0s");
      } else {
        step.every_us = *v;
      }
    }
  }
  if (step.within_us && *step.within_us / step.every_us > lim::kMaxPollAttempts) {
    const Entry* x = f.get("every") != nullptr ? f.get("every") : f.get("within");
    std::string message = "a polling step may repeat at most " + std::to_string(lim::kMaxPollAttempts);
    message += " times; within " + format_duration(*step.within_us);
    message += " every " + format_duration(step.every_us);
    message += " would be " + std::to_string(*step.within_us / step.every_us);
    error(x->value_pos, std::move(message));
  }
}

}  // namespace ccrsim::reader
