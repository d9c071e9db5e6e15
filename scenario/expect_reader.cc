#include "scenario/expect_reader.h"

#include "scenario/yaml_json.h"

namespace ccrsim::reader {

void ExpectReader::read(const Entry& e, StepSpec& step, const std::string& context) {
  auto f = read_map(e.value, e.value_pos, "expect", {"status", "body"}, "in " + context);
  if (!f) return;
  ExpectSpec expect;
  expect.pos = f->pos;
  if (const Entry* status = f->get("status")) {
    if (status->value.IsMap()) {
      expect.status = yaml_to_json(status->value);
    } else if (auto v = read_int(*status, 100, 599)) {
      expect.status = *v;
    }
  }
  if (const Entry* body = f->get("body")) expect.body = yaml_to_json(body->value);
  step.expect = std::move(expect);
}

}  // namespace ccrsim::reader
