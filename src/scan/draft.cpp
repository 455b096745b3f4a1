// SPDX-License-Identifier: Apache-2.0
// Drafts (templates and scan results) into manifest text.
#include <mofcheck/draft.hpp>

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "manifest/manifest_fields.hpp"

namespace mofcheck {

namespace {

using ojson = nlohmann::ordered_json;

// The draft's members in the order of the manifest schema table, which
// gives their keys.
struct Slot {
  std::string_view key;
  const DraftLicense* license;
};

std::vector<Slot> license_slots(const Draft& d) {
  const DraftLicense* members[] = {&d.distribution, &d.code, &d.data, &d.document};
  static_assert(std::size(members) == schema::kGlobalLicenses.size());
  std::vector<Slot> out;
  for (std::size_t i = 0; i < std::size(members); ++i) {
    out.push_back({schema::kGlobalLicenses[i].key, members[i]});
  }
  return out;
}

std::vector<std::pair<std::string_view, const std::string*>> release_fields(const Draft& d) {
  const std::string* members[] = {&d.name,         &d.version,    &d.date,     &d.type,
                                  &d.architecture, &d.origin,     &d.producer, &d.contact,
                                  &d.repository,   &d.huggingface};
  static_assert(std::size(members) == schema::kRelease.size());
  std::vector<std::pair<std::string_view, const std::string*>> out;
  for (std::size_t i = 0; i < std::size(members); ++i) {
    out.emplace_back(schema::kRelease[i].key, members[i]);
  }
  return out;
}

std::vector<std::pair<std::string_view, std::string>> component_fields(const Draft& d,
                                                                       const DraftComponent& c) {
  // Keys by their place in the schema table: name, description, license,
  // license_path, component_path, included_in.
  const auto& k = schema::kComponent;
  static_assert(schema::kComponent.size() == 6);
  std::vector<std::pair<std::string_view, std::string>> f = {{k[0].key, c.name}};
  if (!c.description.empty()) f.emplace_back(k[1].key, c.description);
  if (c.has_license) f.emplace_back(k[2].key, c.license);
  if (!c.license_path.empty()) f.emplace_back(k[3].key, c.license_path);
  if (!c.component_path.empty() || d.template_paths) f.emplace_back(k[4].key, c.component_path);
  if (!c.included_in.empty()) f.emplace_back(k[5].key, c.included_in);
  return f;
}

std::string render_json(const Draft& d) {
  ojson j;
  j["framework"] = {
      {"name", d.framework_name}, {"version", d.framework_version}, {"date", d.framework_date}};
  ojson release = ojson::object();
  for (const auto& [key, value] : release_fields(d)) release[std::string(key)] = *value;
  ojson licenses = ojson::object();
  for (const auto& s : license_slots(d)) {
    if (s.license->present) {
      licenses[std::string(s.key)] = {{"name", s.license->name}, {"path", s.license->path}};
    }
  }
  release["license"] = licenses;
  ojson comps = ojson::array();
  for (const auto& c : d.components) {
    ojson entry = ojson::object();
    for (const auto& [key, value] : component_fields(d, c)) entry[std::string(key)] = value;
    comps.push_back(std::move(entry));
  }
  release["components"] = std::move(comps);
  j["release"] = std::move(release);
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// Strings are always quoted so that values such as "1.0", "yes" or "" stay strings.
void put(YAML::Emitter& out, const std::string& value) {
  out << YAML::DoubleQuoted << value;
}

std::string render_yaml(const Draft& d) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "framework" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value;
  put(out, d.framework_name);
  out << YAML::Key << "version" << YAML::Value;
  put(out, d.framework_version);
  out << YAML::Key << "date" << YAML::Value;
  put(out, d.framework_date);
  out << YAML::EndMap;
  out << YAML::Key << "release" << YAML::Value << YAML::BeginMap;
  for (const auto& [key, value] : release_fields(d)) {
    out << YAML::Key << std::string(key) << YAML::Value;
    put(out, *value);
  }
  out << YAML::Key << "license" << YAML::Value << YAML::BeginMap;
  for (const auto& s : license_slots(d)) {
    if (!s.license->present) continue;
    out << YAML::Key << std::string(s.key) << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value;
    put(out, s.license->name);
    out << YAML::Key << "path" << YAML::Value;
    put(out, s.license->path);
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
  out << YAML::Key << "components" << YAML::Value << YAML::BeginSeq;
  for (const auto& c : d.components) {
    out << YAML::BeginMap;
    for (const auto& [key, value] : component_fields(d, c)) {
      out << YAML::Key << std::string(key) << YAML::Value;
      put(out, value);
    }
    out << YAML::EndMap;
  }
  out << YAML::EndSeq;
  out << YAML::EndMap << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace

Draft template_draft(const Framework& framework) {
  Draft d;
  d.framework_name = framework.name;
  d.framework_version = framework.version;
  d.framework_date = framework.date;
  d.template_paths = true;
  for (const auto& def : framework.components) {
    DraftComponent c;
    c.name = def.name;
    c.description = def.description;
    c.has_license = true;
    d.components.push_back(std::move(c));
  }
  return d;
}

std::string render_draft(const Draft& draft, DraftSyntax syntax) {
  return syntax == DraftSyntax::json ? render_json(draft) : render_yaml(draft);
}

}  // namespace mofcheck
