// SPDX-License-Identifier: Apache-2.0
#include "util/text_encoding.hpp"

#include <cstdint>
#include <cstdio>
#include <string>

#include <mofcheck/error.hpp>

#include "util/ascii_scan.hpp"
#include "util/utf8.hpp"

namespace mofcheck {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", c);
  return buf;
}

// UTF-16 or UTF-32, by byte order mark or by the zero bytes ASCII text
// leaves in every other (or every fourth) byte.
const char* wide_encoding(std::string_view t) {
  if (t.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4) ||
      t.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) {
    return "UTF-32";
  }
  if (t.substr(0, 2) == "\xFF\xFE" || t.substr(0, 2) == "\xFE\xFF") return "UTF-16";
  if (t.size() >= 4 && t[0] != 0 && t[1] == 0 && t[2] == 0 && t[3] == 0) return "UTF-32";
  if (t.size() >= 4 && t[0] == 0 && t[1] == 0 && t[2] == 0 && t[3] != 0) return "UTF-32";
  if (t.size() >= 2 && ((t[0] != 0 && t[1] == 0) || (t[0] == 0 && t[1] != 0))) return "UTF-16";
  return nullptr;
}

// A few formats worth naming by their first bytes.
const char* magic_kind(std::string_view t) {
  struct Magic {
    std::string_view bytes;
    const char* kind;
  };
  static const Magic magics[] = {
      {"\x7F"
       "ELF",
       "an ELF executable"},
      {"\x89PNG", "a PNG image"},
      {"\x1F\x8B", "gzip data"},
      {"PK\x03\x04", "a zip archive"},
      {"%PDF", "a PDF document"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF8", "a GIF image"},
      {"BZh", "bzip2 data"},
      {"\xFD"
       "7zXZ",
       "xz data"},
      {"\x28\xB5\x2F\xFD", "zstd data"},
  };
  for (const auto& m : magics) {
    if (t.substr(0, m.bytes.size()) == m.bytes) return m.kind;
  }
  return nullptr;
}

// "binary data" when more than a tenth of the first kB are control bytes.
// Each of them is refused by check_text_encoding's scan as well, so the scan
// counts them only when it is about to refuse the text: a clean text is
// never counted.
const char* binary_kind(std::string_view t, bool del_is_text) {
  std::string_view head = t.substr(0, 1024);
  std::size_t odd = 0;
  for (std::size_t i = 0; i < head.size(); ++i) {
    // Eight bytes without a control byte at a time.
    if (i + 8 <= head.size()) {
      const std::uint64_t x = ascii::load8(head, i);
      if (!(ascii::any_below(x, 0x20) | ascii::any_equal(x, 0x7F))) {
        i += 7;
        continue;
      }
    }
    auto c = static_cast<unsigned char>(head[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c == 0x7F && !del_is_text)) ++odd;
  }
  return odd * 10 > head.size() ? "binary data" : nullptr;
}

bool only_comments(std::string_view t) {
  bool at_line_start = true;
  bool in_comment = false;
  for (char c : t) {
    if (c == '\n') {
      at_line_start = true;
      in_comment = false;
    } else if (in_comment || c == ' ' || c == '\t' || c == '\r') {
      continue;
    } else if (c == '#' && at_line_start) {
      in_comment = true;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace

void check_text_encoding(std::string_view text, std::string_view origin, TextRules rules) {
  const std::string file(origin);
  const bool json = rules == TextRules::json;
  // JSON fixes its bytes (RFC 8259: a value, UTF-8, control characters
  // escaped), so a text at fault there is a JSON error and says so.
  const std::string invalid = json ? "invalid JSON: " : "";
  if (text.empty()) {
    throw Error({file, 0, 0}, invalid + "the file is empty; a manifest needs a 'release'");
  }
  if (const char* wide = wide_encoding(text)) {
    throw Error({file, 0, 0}, std::string("is ") + wide + " text; save the manifest as UTF-8");
  }
  auto refuse_binary = [&](const char* kind) {
    if (kind)
      throw Error({file, 0, 0}, std::string("is ") + kind + ", not a JSON or YAML manifest");
  };
  refuse_binary(magic_kind(text));
  // Before any refusal of a byte below: binary data is named as such.
  const std::string_view whole = text;
  auto refusing = [&] { refuse_binary(binary_kind(whole, json)); };
  if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) text.remove_prefix(kUtf8Bom.size());
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    // Runs of printable ASCII (no line break) need no look at each byte:
    // the scan goes straight to the first byte that does.
    while (i + 8 <= text.size()) {
      std::uint64_t x = ascii::load8(text, i);
      const std::uint64_t stop =
          ascii::any_below(x, 0x20) | (json ? 0 : ascii::any_equal(x, 0x7F)) | ascii::any_high(x);
      if (stop) {
        i += ascii::first_flagged(stop);
        break;
      }
      i += 8;
    }
    if (i == text.size()) break;
    auto c = static_cast<unsigned char>(text[i]);
    int column = static_cast<int>(i - line_start) + 1;
    if (c == '\n') {
      ++line;
      line_start = ++i;
      continue;
    }
    if (c == 0) {
      refusing();
      throw Error({file, line, column},
                  invalid + "a NUL byte; a manifest is text without NUL bytes");
    }
    if ((c < 0x20 && c != '\t' && c != '\r') || (c == 0x7F && !json)) {
      refusing();
      throw Error({file, line, column},
                  invalid + "the control character " + hex_byte(c) +
                      "; write it escaped inside a quoted string, or remove it");
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = utf8_length(text, i);
    if (len == 0) {
      refusing();
      throw Error({file, line, column},
                  invalid + "invalid UTF-8 (byte " + hex_byte(c) + "); save the manifest as UTF-8");
    }
    i += len;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw Error({file, 0, 0}, invalid + "holds only whitespace; a manifest needs a 'release'");
  }
  if (!json && only_comments(text)) {
    throw Error({file, 0, 0}, "holds only comments; a manifest needs a 'release'");
  }
}

}  // namespace mofcheck
