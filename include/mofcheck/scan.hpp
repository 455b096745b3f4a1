// SPDX-License-Identifier: Apache-2.0
// Drafting a manifest from a local model repository checkout. Looks at file
// names, license files, the model card and config.json; never fetches
// anything and never follows a symbolic link out of the checkout.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <mofcheck/draft.hpp>
#include <mofcheck/framework.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/license_text.hpp>

namespace mofcheck {

/// Glob patterns that show one component (data/scan-rules.yaml, by component id).
struct ComponentRule {
  std::string component;  ///< component id
  std::string note;       ///< what a match is, e.g. "weights"
  bool guess = true;      ///< a match is an inference the producer must confirm
  std::vector<std::string> files, dirs, paths, not_under, not_files;
};

/// Words that tie a model card heading or an arXiv link to a component id.
struct KeywordRule {
  std::string component;  ///< component id
  std::vector<std::string> words;
};

/// The scanner's rules, loaded from data (format: data/scan-rules.yaml).
struct ScanRules {
  std::vector<std::string> skip_dirs;
  std::vector<std::string> license_files;
  std::vector<KeywordRule> license_type_hints;  ///< component = "code", "data" or "document"
  std::string model_card;                       ///< component id of the model card
  std::vector<std::string> model_card_files;
  std::vector<KeywordRule> card_sections;
  std::vector<KeywordRule> arxiv;  ///< words on the link's line
  std::string arxiv_other;         ///< component id of any other arXiv link
  std::string model_index;         ///< component id the front matter's model-index shows
  std::string architecture;        ///< component id of the code config.json's architecture names
  std::vector<KeywordRule> model_types;  ///< component = release type, words = pipeline tags
  std::vector<ComponentRule> components;

  /// Parses the YAML data. Throws Error with origin, line and column.
  static ScanRules parse(std::string_view yaml_text, std::string_view origin);
  /// The data built into the binary.
  static const ScanRules& builtin();
};

/// Caps that keep a huge checkout from hanging the scan.
struct ScanLimits {
  std::size_t max_entries = 100000;       ///< files and folders visited
  int max_depth = 16;                     ///< folder nesting below the root
  std::size_t max_text_bytes = 1u << 20;  ///< read of one model card, license or config file
};

/// Why the scanner believes something; `guess` marks inferences a producer must confirm.
struct ScanNote {
  std::string component;  ///< component name, or empty for the release
  std::string path;       ///< relative path it concerns, or empty
  std::string text;       ///< one sentence
  bool guess = false;
};

struct ScanResult {
  Draft draft;
  std::vector<ScanNote> notes;  ///< release notes first, then by component in definition order
  std::size_t entries_seen = 0;
  bool truncated = false;  ///< a limit stopped the walk
};

/// Scans the folder `root` and drafts a manifest for `framework`: one entry
/// per component the checkout shows, with its path and, where a folder has
/// its own license file, its license; the repository license becomes the
/// global license. Rules for components `framework` lacks are skipped.
/// Throws Error when `root` is not a readable folder.
ScanResult scan_repository(const std::string& root, const Framework& framework,
                           const LicenseDb& licenses, const ScanRules& rules = ScanRules::builtin(),
                           const LicenseMatcher& texts = LicenseMatcher::builtin(),
                           const ScanLimits& limits = {});

}  // namespace mofcheck
