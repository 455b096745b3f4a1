// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/framework.hpp>

#include <algorithm>
#include <set>

#include "syntax/doc_access.hpp"
#include "util/known_keys.hpp"
#include "util/text_util.hpp"

namespace mofcheck {

namespace {

const char* roman_numeral(int level) {
  static const char* const numerals[] = {"0", "I",  "II",  "III",  "IV",
                                         "V", "VI", "VII", "VIII", "IX"};
  return level >= 0 && level <= 9 ? numerals[level] : "?";
}

using doc::Node;

// A definition nests a few levels; its longest strings are descriptions.
constexpr int kDefinitionDepth = 64;
constexpr std::size_t kDefinitionString = 1u << 20;

int parse_level(const Node& node, std::string_view origin, std::string_view what) {
  const std::string& text = doc::scalar(node, origin, what);
  if (text.size() != 1 || text[0] < '1' || text[0] > '9') {
    throw Error(doc::where(node, origin),
                std::string(what) + " must be a class level from 1 to 9, not '" + text + "'");
  }
  return text[0] - '0';
}

bool parse_bool(const Node& node, std::string_view origin, std::string_view what) {
  const std::string& text = doc::scalar(node, origin, what);
  if (text == "true") return true;
  if (text == "false") return false;
  throw Error(doc::where(node, origin),
              std::string(what) + " must be true or false, not '" + text + "'");
}

std::vector<int> parse_levels(const Node* node, const Framework& fw, std::string_view origin,
                              std::string_view what) {
  std::vector<int> levels;
  if (!node) return levels;
  doc::require_seq(*node, origin, what);
  for (const auto& item : node->items) {
    int level = parse_level(item, origin, what);
    if (!fw.find_class(level)) {
      throw Error(doc::where(item, origin), std::string(what) + " names class " +
                                                std::to_string(level) +
                                                ", which the definition does not define");
    }
    levels.push_back(level);
  }
  return levels;
}

std::size_t component_ref(const Node& node, const Framework& fw, std::string_view origin,
                          std::string_view what) {
  const std::string& ref = doc::scalar(node, origin, what);
  for (std::size_t i = 0; i < fw.components.size(); ++i) {
    if (fw.components[i].id == ref || fw.components[i].name == ref) return i;
  }
  throw Error(doc::where(node, origin),
              std::string(what) + " names unknown component '" + ref + "'; use a component id");
}

void check_keys(const Node& map, std::initializer_list<std::string_view> allowed,
                std::string_view origin, std::string_view what) {
  mofcheck::check_keys(
      map.members, allowed, [](const auto& kv) { return kv.first; },
      [&](std::size_t i, const auto&, const std::string& key, const std::string& list) {
        throw Error(
            doc::key_where(map, i, origin),
            "unknown key '" + key + "' in " + std::string(what) + " (allowed: " + list + ")");
      });
}

void parse_classes(const Node* node, Framework& fw, std::string_view origin) {
  if (!node) throw Error({std::string(origin), 0, 0}, "the definition has no 'classes' list");
  doc::require_seq(*node, origin, "'classes'");
  for (const auto& item : node->items) {
    doc::require_map(item, origin, "a class");
    check_keys(item, {"level", "name", "label"}, origin, "a class");
    ClassDef c;
    if (!item.get("level")) throw Error(doc::where(item, origin), "a class needs a 'level'");
    c.level = parse_level(*item.get("level"), origin, "'level'");
    c.name = doc::optional_scalar(item.get("name"), origin, "'name'");
    c.roman = roman_numeral(c.level);
    c.label = doc::optional_scalar(item.get("label"), origin, "'label'");
    if (c.label.empty()) c.label = "Class " + c.roman + " - " + c.name;
    if (fw.find_class(c.level)) {
      throw Error(doc::where(item, origin),
                  "class level " + std::to_string(c.level) + " is defined twice");
    }
    fw.classes.push_back(std::move(c));
  }
  if (fw.classes.empty()) throw Error(doc::where(*node, origin), "'classes' is empty");
  std::sort(fw.classes.begin(), fw.classes.end(),
            [](const ClassDef& a, const ClassDef& b) { return a.level > b.level; });
}

void parse_components(const Node* node, Framework& fw, std::string_view origin) {
  if (!node) throw Error({std::string(origin), 0, 0}, "the definition has no 'components' list");
  doc::require_seq(*node, origin, "'components'");
  std::set<std::string> seen;
  for (const auto& item : node->items) {
    doc::require_map(item, origin, "a component");
    check_keys(
        item,
        {"id", "name", "description", "type", "class", "required", "aliases", "may_be_included_in"},
        origin, "a component");
    ComponentDef c;
    c.id = doc::optional_scalar(item.get("id"), origin, "'id'");
    c.name = doc::optional_scalar(item.get("name"), origin, "'name'");
    if (c.id.empty() || c.name.empty()) {
      throw Error(doc::where(item, origin), "a component needs an 'id' and a 'name'");
    }
    c.description = doc::optional_scalar(item.get("description"), origin, "'description'");
    if (!item.get("type"))
      throw Error(doc::where(item, origin), "component '" + c.id + "' needs a 'type'");
    const std::string& type = doc::scalar(*item.get("type"), origin, "'type'");
    auto parsed = parse_content_type(type);
    if (!parsed) {
      throw Error(doc::where(*item.get("type"), origin),
                  "'type' must be code, data or document, not '" + type + "'");
    }
    c.type = *parsed;
    if (!item.get("class"))
      throw Error(doc::where(item, origin), "component '" + c.id + "' needs a 'class'");
    c.class_level = parse_level(*item.get("class"), origin, "'class'");
    if (!fw.find_class(c.class_level)) {
      throw Error(doc::where(*item.get("class"), origin),
                  "component '" + c.id + "' belongs to class " + std::to_string(c.class_level) +
                      ", which 'classes' does not define");
    }
    const Node* required = item.get("required");
    c.required = required ? parse_bool(*required, origin, "'required'") : true;
    for (const char* key : {"aliases", "may_be_included_in"}) {
      const Node* list = item.get(key);
      if (!list) continue;
      doc::require_seq(*list, origin, std::string("'") + key + "'");
      auto& out = std::string_view(key) == "aliases" ? c.aliases : c.may_be_included_in;
      for (const auto& a : list->items) out.push_back(doc::scalar(a, origin, key));
    }
    std::set<std::string> names{c.id, text::lower(c.name)};
    for (const auto& a : c.aliases) names.insert(text::lower(a));
    for (const std::string& name : names) {
      if (!seen.insert(name).second) {
        throw Error(doc::where(item, origin),
                    "component name or id '" + name + "' is defined twice");
      }
    }
    fw.components.push_back(std::move(c));
  }
  if (fw.components.empty()) throw Error(doc::where(*node, origin), "'components' is empty");
  for (const auto& c : fw.components) {
    for (const auto& host : c.may_be_included_in) {
      if (fw.find_component(host) < 0) {
        throw Error({std::string(origin), 0, 0},
                    "component '" + c.id + "' may be included in unknown component '" + host + "'");
      }
    }
  }
}

void parse_substitutions(const Node* node, Framework& fw, std::string_view origin) {
  if (!node) return;
  doc::require_seq(*node, origin, "'substitutions'");
  for (const auto& item : node->items) {
    doc::require_map(item, origin, "a substitution");
    check_keys(item, {"component", "substitute", "counts_in", "waived_in"}, origin,
               "a substitution");
    if (!item.get("component") || !item.get("substitute")) {
      throw Error(doc::where(item, origin),
                  "a substitution needs a 'component' and a 'substitute'");
    }
    Substitution s;
    s.component = component_ref(*item.get("component"), fw, origin, "'component'");
    s.substitute = component_ref(*item.get("substitute"), fw, origin, "'substitute'");
    if (s.component == s.substitute) {
      throw Error(doc::where(item, origin), "a component cannot substitute for itself");
    }
    s.counts_in = parse_levels(item.get("counts_in"), fw, origin, "'counts_in'");
    s.waived_in = parse_levels(item.get("waived_in"), fw, origin, "'waived_in'");
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

Framework read_framework(const Node& root, std::string_view origin) {
  doc::require_map(root, origin, "the definition");
  check_keys(root, {"framework", "classes", "components", "substitutions", "recommended_licenses"},
             origin, "the definition");
  Framework fw;
  fw.origin = std::string(origin);
  const Node* meta = root.get("framework");
  if (!meta) throw Error(doc::where(root, origin), "the definition has no 'framework' section");
  doc::require_map(*meta, origin, "'framework'");
  fw.name = doc::optional_scalar(meta->get("name"), origin, "'framework.name'");
  fw.version = doc::optional_scalar(meta->get("version"), origin, "'framework.version'");
  fw.date = doc::optional_scalar(meta->get("date"), origin, "'framework.date'");
  if (fw.name.empty() || fw.version.empty()) {
    throw Error(doc::where(*meta, origin), "'framework' needs a 'name' and a 'version'");
  }
  parse_classes(root.get("classes"), fw, origin);
  parse_components(root.get("components"), fw, origin);
  parse_substitutions(root.get("substitutions"), fw, origin);
  if (const Node* rec = root.get("recommended_licenses")) {
    doc::require_map(*rec, origin, "'recommended_licenses'");
    for (std::size_t i = 0; i < rec->members.size(); ++i) {
      const auto& [type, list] = rec->members[i];
      auto parsed = parse_content_type(type);
      if (!parsed) {
        throw Error(
            doc::key_where(*rec, i, origin),
            "'recommended_licenses' keys must be code, data or document, not '" + type + "'");
      }
      doc::require_seq(list, origin, "'recommended_licenses." + type + "'");
      auto& out = fw.recommended_licenses[static_cast<std::size_t>(*parsed)];
      for (const auto& id : list.items) out.push_back(doc::scalar(id, origin, "a license id"));
    }
  }
  return fw;
}

}  // namespace

Framework parse_framework(std::string_view yaml_text, std::string_view origin) {
  return read_framework(doc::parse_yaml(yaml_text, origin, kDefinitionDepth, kDefinitionString),
                        origin);
}

}  // namespace mofcheck
