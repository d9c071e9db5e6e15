#include "model/wildcard.h"

#include <cctype>

#include "sim/assert.h"

namespace ccrsim {

namespace {

struct Dialect {
  bool question_mark = false;  // `?` matches any one character
  bool nocase = false;         // ASCII case folded
};

char fold(char c, bool nocase) {
  return nocase ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
}

// Greedy match with one backtrack point (the last `*`): no recursion. A later star supersedes an earlier one, which
// is why one backtrack point is enough.
bool match(std::string_view pattern, std::string_view text, Dialect dialect) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (t < text.size()) {
    CCRSIM_ASSERT(p <= pattern.size());
    CCRSIM_ASSERT(star == std::string_view::npos || (star < p && pattern[star] == '*' && resume <= t));
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (p < pattern.size() && ((dialect.question_mark && pattern[p] == '?') ||
                                      fold(pattern[p], dialect.nocase) == fold(text[t], dialect.nocase))) {
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
  CCRSIM_ASSERT(t == text.size() && p <= pattern.size());
  return p == pattern.size();
}

}  // namespace

bool simple_match(std::string_view pattern, std::string_view text) {
  return match(pattern, text, Dialect{});
}

bool wildcard_match(std::string_view pattern, std::string_view text) {
  return match(pattern, text, Dialect{.question_mark = true});
}

bool wildcard_match_nocase(std::string_view pattern, std::string_view text) {
  return match(pattern, text, Dialect{.question_mark = true, .nocase = true});
}

}  // namespace ccrsim
