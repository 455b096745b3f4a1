// SPDX-License-Identifier: Apache-2.0
// Private. The words of a license text after the SPDX matching guidelines'
// normalisation, as canonical strings with the bytes they came from; the
// matcher hashes them, the clause rules read them as a string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mofcheck {

struct NormWord {
  std::string text;  ///< canonical lower-case spelling
  std::uint32_t begin = 0, end = 0;
};

/// See license_words() in <mofcheck/license_text.hpp>. Never throws on bad bytes.
std::vector<NormWord> normalize_words(
    std::string_view text, const std::vector<std::pair<std::string, std::string>>& equivalents);

/// 32-bit FNV-1a of a word.
std::uint32_t word_hash(std::string_view word);

}  // namespace mofcheck
