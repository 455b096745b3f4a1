// SPDX-License-Identifier: Apache-2.0
// Word wrapping for terminal text (help and text reports). Private.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mofcheck {

/// Breaks `text` (one paragraph, no line breaks) at spaces into lines of at
/// most `width` columns, counted in code points. The first line starts with
/// `first_indent` columns already used by the caller's text, the others
/// with `indent` spaces. A word longer than a line stays whole. Every line
/// but the last ends with '\n'. width 0 means no wrapping.
std::string wrap_paragraph(std::string_view text, std::size_t width, std::size_t first_indent,
                           std::size_t indent);

/// The terminal width to wrap to: COLUMNS when it is a number from 20 to
/// 1000, else `fallback` (0: no wrapping).
std::size_t terminal_width(std::size_t fallback);

/// Columns `text` takes: code points, without ANSI colour sequences.
std::size_t display_width(std::string_view text);

}  // namespace mofcheck
