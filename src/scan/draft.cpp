// SPDX-License-Identifier: Apache-2.0
// Drafts (templates and scan results) into manifest text.
#include <mofcheck/draft.hpp>

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "manifest/manifest_fields.hpp"
#include "util/utf8.hpp"

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

// A YAML double-quoted scalar: always quoted, so that values such as "1.0",
// "yes" or "" stay strings. Escapes what YAML does not allow raw in one (the
// quote, the backslash, control and non-printable characters); bytes that
// are not UTF-8 become U+FFFD, as in the JSON draft.
void put_quoted(std::string& out, std::string_view s) {
  auto escape = [&out](char32_t cp) {
    char buf[12];
    std::snprintf(buf, sizeof buf, cp < 0x100 ? "\\x%02X" : "\\u%04X", static_cast<unsigned>(cp));
    out += buf;
  };
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F) {
      if (c == '"' || c == '\\') out += '\\';
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    if (c < 0x80) {
      switch (c) {
        case '\n':
          out += "\\n";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          escape(c);
      }
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = utf8_decode(s, i, cp);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (cp <= 0x9F || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE ||
        cp == 0xFFFF) {
      escape(cp);
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  out += '"';
}

// Block-style YAML of the draft, by hand: the shape is fixed and small.
class YamlOut {
 public:
  void key(int depth, std::string_view k) {
    text.append(static_cast<std::size_t>(depth) * 2, ' ');
    text.append(k);
    text += ':';
  }
  void value(int depth, std::string_view k, std::string_view v) {
    key(depth, k);
    text += ' ';
    put_quoted(text, v);
    text += '\n';
  }
  void open(int depth, std::string_view k, bool empty, const char* empty_form) {
    key(depth, k);
    if (empty) {
      text += ' ';
      text += empty_form;
    }
    text += '\n';
  }
  std::string text;
};

std::string render_yaml(const Draft& d) {
  YamlOut out;
  out.open(0, "framework", false, "");
  out.value(1, "name", d.framework_name);
  out.value(1, "version", d.framework_version);
  out.value(1, "date", d.framework_date);
  out.open(0, "release", false, "");
  for (const auto& [key, value] : release_fields(d)) out.value(1, key, *value);
  const auto slots = license_slots(d);
  const bool no_license =
      std::none_of(slots.begin(), slots.end(), [](const Slot& s) { return s.license->present; });
  out.open(1, "license", no_license, "{}");
  for (const auto& s : slots) {
    if (!s.license->present) continue;
    out.open(2, s.key, false, "");
    out.value(3, "name", s.license->name);
    out.value(3, "path", s.license->path);
  }
  out.open(1, "components", d.components.empty(), "[]");
  for (const auto& c : d.components) {
    bool first = true;
    for (const auto& [key, value] : component_fields(d, c)) {
      // "    - name: ..." then the other keys aligned under it.
      out.text += first ? "    - " : "      ";
      first = false;
      out.value(0, key, value);
    }
  }
  return std::move(out.text);
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
