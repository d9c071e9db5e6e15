#include "reports/response_text.h"

namespace ccrsim {

std::string response_text(const json& body, std::size_t max_chars) {
  std::string text = body.is_string() ? body.get<std::string>() : body.dump(2);
  if (text.size() > max_chars) text = text.substr(0, max_chars) + "\n...";
  return text;
}

}  // namespace ccrsim
