// SPDX-License-Identifier: Apache-2.0
#include "report/escape.hpp"

#include <cstdint>

#include "util/utf8.hpp"

namespace mofcheck::escape {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Calls f(code point, bytes) for each character; invalid bytes come as U+FFFD.
template <typename F>
void for_each_char(std::string_view text, F f) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    std::size_t len = utf8_decode(text, i, cp);
    if (len == 0) {
      f(char32_t{0xFFFD}, kReplacement);
      ++i;
    } else {
      f(cp, text.substr(i, len));
      i += len;
    }
  }
}

std::string percent(unsigned char c) {
  static constexpr char hex[] = "0123456789ABCDEF";
  return {'%', hex[c >> 4], hex[c & 0xF]};
}

}  // namespace

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_char(text, [&](char32_t, std::string_view bytes) { out += bytes; });
  return out;
}

std::string xml(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for_each_char(text, [&](char32_t cp, std::string_view bytes) {
    switch (cp) {
      case '&':
        out += "&amp;";
        return;
      case '<':
        out += "&lt;";
        return;
      case '>':
        out += "&gt;";
        return;
      case '"':
        out += attribute ? "&quot;" : "\"";
        return;
      case '\'':
        out += attribute ? "&apos;" : "'";
        return;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        return;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        return;
      case '\r':
        out += "&#13;";
        return;
      default:
        break;
    }
    bool forbidden = cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF;
    out += forbidden ? kReplacement : bytes;
  });
  return out;
}

std::string markdown(std::string_view text) {
  static constexpr std::string_view special = "|\\`*_[]<>#~!@";
  std::string out;
  out.reserve(text.size());
  for_each_char(text, [&](char32_t cp, std::string_view bytes) {
    if (cp < 0x20 || cp == 0x7F) {
      out += ' ';
    } else if (cp == '&') {
      out += "&amp;";
    } else if (cp < 0x80 && special.find(static_cast<char>(cp)) != std::string_view::npos) {
      out += '\\';
      out += static_cast<char>(cp);
    } else {
      out += bytes;
    }
  });
  return out;
}

std::string workflow_data(std::string_view text) {
  std::string out;
  for (char c : valid_utf8(text)) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        // Other controls (escape sequences) would reach the job log raw.
        out += (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F ? ' ' : c;
    }
  }
  return out;
}

std::string workflow_property(std::string_view text) {
  std::string out;
  for (char c : workflow_data(text)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string uri_path(std::string_view path) {
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += percent(c);
    }
  }
  return out;
}

}  // namespace mofcheck::escape
