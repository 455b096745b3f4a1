// SPDX-License-Identifier: Apache-2.0
// The built-in framework definition (data/mof-1.0.yaml) as constant tables,
// written at build time by tools/gen_builtin_tables.cpp from what
// parse_framework reads in the file; builtin_framework.cpp turns them into a
// Framework without parsing YAML. The data file stays the only home of the
// facts. Private.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "license/builtin_tables.hpp"

namespace mofcheck::builtin {

struct ClassRow {
  int level;
  std::string_view name, label, roman;
};

struct ComponentRow {
  std::string_view id, name, description;
  TypeCode type;
  int class_level;
  bool required;
  std::span<const std::string_view> aliases, may_be_included_in;
};

struct SubstitutionRow {
  std::size_t component, substitute;
  std::span<const int> counts_in, waived_in;
};

struct FrameworkTables {
  std::string_view name, version, date, origin;
  std::span<const ClassRow> classes;
  std::span<const ComponentRow> components;
  std::span<const SubstitutionRow> substitutions;
  std::span<const std::string_view> recommended[3];  ///< by ContentType
};

extern const FrameworkTables kFramework;  ///< data/mof-1.0.yaml

}  // namespace mofcheck::builtin
