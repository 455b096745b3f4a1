// SPDX-License-Identifier: Apache-2.0
// A manifest being written (by 'mof-check init' or 'mof-check scan'), and its
// rendering as JSON or YAML text that parse_manifest() reads back.
#pragma once

#include <string>
#include <vector>

#include <mofcheck/framework.hpp>

namespace mofcheck {

/// `release.license.<kind>` of a draft; written only when `present`.
struct DraftLicense {
  std::string name;
  std::string path;
  bool present = false;
};

/// One `release.components` entry of a draft.
struct DraftComponent {
  std::string name;
  std::string description;
  std::string license;  ///< written only when `has_license`
  bool has_license = false;
  std::string license_path;    ///< written when not empty
  std::string component_path;  ///< written when not empty, or always in a template
  std::string included_in;     ///< written when not empty
};

/// A manifest to write. Empty release fields are written as empty strings so
/// the producer sees every field.
struct Draft {
  std::string framework_name, framework_version, framework_date;
  std::string name, version, date, type, architecture, origin, producer, contact, repository,
      huggingface;
  DraftLicense distribution, code, data, document;
  std::vector<DraftComponent> components;
  bool template_paths = false;  ///< write an empty component_path on every component
};

enum class DraftSyntax { json, yaml };

/// A template: every component of `framework` with its description and an
/// empty license, and every release field empty.
Draft template_draft(const Framework& framework);

/// The manifest text (ends with a newline). Never throws on any content.
std::string render_draft(const Draft& draft, DraftSyntax syntax);

}  // namespace mofcheck
