// SPDX-License-Identifier: Apache-2.0
// Identifying a license by the text of a license file (LICENSE, COPYING):
// key phrases per license, loaded from data (data/license-texts.json).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mofcheck {

/// One license and the phrase sets that identify its text.
struct LicenseTextRule {
  std::string license;                          ///< what a manifest writes, e.g. "Apache-2.0"
  std::string name;                             ///< full name
  std::vector<std::vector<std::string>> match;  ///< normalised phrase sets; any set, all phrases
  std::string note;                             ///< remark for the producer, may be empty
};

/// The identification rules, tried in order.
class LicenseTexts {
 public:
  /// Parses the JSON data (format: data/license-texts.json). Throws Error
  /// with `origin`, line and column on malformed data.
  static LicenseTexts parse(std::string_view json_text, std::string_view origin);
  /// The data built into the binary.
  static const LicenseTexts& builtin();

  /// The first rule whose phrases all occur in `text`, or nullptr. Case,
  /// punctuation, line breaks and copyright lines do not matter.
  const LicenseTextRule* identify(std::string_view text) const;

  const std::vector<LicenseTextRule>& rules() const { return rules_; }

 private:
  std::vector<LicenseTextRule> rules_;
};

/// Lower-cases ASCII letters and turns every run of other characters than
/// ASCII letters and digits into one space (no leading or trailing space).
std::string normalize_license_text(std::string_view text);

/// The words of `text` (normalize_license_text) between two spaces, so that
/// finding padded_words(phrase) in padded_words(text) matches whole words only.
std::string padded_words(std::string_view text);
/// `words` between two spaces.
std::string padded(std::string_view words);

}  // namespace mofcheck
