#include "model/security/wildcard.h"

#include <cctype>

namespace ccrsim {

namespace {

char fold(char c, bool nocase) {
  return nocase ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
}

// Greedy match with one backtrack point (the last `*`): linear in practice, no recursion.
bool match(std::string_view pattern, std::string_view text, bool nocase) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && (pattern[p] == '?' || fold(pattern[p], nocase) == fold(text[t], nocase))) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

bool wildcard_match(std::string_view pattern, std::string_view text) {
  return match(pattern, text, false);
}

bool wildcard_match_nocase(std::string_view pattern, std::string_view text) {
  return match(pattern, text, true);
}

}  // namespace ccrsim
