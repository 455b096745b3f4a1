// SPDX-License-Identifier: Apache-2.0
// Checks that an input is UTF-8 text before a parser sees it, so a binary
// file, UTF-16 text or a stray control byte gets a message that says what it
// is, instead of a parser's confusion. Private.
#pragma once

#include <string_view>

namespace mofcheck {

/// The rules of the syntax a text is read in, where they differ.
enum class TextRules {
  any,   ///< YAML, or not yet known: DEL (0x7F) is a control character (YAML's
         ///< c-printable excludes it)
  json,  ///< DEL is text (RFC 8259 lets it stand unescaped in a string), '#'
         ///< starts no comment, and a text JSON forbids (no value, a forbidden
         ///< byte) is an "invalid JSON: " error
};

/// Throws Error naming `origin` (and line:column where a byte is at fault)
/// when `text` is empty, only whitespace or (not JSON) only comments ('#'
/// lines), UTF-16 or UTF-32, a binary file, or holds a NUL byte, a control
/// character other than tab, line feed and carriage return (and, for JSON,
/// DEL), or invalid UTF-8. A UTF-8 byte order mark is accepted.
void check_text_encoding(std::string_view text, std::string_view origin,
                         TextRules rules = TextRules::any);

}  // namespace mofcheck
