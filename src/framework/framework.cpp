// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/framework.hpp>

#include <algorithm>
#include <set>

#include "syntax/yaml_reader.hpp"
#include "util/known_keys.hpp"
#include "util/text_util.hpp"

namespace mofcheck {

namespace {

const char* roman_numeral(int level) {
  static const char* const numerals[] = {"0", "I",  "II",  "III",  "IV",
                                         "V", "VI", "VII", "VIII", "IX"};
  return level >= 0 && level <= 9 ? numerals[level] : "?";
}

int parse_level(const YAML::Node& node, std::string_view origin, std::string_view what) {
  std::string text = yaml::scalar(node, origin, what);
  if (text.size() != 1 || text[0] < '1' || text[0] > '9') {
    throw Error(yaml::where(node, origin),
                std::string(what) + " must be a class level from 1 to 9, not '" + text + "'");
  }
  return text[0] - '0';
}

bool parse_bool(const YAML::Node& node, std::string_view origin, std::string_view what) {
  std::string text = yaml::scalar(node, origin, what);
  if (text == "true") return true;
  if (text == "false") return false;
  throw Error(yaml::where(node, origin),
              std::string(what) + " must be true or false, not '" + text + "'");
}

std::vector<int> parse_levels(const YAML::Node& node, const Framework& fw, std::string_view origin,
                              std::string_view what) {
  std::vector<int> levels;
  if (!node) return levels;
  yaml::require_seq(node, origin, what);
  for (const auto& item : node) {
    int level = parse_level(item, origin, what);
    if (!fw.find_class(level)) {
      throw Error(yaml::where(item, origin), std::string(what) + " names class " +
                                                 std::to_string(level) +
                                                 ", which the definition does not define");
    }
    levels.push_back(level);
  }
  return levels;
}

std::size_t component_ref(const YAML::Node& node, const Framework& fw, std::string_view origin,
                          std::string_view what) {
  std::string ref = yaml::scalar(node, origin, what);
  for (std::size_t i = 0; i < fw.components.size(); ++i) {
    if (fw.components[i].id == ref || fw.components[i].name == ref) return i;
  }
  throw Error(yaml::where(node, origin),
              std::string(what) + " names unknown component '" + ref + "'; use a component id");
}

void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                std::string_view origin, std::string_view what) {
  mofcheck::check_keys(
      map, allowed, [](const auto& kv) { return kv.first.template as<std::string>(""); },
      [&](std::size_t, const auto& kv, const std::string& key, const std::string& list) {
        throw Error(
            yaml::where(kv.first, origin),
            "unknown key '" + key + "' in " + std::string(what) + " (allowed: " + list + ")");
      });
}

void parse_classes(const YAML::Node& node, Framework& fw, std::string_view origin) {
  if (!node) throw Error({std::string(origin), 0, 0}, "the definition has no 'classes' list");
  yaml::require_seq(node, origin, "'classes'");
  for (const auto& item : node) {
    yaml::require_map(item, origin, "a class");
    check_keys(item, {"level", "name", "label"}, origin, "a class");
    ClassDef c;
    if (!item["level"]) throw Error(yaml::where(item, origin), "a class needs a 'level'");
    c.level = parse_level(item["level"], origin, "'level'");
    c.name = yaml::optional_scalar(item["name"], origin, "'name'");
    c.roman = roman_numeral(c.level);
    c.label = yaml::optional_scalar(item["label"], origin, "'label'");
    if (c.label.empty()) c.label = "Class " + c.roman + " - " + c.name;
    if (fw.find_class(c.level)) {
      throw Error(yaml::where(item, origin),
                  "class level " + std::to_string(c.level) + " is defined twice");
    }
    fw.classes.push_back(std::move(c));
  }
  if (fw.classes.empty()) throw Error(yaml::where(node, origin), "'classes' is empty");
  std::sort(fw.classes.begin(), fw.classes.end(),
            [](const ClassDef& a, const ClassDef& b) { return a.level > b.level; });
}

void parse_components(const YAML::Node& node, Framework& fw, std::string_view origin) {
  if (!node) throw Error({std::string(origin), 0, 0}, "the definition has no 'components' list");
  yaml::require_seq(node, origin, "'components'");
  std::set<std::string> seen;
  for (const auto& item : node) {
    yaml::require_map(item, origin, "a component");
    check_keys(
        item,
        {"id", "name", "description", "type", "class", "required", "aliases", "may_be_included_in"},
        origin, "a component");
    ComponentDef c;
    c.id = yaml::optional_scalar(item["id"], origin, "'id'");
    c.name = yaml::optional_scalar(item["name"], origin, "'name'");
    if (c.id.empty() || c.name.empty()) {
      throw Error(yaml::where(item, origin), "a component needs an 'id' and a 'name'");
    }
    c.description = yaml::optional_scalar(item["description"], origin, "'description'");
    if (!item["type"])
      throw Error(yaml::where(item, origin), "component '" + c.id + "' needs a 'type'");
    std::string type = yaml::scalar(item["type"], origin, "'type'");
    auto parsed = parse_content_type(type);
    if (!parsed) {
      throw Error(yaml::where(item["type"], origin),
                  "'type' must be code, data or document, not '" + type + "'");
    }
    c.type = *parsed;
    if (!item["class"])
      throw Error(yaml::where(item, origin), "component '" + c.id + "' needs a 'class'");
    c.class_level = parse_level(item["class"], origin, "'class'");
    if (!fw.find_class(c.class_level)) {
      throw Error(yaml::where(item["class"], origin), "component '" + c.id + "' belongs to class " +
                                                          std::to_string(c.class_level) +
                                                          ", which 'classes' does not define");
    }
    c.required = item["required"] ? parse_bool(item["required"], origin, "'required'") : true;
    for (const char* key : {"aliases", "may_be_included_in"}) {
      if (!item[key]) continue;
      yaml::require_seq(item[key], origin, std::string("'") + key + "'");
      auto& out = std::string_view(key) == "aliases" ? c.aliases : c.may_be_included_in;
      for (const auto& a : item[key]) out.push_back(yaml::scalar(a, origin, key));
    }
    std::set<std::string> names{c.id, text::lower(c.name)};
    for (const auto& a : c.aliases) names.insert(text::lower(a));
    for (const std::string& name : names) {
      if (!seen.insert(name).second) {
        throw Error(yaml::where(item, origin),
                    "component name or id '" + name + "' is defined twice");
      }
    }
    fw.components.push_back(std::move(c));
  }
  if (fw.components.empty()) throw Error(yaml::where(node, origin), "'components' is empty");
  for (const auto& c : fw.components) {
    for (const auto& host : c.may_be_included_in) {
      if (fw.find_component(host) < 0) {
        throw Error({std::string(origin), 0, 0},
                    "component '" + c.id + "' may be included in unknown component '" + host + "'");
      }
    }
  }
}

void parse_substitutions(const YAML::Node& node, Framework& fw, std::string_view origin) {
  if (!node) return;
  yaml::require_seq(node, origin, "'substitutions'");
  for (const auto& item : node) {
    yaml::require_map(item, origin, "a substitution");
    check_keys(item, {"component", "substitute", "counts_in", "waived_in"}, origin,
               "a substitution");
    if (!item["component"] || !item["substitute"]) {
      throw Error(yaml::where(item, origin),
                  "a substitution needs a 'component' and a 'substitute'");
    }
    Substitution s;
    s.component = component_ref(item["component"], fw, origin, "'component'");
    s.substitute = component_ref(item["substitute"], fw, origin, "'substitute'");
    if (s.component == s.substitute) {
      throw Error(yaml::where(item, origin), "a component cannot substitute for itself");
    }
    s.counts_in = parse_levels(item["counts_in"], fw, origin, "'counts_in'");
    s.waived_in = parse_levels(item["waived_in"], fw, origin, "'waived_in'");
    fw.substitutions.push_back(std::move(s));
  }
}

}  // namespace

int Framework::find_component(std::string_view wanted) const {
  for (std::size_t i = 0; i < components.size(); ++i) {
    if (components[i].name == wanted) return static_cast<int>(i);
  }
  for (std::size_t i = 0; i < components.size(); ++i) {
    const auto& c = components[i];
    if (text::iequals(c.name, wanted) || c.id == wanted) return static_cast<int>(i);
    for (const auto& a : c.aliases) {
      if (text::iequals(a, wanted)) return static_cast<int>(i);
    }
  }
  return -1;
}

const ClassDef* Framework::find_class(int level) const {
  for (const auto& c : classes) {
    if (c.level == level) return &c;
  }
  return nullptr;
}

int Framework::lowest_level() const {
  return classes.empty() ? 0 : classes.back().level;
}
int Framework::highest_level() const {
  return classes.empty() ? 0 : classes.front().level;
}

std::string Framework::label(int level) const {
  const ClassDef* c = find_class(level);
  return c ? c->label : "Unclassified";
}

namespace {

Framework read_framework(const YAML::Node& root, std::string_view origin) {
  yaml::require_map(root, origin, "the definition");
  check_keys(root, {"framework", "classes", "components", "substitutions", "recommended_licenses"},
             origin, "the definition");
  Framework fw;
  fw.origin = std::string(origin);
  const YAML::Node meta = root["framework"];
  if (!meta) throw Error(yaml::where(root, origin), "the definition has no 'framework' section");
  yaml::require_map(meta, origin, "'framework'");
  fw.name = yaml::optional_scalar(meta["name"], origin, "'framework.name'");
  fw.version = yaml::optional_scalar(meta["version"], origin, "'framework.version'");
  fw.date = yaml::optional_scalar(meta["date"], origin, "'framework.date'");
  if (fw.name.empty() || fw.version.empty()) {
    throw Error(yaml::where(meta, origin), "'framework' needs a 'name' and a 'version'");
  }
  parse_classes(root["classes"], fw, origin);
  parse_components(root["components"], fw, origin);
  parse_substitutions(root["substitutions"], fw, origin);
  if (const YAML::Node rec = root["recommended_licenses"]) {
    yaml::require_map(rec, origin, "'recommended_licenses'");
    for (const auto& kv : rec) {
      std::string type = yaml::scalar(kv.first, origin, "a content type");
      auto parsed = parse_content_type(type);
      if (!parsed) {
        throw Error(
            yaml::where(kv.first, origin),
            "'recommended_licenses' keys must be code, data or document, not '" + type + "'");
      }
      yaml::require_seq(kv.second, origin, "'recommended_licenses." + type + "'");
      auto& out = fw.recommended_licenses[static_cast<std::size_t>(*parsed)];
      for (const auto& id : kv.second) out.push_back(yaml::scalar(id, origin, "a license id"));
    }
  }
  return fw;
}

}  // namespace

Framework parse_framework(std::string_view yaml_text, std::string_view origin) {
  return read_framework(yaml::load(yaml_text, origin), origin);
}

}  // namespace mofcheck
