// SPDX-License-Identifier: Apache-2.0
#include "report/wrap.hpp"

#include <cstdlib>
#include <vector>

namespace mofcheck {

std::size_t display_width(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\033') {
      while (i < text.size() && text[i] != 'm') ++i;
      continue;
    }
    n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  }
  return n;
}

std::string wrap_paragraph(std::string_view text, std::size_t width, std::size_t first_indent,
                           std::size_t indent) {
  if (width == 0) return std::string(text);
  std::string out;
  std::size_t used = first_indent;
  bool line_empty = true;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(i, end - i);
    i = end + 1;
    if (word.empty()) continue;
    std::size_t w = display_width(word);
    if (!line_empty && used + 1 + w > width) {
      out += '\n';
      out.append(indent, ' ');
      used = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++used;
    }
    out += word;
    used += w;
    line_empty = false;
  }
  return out;
}

std::size_t terminal_width(std::size_t fallback) {
  const char* env = std::getenv("COLUMNS");
  if (env == nullptr || *env == '\0') return fallback;
  char* end = nullptr;
  long n = std::strtol(env, &end, 10);
  if (*end != '\0' || n < 20 || n > 1000) return fallback;
  return static_cast<std::size_t>(n);
}

}  // namespace mofcheck
