// SPDX-License-Identifier: Apache-2.0
// The scanner's rules (data/scan-rules.yaml) into plain structs.
#include <mofcheck/scan.hpp>

#include "syntax/yaml_reader.hpp"
#include "util/embedded_data.hpp"
#include "util/known_keys.hpp"

namespace mofcheck {

namespace {

class RuleReader {
 public:
  explicit RuleReader(std::string_view origin) : origin_(origin) {}

  std::vector<std::string> list(const YAML::Node& n, const std::string& what) {
    std::vector<std::string> out;
    if (!n || n.IsNull()) return out;
    yaml::require_seq(n, origin_, what);
    for (const auto& item : n) out.push_back(yaml::scalar(item, origin_, what));
    return out;
  }

  // A mapping of key -> list of words, in written order.
  std::vector<KeywordRule> keywords(const YAML::Node& n, const std::string& what) {
    std::vector<KeywordRule> out;
    if (!n || n.IsNull()) return out;
    yaml::require_map(n, origin_, what);
    for (const auto& kv : n) {
      std::string key = yaml::scalar(kv.first, origin_, what);
      out.push_back({key, list(kv.second, what + "." + key)});
    }
    return out;
  }

  void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed,
                  const std::string& what) {
    mofcheck::check_keys(
        map, allowed, [&](const auto& kv) { return yaml::scalar(kv.first, origin_, what); },
        [&](std::size_t, const auto& kv, const std::string& key, const std::string&) {
          throw Error(yaml::where(kv.first, origin_), "unknown key '" + key + "' in " + what);
        });
  }

  ScanRules read(const YAML::Node& root) {
    yaml::require_map(root, origin_, "the scan rules");
    check_keys(
        root,
        {"format", "skip_dirs", "license_files", "license_type_hints", "model_card",
         "card_sections", "arxiv", "model_index", "architecture", "model_types", "components"},
        "the scan rules");
    ScanRules r;
    r.skip_dirs = list(root["skip_dirs"], "'skip_dirs'");
    r.license_files = list(root["license_files"], "'license_files'");
    r.license_type_hints = keywords(root["license_type_hints"], "'license_type_hints'");
    for (const auto& h : r.license_type_hints) {
      if (!parse_content_type(h.component)) {
        throw Error(
            yaml::where(root["license_type_hints"], origin_),
            "'license_type_hints' keys are code, data or document, not '" + h.component + "'");
      }
    }
    if (const YAML::Node card = root["model_card"]) {
      yaml::require_map(card, origin_, "'model_card'");
      check_keys(card, {"component", "files"}, "'model_card'");
      r.model_card = yaml::optional_scalar(card["component"], origin_, "'model_card.component'");
      r.model_card_files = list(card["files"], "'model_card.files'");
    }
    r.card_sections = keywords(root["card_sections"], "'card_sections'");
    if (const YAML::Node arxiv = root["arxiv"]) {
      yaml::require_map(arxiv, origin_, "'arxiv'");
      for (const auto& kv : arxiv) {
        std::string key = yaml::scalar(kv.first, origin_, "'arxiv'");
        if (key == "other") {
          r.arxiv_other = yaml::scalar(kv.second, origin_, "'arxiv.other'");
        } else {
          r.arxiv.push_back({key, list(kv.second, "'arxiv." + key + "'")});
        }
      }
    }
    r.model_index = yaml::optional_scalar(root["model_index"], origin_, "'model_index'");
    r.architecture = yaml::optional_scalar(root["architecture"], origin_, "'architecture'");
    r.model_types = keywords(root["model_types"], "'model_types'");
    if (const YAML::Node comps = root["components"]) {
      yaml::require_map(comps, origin_, "'components'");
      for (const auto& kv : comps) {
        ComponentRule c;
        c.component = yaml::scalar(kv.first, origin_, "'components'");
        const std::string what = "'components." + c.component + "'";
        yaml::require_map(kv.second, origin_, what);
        check_keys(kv.second, {"note", "guess", "files", "dirs", "paths", "not_under", "not_files"},
                   what);
        c.note = yaml::optional_scalar(kv.second["note"], origin_, what + ".note");
        if (const YAML::Node g = kv.second["guess"]) {
          std::string v = yaml::scalar(g, origin_, what + ".guess");
          if (v != "true" && v != "false") {
            throw Error(yaml::where(g, origin_), what + ".guess must be true or false");
          }
          c.guess = v == "true";
        }
        c.files = list(kv.second["files"], what + ".files");
        c.dirs = list(kv.second["dirs"], what + ".dirs");
        c.paths = list(kv.second["paths"], what + ".paths");
        c.not_under = list(kv.second["not_under"], what + ".not_under");
        c.not_files = list(kv.second["not_files"], what + ".not_files");
        r.components.push_back(std::move(c));
      }
    }
    return r;
  }

 private:
  std::string_view origin_;
};

}  // namespace

ScanRules ScanRules::parse(std::string_view yaml_text, std::string_view origin) {
  return RuleReader(origin).read(yaml::load(yaml_text, origin));
}

const ScanRules& ScanRules::builtin() {
  static const ScanRules rules = parse(embedded::scan_rules_yaml(), "<builtin>/scan-rules.yaml");
  return rules;
}

}  // namespace mofcheck
