// SPDX-License-Identifier: Apache-2.0
// The one UTF-8 decoder of the code base (input checks, escaping, JSON
// output, terminal output). Inline: the JSON writer calls it per character
// of non-ASCII text. Private to the library.
#pragma once

#include <cstddef>
#include <string_view>

namespace mofcheck {

/// Length (1 to 4) of the well-formed UTF-8 sequence at text[i], with its
/// code point in `cp`; 0 when the bytes there are no such sequence: a stray
/// continuation byte, an overlong form, a surrogate, a value above U+10FFFF
/// or a sequence cut short by the end of `text` (Unicode table 3-7).
/// Needs i < text.size(); never reads past the end.
inline std::size_t utf8_decode(std::string_view text, std::size_t i, char32_t& cp) {
  auto byte = [&](std::size_t k) -> unsigned { return static_cast<unsigned char>(text[k]); };
  const unsigned b = byte(i);
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  std::size_t len = 0;
  unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    len = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    len = 3;
    if (b == 0xE0) lo = 0xA0;  // overlong
    if (b == 0xED) hi = 0x9F;  // surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    len = 4;
    if (b == 0xF0) lo = 0x90;  // overlong
    if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + len > text.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  char32_t value = b & (0x7Fu >> len);
  for (std::size_t k = 1; k < len; ++k) {
    if (k > 1 && (byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3Fu);
  }
  cp = value;
  return len;
}

/// utf8_decode() without the code point.
inline std::size_t utf8_length(std::string_view text, std::size_t i) {
  char32_t cp;
  return utf8_decode(text, i, cp);
}

}  // namespace mofcheck
