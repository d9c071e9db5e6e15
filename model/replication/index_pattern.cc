#include "model/replication/index_pattern.h"

#include <deque>
#include <set>

#include "sim/assert.h"

namespace ccrsim {

bool patterns_intersect(const std::vector<std::string>& patterns) {
  if (patterns.empty()) return true;
  // The letters worth trying: every literal of every pattern, plus one character no pattern names (what a star
  // alone can absorb). Any other letter behaves like that one.
  std::set<char> letters;
  for (const std::string& p : patterns) {
    for (char c : p) {
      if (c != '*') letters.insert(c);
    }
  }
  char other = 0;
  for (int c = 1; c < 256; ++c) {
    if (letters.count(static_cast<char>(c)) == 0 && c != '*') {
      other = static_cast<char>(c);
      break;
    }
  }
  letters.insert(other);

  // A pattern's automaton: state i = its first i characters are consumed; a star at i loops on any letter and may
  // be skipped (an epsilon move). The product's states are tuples of single states; a name matching every pattern
  // exists iff a tuple where every component can reach its end over stars only is reachable.
  using Tuple = std::vector<std::size_t>;
  auto accepting = [&](const Tuple& t) {
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      std::size_t s = t[i];
      while (s < patterns[i].size() && patterns[i][s] == '*') ++s;
      if (s != patterns[i].size()) return false;
    }
    return true;
  };
  std::set<Tuple> seen;
  std::deque<Tuple> frontier;
  Tuple start(patterns.size(), 0);
  seen.insert(start);
  frontier.push_back(start);
  while (!frontier.empty()) {
    Tuple t = std::move(frontier.front());
    frontier.pop_front();
    if (accepting(t)) return true;
    if (seen.size() > kMaxIntersectionStates) return true;
    auto visit = [&](Tuple next) {
      if (seen.insert(next).second) frontier.push_back(std::move(next));
    };
    // Skip a star in one component (an epsilon move).
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      const std::size_t s = t[i];
      if (s < patterns[i].size() && patterns[i][s] == '*') {
        Tuple next = t;
        next[i] = s + 1;
        visit(std::move(next));
      }
    }
    // Read one letter in every component at once.
    for (char c : letters) {
      Tuple next = t;
      bool ok = true;
      for (std::size_t i = 0; i < patterns.size() && ok; ++i) {
        const std::string& p = patterns[i];
        const std::size_t s = t[i];
        if (s < p.size() && p[s] == '*') {
          next[i] = s;  // the star absorbs c
        } else if (s < p.size() && p[s] == c) {
          next[i] = s + 1;
        } else {
          ok = false;
        }
      }
      if (ok) visit(std::move(next));
    }
  }
  return false;
}

std::vector<std::string> autofollow_pattern_problems(const std::string& pattern) {
  std::vector<std::string> out;
  const std::string p = "Autofollow pattern: " + pattern + " ";
  // Index names' forbidden characters except `*`, the wildcard itself.
  static const std::string kForbidden = " \"\\<|,>/?";
  if (pattern.find_first_of(kForbidden) != std::string::npos) {
    out.push_back(p + "must not contain the following characters [ , \", *, \\, <, |, ,, >, /, ?]");
  }
  if (pattern.empty()) out.push_back(p + "must not be empty");
  if (pattern.find_first_of("#:") != std::string::npos) out.push_back(p + "must not contain '#' or ':'");
  if (!pattern.empty() && (pattern[0] == '_' || pattern[0] == '-')) out.push_back(p + "must not start with '_' or '-'");
  CCRSIM_ASSERT(!pattern.empty() || !out.empty());  // an empty pattern is always refused
  return out;
}

}  // namespace ccrsim
