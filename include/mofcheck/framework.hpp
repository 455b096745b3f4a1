// SPDX-License-Identifier: Apache-2.0
// The framework definition (components, classes, substitution rules), loaded
// from YAML data. Nothing about the MOF itself is written in code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <mofcheck/license.hpp>

namespace mofcheck {

struct ComponentDef {
  std::string id;    ///< stable kebab-case id, e.g. "model-card"
  std::string name;  ///< the name manifests use, e.g. "Model card"
  std::string description;
  ContentType type = ContentType::code;
  int class_level = 3;  ///< the class that first requires it (3 = Class III)
  bool required = true;
  std::vector<std::string> aliases;             ///< other names manifests may use
  std::vector<std::string> may_be_included_in;  ///< component names it may live inside
  bool operator==(const ComponentDef&) const = default;
};

struct ClassDef {
  int level = 3;      ///< 3 = Class III (the first to reach), 1 = Class I
  std::string name;   ///< e.g. "Open Model"
  std::string label;  ///< e.g. "Class III - Open Model"
  std::string roman;  ///< e.g. "III"
  bool operator==(const ClassDef&) const = default;
};

/// When `component` is not met but `substitute` is, the substitute counts in
/// its place in `counts_in`, and `component` is dropped from `waived_in`.
struct Substitution {
  std::size_t component = 0;   ///< index into Framework::components
  std::size_t substitute = 0;  ///< index into Framework::components
  std::vector<int> counts_in;
  std::vector<int> waived_in;
  bool operator==(const Substitution&) const = default;
};

struct Framework {
  std::string name;
  std::string version;
  std::string date;
  std::string origin;             ///< file it came from, or "<builtin>"
  std::vector<ClassDef> classes;  ///< ordered from the first to reach (highest level) to the last
  std::vector<ComponentDef> components;  ///< in definition order (reports keep it)
  std::vector<Substitution> substitutions;
  /// Licenses to suggest when a component of a type lacks an open one,
  /// indexed by ContentType.
  std::vector<std::vector<std::string>> recommended_licenses{3};

  /// Same definition, field by field (origin included).
  bool operator==(const Framework&) const = default;

  /// The suggestions for one type (may be empty).
  const std::vector<std::string>& recommended(ContentType t) const {
    return recommended_licenses[static_cast<std::size_t>(t)];
  }

  /// Index of the component with this name or alias (exact, then
  /// case-insensitive); -1 if none.
  int find_component(std::string_view name) const;
  /// Class with this level, or nullptr.
  const ClassDef* find_class(int level) const;
  /// Lowest and highest level numbers defined.
  int lowest_level() const;   ///< the most complete class (1 for the MOF)
  int highest_level() const;  ///< the first class to reach (3 for the MOF)
  /// "Unclassified" for level 0, else the class label.
  std::string label(int level) const;
};

/// Parses and validates a definition. Throws Error with origin:line:col.
Framework parse_framework(std::string_view yaml_text, std::string_view origin);
/// The MOF 1.0 definition built into the binary (data/mof-1.0.yaml, compiled
/// into constant tables at build time; built once, on first use).
const Framework& builtin_framework();
/// A new copy of the built-in definition, made from the same tables.
Framework make_builtin_framework();

}  // namespace mofcheck
