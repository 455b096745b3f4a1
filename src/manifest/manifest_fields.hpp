// SPDX-License-Identifier: Apache-2.0
// The manifest schema in one table: every key a manifest may hold, where it
// sits (framework, release, release.license.<kind>, a component), the member
// of Manifest it fills and whether it holds a license text. Both readers, the
// dump, offset_positions, fix and draft take the keys and members from here,
// so a new field is added in this file (and its struct) only. Private.
#pragma once

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <mofcheck/manifest.hpp>

namespace mofcheck::schema {

/// A text field of a mapping. `legacy` is the spelling of earlier MOT
/// records, read too (the current one wins); empty when there is none.
template <typename Owner>
struct TextField {
  std::string_view key;
  std::string_view legacy;
  Field Owner::*member;
  bool license;  ///< holds a license text (its quoting is recorded)
};

/// `framework.<key>`.
inline constexpr std::array<TextField<Manifest>, 3> kFramework = {{
    {"name", "", &Manifest::framework_name, false},
    {"version", "", &Manifest::framework_version, false},
    {"date", "", &Manifest::framework_date, false},
}};

/// `release.<key>` holding text; `release.license` and
/// `release.components` follow them (kReleaseMappings).
inline constexpr std::array<TextField<Manifest>, 10> kRelease = {{
    {"name", "", &Manifest::name, false},
    {"version", "", &Manifest::version, false},
    {"date", "", &Manifest::date, false},
    {"type", "", &Manifest::type, false},
    {"architecture", "", &Manifest::architecture, false},
    {"origin", "", &Manifest::model_origin, false},
    {"producer", "", &Manifest::producer, false},
    {"contact", "", &Manifest::contact, false},
    {"repository", "github", &Manifest::repository, false},
    {"huggingface", "", &Manifest::huggingface, false},
}};
inline constexpr std::string_view kLicenseKey = "license";
inline constexpr std::string_view kComponentsKey = "components";

/// `release.license.<key>`; `path` is the license field's full path.
struct GlobalSlot {
  std::string_view key;
  GlobalLicense Manifest::*member;
  const char* name_path;
};
inline constexpr std::array<GlobalSlot, 4> kGlobalLicenses = {{
    {"distribution", &Manifest::license_distribution, "release.license.distribution.name"},
    {"code", &Manifest::license_code, "release.license.code.name"},
    {"data", &Manifest::license_data, "release.license.data.name"},
    {"document", &Manifest::license_document, "release.license.document.name"},
}};

/// `release.license.<kind>.<key>`.
inline constexpr std::array<TextField<GlobalLicense>, 2> kGlobalLicense = {{
    {"name", "", &GlobalLicense::name, true},
    {"path", "", &GlobalLicense::path, false},
}};

/// `release.components[i].<key>`.
inline constexpr std::array<TextField<ManifestComponent>, 6> kComponent = {{
    {"name", "", &ManifestComponent::name, false},
    {"description", "", &ManifestComponent::description, false},
    {"license", "license_name", &ManifestComponent::license, true},
    {"license_path", "", &ManifestComponent::license_path, false},
    {"component_path", "location", &ManifestComponent::component_path, false},
    {"included_in", "", &ManifestComponent::included_in, false},
}};

/// The keys of a table in order, each followed by its legacy spelling when
/// `legacy`; then `extra`. For key checks ("known: ...") and the fast path.
template <typename Table>
std::vector<std::string_view> keys(const Table& table, bool legacy,
                                   std::initializer_list<std::string_view> extra = {}) {
  std::vector<std::string_view> out;
  for (const auto& f : table) {
    out.push_back(f.key);
    if constexpr (requires { f.legacy; }) {
      if (legacy && !f.legacy.empty()) out.push_back(f.legacy);
    }
  }
  out.insert(out.end(), extra.begin(), extra.end());
  return out;
}

/// Calls f(field) for every text field of `m` (const or not), in table
/// order: framework, release, global licenses, then each component.
template <typename M, typename F>
void for_each_field(M& m, F&& f) {
  for (const auto& s : kFramework) f(m.*s.member);
  for (const auto& s : kRelease) f(m.*s.member);
  for (const auto& g : kGlobalLicenses) {
    for (const auto& s : kGlobalLicense) f((m.*g.member).*s.member);
  }
  for (auto& c : m.components) {
    for (const auto& s : kComponent) f(c.*s.member);
  }
}

}  // namespace mofcheck::schema
