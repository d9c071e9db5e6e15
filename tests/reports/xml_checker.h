#pragma once
// A small XML well-formedness checker for the reports' HTML (written as XHTML-compatible markup) and JUnit files:
// balanced and properly nested tags, quoted attributes, known entities only, one root element. Enough to catch
// a writer that forgets to close or escape something; not a validating parser.
#include <cctype>
#include <string>
#include <vector>

namespace ccrsim::testing {

// Empty when `text` is well-formed; otherwise what is wrong and the byte offset.
inline std::string xml_problem(const std::string& text) {
  std::vector<std::string> open;
  bool root_seen = false;
  const auto fail = [](const std::string& what, std::size_t at) { return what + " at byte " + std::to_string(at); };
  const auto entity_ok = [&](std::size_t at) {
    static const char* kNamed[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"};
    for (const char* e : kNamed) {
      if (text.compare(at, std::char_traits<char>::length(e), e) == 0) return true;
    }
    if (text.compare(at, 2, "&#") != 0) return false;
    std::size_t i = at + 2;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    return i > at + 2 && i < text.size() && text[i] == ';';
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '&') {
      if (!entity_ok(i)) return fail("bad entity", i);
      ++i;
      continue;
    }
    if (c != '<') {
      if (open.empty() && !std::isspace(static_cast<unsigned char>(c))) return fail("text outside the root", i);
      ++i;
      continue;
    }
    for (const char* skip : {"<?", "<!--", "<!DOCTYPE"}) {
      const std::string s = skip;
      if (text.compare(i, s.size(), s) != 0) continue;
      const std::string end = s == "<?" ? "?>" : s == "<!--" ? "-->" : ">";
      const std::size_t e = text.find(end, i);
      if (e == std::string::npos) return fail("unterminated " + s, i);
      i = e + end.size();
      break;
    }
    if (i >= text.size() || text[i] != '<') continue;
    const bool closing = i + 1 < text.size() && text[i + 1] == '/';
    std::size_t j = i + (closing ? 2 : 1);
    const std::size_t name_start = j;
    while (j < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '-' || text[j] == ':' || text[j] == '_')) {
      ++j;
    }
    const std::string name = text.substr(name_start, j - name_start);
    if (name.empty()) return fail("tag without a name", i);
    if (closing) {
      if (j >= text.size() || text[j] != '>') return fail("bad closing tag </" + name, i);
      if (open.empty() || open.back() != name) {
        return fail("</" + name + "> closes " + (open.empty() ? std::string("nothing") : "<" + open.back() + ">"), i);
      }
      open.pop_back();
      i = j + 1;
      continue;
    }
    // Attributes: name="value" with no '<' and valid entities in the value.
    bool self_closing = false;
    while (true) {
      while (j < text.size() && std::isspace(static_cast<unsigned char>(text[j]))) ++j;
      if (j >= text.size()) return fail("unterminated <" + name, i);
      if (text[j] == '>') break;
      if (text.compare(j, 2, "/>") == 0) {
        self_closing = true;
        ++j;
        break;
      }
      const std::size_t a = j;
      while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '-' ||
                                 text[j] == ':' || text[j] == '_')) {
        ++j;
      }
      if (j == a || j + 1 >= text.size() || text[j] != '=' || text[j + 1] != '"') {
        return fail("attribute of <" + name + "> not written as name=\"value\"", j);
      }
      const std::size_t v_end = text.find('"', j + 2);
      if (v_end == std::string::npos) return fail("unterminated attribute value", j);
      for (std::size_t k = j + 2; k < v_end; ++k) {
        if (text[k] == '<') return fail("'<' in an attribute value", k);
        if (text[k] == '&' && !entity_ok(k)) return fail("bad entity in an attribute value", k);
      }
      j = v_end + 1;
    }
    if (open.empty()) {
      if (root_seen) return fail("a second root element <" + name + ">", i);
      root_seen = true;
    }
    if (!self_closing) open.push_back(name);
    i = j + 1;
  }
  if (!open.empty()) return "<" + open.back() + "> is never closed";
  if (!root_seen) return "no root element";
  return "";
}

// How often `needle` occurs in `text` (charts, rows, markers of a rendered report).
inline std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

}  // namespace ccrsim::testing
