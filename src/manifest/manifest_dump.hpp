// SPDX-License-Identifier: Apache-2.0
// Every field of a Manifest as text, one line each, so two readings of the
// same input can be compared and any difference shown. For the tests and
// the differential fuzzer. Private to the library.
#pragma once

#include <string>

#include <mofcheck/manifest.hpp>

namespace mofcheck {

inline void dump_location(std::string& out, const SourceLocation& w) {
  out += " @" + w.file + ":" + std::to_string(w.line) + ":" + std::to_string(w.column);
}

inline void dump_field(std::string& out, const char* name, const Field& f) {
  out += name;
  out += f.present ? " present" : " absent";
  out += f.quoted ? " quoted" : "";
  out += " [" + f.value + "]";
  dump_location(out, f.where);
  out += '\n';
}

inline std::string dump_manifest(const Manifest& m) {
  std::string out = "origin " + m.origin + " record " + std::to_string(m.record) + "\n";
  const struct {
    const char* name;
    const Field& f;
  } fields[] = {{"framework.name", m.framework_name},
                {"framework.version", m.framework_version},
                {"framework.date", m.framework_date},
                {"name", m.name},
                {"version", m.version},
                {"date", m.date},
                {"type", m.type},
                {"architecture", m.architecture},
                {"origin", m.model_origin},
                {"producer", m.producer},
                {"contact", m.contact},
                {"repository", m.repository},
                {"huggingface", m.huggingface}};
  for (const auto& f : fields) dump_field(out, f.name, f.f);
  const struct {
    const char* name;
    const GlobalLicense& g;
  } globals[] = {{"license.distribution", m.license_distribution},
                 {"license.code", m.license_code},
                 {"license.data", m.license_data},
                 {"license.document", m.license_document}};
  for (const auto& g : globals) {
    out += std::string(g.name) + (g.g.present ? " present" : " absent");
    dump_location(out, g.g.where);
    out += '\n';
    dump_field(out, "  name", g.g.name);
    dump_field(out, "  path", g.g.path);
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
    dump_field(out, "  name", c.name);
    dump_field(out, "  description", c.description);
    dump_field(out, "  license", c.license);
    dump_field(out, "  license_path", c.license_path);
    dump_field(out, "  component_path", c.component_path);
    dump_field(out, "  included_in", c.included_in);
  }
  for (const auto& d : m.diagnostics) {
    out += "diagnostic " + std::string(severity_name(d.severity)) + " " + d.code + " " + d.message;
    dump_location(out, d.where);
    out += '\n';
  }
  return out;
}

}  // namespace mofcheck
