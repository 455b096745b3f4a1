// SPDX-License-Identifier: Apache-2.0
#include <cstdio>

#include <mofcheck/report.hpp>

#include "util/utf8.hpp"

namespace mofcheck {

namespace {

void escape_byte(std::string& out, unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02X", c);
  out += buf;
}

void escape_code_point(std::string& out, unsigned cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\u{%X}", cp);
  out += buf;
}

// Code points that reorder or hide text on screen (Trojan Source) or are C1 controls.
bool dangerous(unsigned cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C;
}

bool printable_ascii(unsigned char c) {
  return c >= 0x20 && c < 0x7F;
}

}  // namespace

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    // Printable ASCII, nearly all text, is copied a run at a time.
    std::size_t run = i;
    while (run < text.size() && printable_ascii(static_cast<unsigned char>(text[run]))) ++run;
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      escape_byte(out, c);  // a control byte or DEL
      ++i;
      continue;
    }
    // Anything that is not one well-formed UTF-8 sequence is shown byte by byte.
    char32_t cp = 0;
    std::size_t len = utf8_decode(text, i, cp);
    bool ok = len > 0;
    if (!ok) {
      escape_byte(out, c);
      ++i;
      continue;
    }
    if (dangerous(cp)) {
      escape_code_point(out, cp);
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

}  // namespace mofcheck
