// SPDX-License-Identifier: Apache-2.0
// Every field of a Manifest (as the schema table lists them) as text, one line each, so two
// readings of the same input can be compared and any difference shown. For the tests and the
// differential fuzzer. Private to the library.
#pragma once

#include <string>

#include <mofcheck/manifest.hpp>

#include "manifest/manifest_fields.hpp"

namespace mofcheck {

inline void dump_location(std::string& out, const SourceLocation& w) {
  out += " @" + w.file + ":" + std::to_string(w.line) + ":" + std::to_string(w.column);
}

inline void dump_field(std::string& out, const std::string& name, const Field& f) {
  out += name;
  out += f.present ? " present" : " absent";
  out += f.quoted ? " quoted" : "";
  out += " [" + f.value + "]";
  dump_location(out, f.where);
  out += '\n';
}

inline std::string dump_manifest(const Manifest& m) {
  std::string out = "origin " + m.origin + " record " + std::to_string(m.record) + "\n";
  auto name = [](std::string_view section, std::string_view key) {
    return std::string(section) + std::string(key);
  };
  for (const auto& f : schema::kFramework) dump_field(out, name("framework.", f.key), m.*f.member);
  for (const auto& f : schema::kRelease) dump_field(out, name("", f.key), m.*f.member);
  for (const auto& slot : schema::kGlobalLicenses) {
    const GlobalLicense& g = m.*slot.member;
    out += name("license.", slot.key) + (g.present ? " present" : " absent");
    dump_location(out, g.where);
    out += '\n';
    for (const auto& f : schema::kGlobalLicense) dump_field(out, name("  ", f.key), g.*f.member);
  }
  out += "release";
  dump_location(out, m.release_where);
  out += "\nlicense";
  dump_location(out, m.license_where);
  out += "\ncomponents";
  dump_location(out, m.components_where);
  out += '\n';
  for (const auto& c : m.components) {
    out += "component";
    dump_location(out, c.where);
    out += '\n';
    for (const auto& f : schema::kComponent) dump_field(out, name("  ", f.key), c.*f.member);
  }
  for (const auto& d : m.diagnostics) {
    out += "diagnostic " + std::string(severity_name(d.severity)) + " " + d.code + " " + d.message;
    dump_location(out, d.where);
    out += '\n';
  }
  return out;
}

}  // namespace mofcheck
