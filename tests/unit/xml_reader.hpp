// SPDX-License-Identifier: Apache-2.0
// A strict reader for the XML subset mof-check writes (declaration,
// elements, double-quoted attributes, text, the five entities and numeric
// character references), so tests can parse reports back. Throws
// std::runtime_error on anything not well-formed, including characters
// XML 1.0 forbids. Test-only.
#pragma once

#include <cctype>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace mofcheck::testing {

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<XmlElement> children;
  std::string text;  ///< character data directly inside, concatenated

  const std::string* attr(const std::string& key) const {
    for (const auto& a : attributes) {
      if (a.first == key) return &a.second;
    }
    return nullptr;
  }
  std::vector<const XmlElement*> all(const std::string& child) const {
    std::vector<const XmlElement*> out;
    for (const auto& c : children) {
      if (c.name == child) out.push_back(&c);
    }
    return out;
  }
};

class XmlReader {
 public:
  explicit XmlReader(std::string text) : s_(std::move(text)) {}

  XmlElement parse() {
    check_chars();
    if (s_.compare(0, 5, "<?xml") == 0) {
      auto end = s_.find("?>");
      if (end == std::string::npos) fail("unterminated declaration");
      i_ = end + 2;
    }
    skip_space();
    XmlElement root = element();
    skip_space();
    if (i_ != s_.size()) fail("content after the root element");
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("XML: " + what + " at byte " + std::to_string(i_));
  }

  // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF], as UTF-8.
  void check_chars() {
    for (std::size_t k = 0; k < s_.size();) {
      auto b = static_cast<unsigned char>(s_[k]);
      std::size_t len = b < 0x80         ? 1
                        : (b >> 5) == 6  ? 2
                        : (b >> 4) == 14 ? 3
                        : (b >> 3) == 30 ? 4
                                         : 0;
      if (len == 0 || k + len > s_.size()) throw std::runtime_error("XML: invalid UTF-8");
      uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
      for (std::size_t j = 1; j < len; ++j)
        cp = (cp << 6) | (static_cast<unsigned char>(s_[k + j]) & 0x3Fu);
      bool ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (!ok) throw std::runtime_error("XML: forbidden character U+" + std::to_string(cp));
      k += len;
    }
  }

  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r'))
      ++i_;
  }

  std::string name() {
    std::size_t start = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '-' ||
                              s_[i_] == '_' || s_[i_] == ':' || s_[i_] == '.')) {
      ++i_;
    }
    if (start == i_) fail("expected a name");
    return s_.substr(start, i_ - start);
  }

  std::string decode(const std::string& raw) const {
    std::string out;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '<') throw std::runtime_error("XML: '<' in text");
      if (raw[k] != '&') {
        out += raw[k];
        continue;
      }
      auto semi = raw.find(';', k);
      if (semi == std::string::npos) throw std::runtime_error("XML: unterminated reference");
      std::string ref = raw.substr(k + 1, semi - k - 1);
      if (ref == "amp")
        out += '&';
      else if (ref == "lt")
        out += '<';
      else if (ref == "gt")
        out += '>';
      else if (ref == "quot")
        out += '"';
      else if (ref == "apos")
        out += '\'';
      else if (ref.size() > 1 && ref[0] == '#') {
        unsigned long cp =
            ref[1] == 'x' ? std::stoul(ref.substr(2), nullptr, 16) : std::stoul(ref.substr(1));
        if (cp >= 0x80) throw std::runtime_error("XML: test reader decodes ASCII references only");
        out += static_cast<char>(cp);
      } else {
        throw std::runtime_error("XML: unknown entity &" + ref + ";");
      }
      k = semi;
    }
    return out;
  }

  XmlElement element() {
    if (i_ >= s_.size() || s_[i_] != '<') fail("expected '<'");
    ++i_;
    XmlElement e;
    e.name = name();
    for (;;) {
      skip_space();
      if (i_ >= s_.size()) fail("unterminated tag");
      if (s_.compare(i_, 2, "/>") == 0) {
        i_ += 2;
        return e;
      }
      if (s_[i_] == '>') {
        ++i_;
        break;
      }
      std::string key = name();
      if (e.attr(key)) fail("duplicate attribute " + key);
      if (i_ + 1 >= s_.size() || s_[i_] != '=' || s_[i_ + 1] != '"') fail("expected =\"");
      i_ += 2;
      auto end = s_.find('"', i_);
      if (end == std::string::npos) fail("unterminated attribute");
      e.attributes.emplace_back(key, decode(s_.substr(i_, end - i_)));
      i_ = end + 1;
    }
    for (;;) {
      auto lt = s_.find('<', i_);
      if (lt == std::string::npos) fail("unterminated element " + e.name);
      e.text += decode(s_.substr(i_, lt - i_));
      i_ = lt;
      if (s_.compare(i_, 2, "</") == 0) {
        i_ += 2;
        if (name() != e.name) fail("mismatched end tag for " + e.name);
        skip_space();
        if (i_ >= s_.size() || s_[i_] != '>') fail("expected '>'");
        ++i_;
        return e;
      }
      e.children.push_back(element());
    }
  }

  std::string s_;
  std::size_t i_ = 0;
};

}  // namespace mofcheck::testing
