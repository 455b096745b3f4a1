// SPDX-License-Identifier: Apache-2.0
// The built-in definition, made from the constant tables the build generated
// from data/mof-1.0.yaml (builtin_tables.hpp): no YAML is read at start-up.
// A --framework file still goes through parse_framework.
#include <mofcheck/framework.hpp>

#include "framework/builtin_tables.hpp"

namespace mofcheck {

namespace {

std::vector<std::string> strings(std::span<const std::string_view> in) {
  return {in.begin(), in.end()};
}

}  // namespace

Framework make_builtin_framework() {
  const builtin::FrameworkTables& t = builtin::kFramework;
  Framework fw;
  fw.name = t.name;
  fw.version = t.version;
  fw.date = t.date;
  fw.origin = t.origin;
  fw.classes.reserve(t.classes.size());
  for (const builtin::ClassRow& c : t.classes) {
    fw.classes.push_back(
        {c.level, std::string(c.name), std::string(c.label), std::string(c.roman)});
  }
  fw.components.reserve(t.components.size());
  for (const builtin::ComponentRow& c : t.components) {
    fw.components.push_back({std::string(c.id), std::string(c.name), std::string(c.description),
                             static_cast<ContentType>(c.type), c.class_level, c.required,
                             strings(c.aliases), strings(c.may_be_included_in)});
  }
  fw.substitutions.reserve(t.substitutions.size());
  for (const builtin::SubstitutionRow& s : t.substitutions) {
    fw.substitutions.push_back({s.component,
                                s.substitute,
                                {s.counts_in.begin(), s.counts_in.end()},
                                {s.waived_in.begin(), s.waived_in.end()}});
  }
  for (std::size_t i = 0; i < 3; ++i) fw.recommended_licenses[i] = strings(t.recommended[i]);
  return fw;
}

const Framework& builtin_framework() {
  // Never destroyed: nothing to free at exit (as LicenseDb::builtin()).
  static const Framework& fw = *new Framework(make_builtin_framework());
  return fw;
}

}  // namespace mofcheck
