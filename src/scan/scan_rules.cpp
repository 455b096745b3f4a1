// SPDX-License-Identifier: Apache-2.0
// The scanner's rules (data/scan-rules.yaml) into plain structs.
#include <mofcheck/scan.hpp>

#include "syntax/doc_access.hpp"
#include "util/embedded_data.hpp"
#include "util/known_keys.hpp"

namespace mofcheck {

namespace {

using doc::Node;

class RuleReader {
 public:
  explicit RuleReader(std::string_view origin) : origin_(origin) {}

  std::vector<std::string> list(const Node* n, const std::string& what) {
    std::vector<std::string> out;
    if (!n || n->kind == Node::Kind::null) return out;
    doc::require_seq(*n, origin_, what);
    out.reserve(n->items.size());
    for (const auto& item : n->items) out.push_back(doc::scalar(item, origin_, what));
    return out;
  }

  // A mapping of key -> list of words, in written order.
  std::vector<KeywordRule> keywords(const Node* n, const std::string& what) {
    std::vector<KeywordRule> out;
    if (!n || n->kind == Node::Kind::null) return out;
    doc::require_map(*n, origin_, what);
    for (const auto& [key, value] : n->members)
      out.push_back({key, list(&value, what + "." + key)});
    return out;
  }

  void check_keys(const Node& map, std::initializer_list<std::string_view> allowed,
                  const std::string& what) {
    mofcheck::check_keys(
        map.members, allowed, [](const auto& kv) { return kv.first; },
        [&](std::size_t i, const auto&, const std::string& key, const std::string&) {
          throw Error(doc::key_where(map, i, origin_), "unknown key '" + key + "' in " + what);
        });
  }

  ScanRules read(const Node& root) {
    doc::require_map(root, origin_, "the scan rules");
    check_keys(
        root,
        {"format", "skip_dirs", "license_files", "license_type_hints", "model_card",
         "card_sections", "arxiv", "model_index", "architecture", "model_types", "components"},
        "the scan rules");
    ScanRules r;
    r.skip_dirs = list(root.get("skip_dirs"), "'skip_dirs'");
    r.license_files = list(root.get("license_files"), "'license_files'");
    r.license_type_hints = keywords(root.get("license_type_hints"), "'license_type_hints'");
    for (const auto& h : r.license_type_hints) {
      if (!parse_content_type(h.component)) {
        throw Error(
            doc::where(*root.get("license_type_hints"), origin_),
            "'license_type_hints' keys are code, data or document, not '" + h.component + "'");
      }
    }
    if (const Node* card = root.get("model_card")) {
      doc::require_map(*card, origin_, "'model_card'");
      check_keys(*card, {"component", "files"}, "'model_card'");
      r.model_card =
          doc::optional_scalar(card->get("component"), origin_, "'model_card.component'");
      r.model_card_files = list(card->get("files"), "'model_card.files'");
    }
    r.card_sections = keywords(root.get("card_sections"), "'card_sections'");
    if (const Node* arxiv = root.get("arxiv")) {
      doc::require_map(*arxiv, origin_, "'arxiv'");
      for (const auto& [key, value] : arxiv->members) {
        if (key == "other") {
          r.arxiv_other = doc::scalar(value, origin_, "'arxiv.other'");
        } else {
          r.arxiv.push_back({key, list(&value, "'arxiv." + key + "'")});
        }
      }
    }
    r.model_index = doc::optional_scalar(root.get("model_index"), origin_, "'model_index'");
    r.architecture = doc::optional_scalar(root.get("architecture"), origin_, "'architecture'");
    r.model_types = keywords(root.get("model_types"), "'model_types'");
    if (const Node* comps = root.get("components")) {
      doc::require_map(*comps, origin_, "'components'");
      for (const auto& [id, value] : comps->members) {
        ComponentRule c;
        c.component = id;
        const std::string what = "'components." + c.component + "'";
        doc::require_map(value, origin_, what);
        check_keys(value, {"note", "guess", "files", "dirs", "paths", "not_under", "not_files"},
                   what);
        c.note = doc::optional_scalar(value.get("note"), origin_, what + ".note");
        if (const Node* g = value.get("guess")) {
          const std::string& v = doc::scalar(*g, origin_, what + ".guess");
          if (v != "true" && v != "false") {
            throw Error(doc::where(*g, origin_), what + ".guess must be true or false");
          }
          c.guess = v == "true";
        }
        c.files = list(value.get("files"), what + ".files");
        c.dirs = list(value.get("dirs"), what + ".dirs");
        c.paths = list(value.get("paths"), what + ".paths");
        c.not_under = list(value.get("not_under"), what + ".not_under");
        c.not_files = list(value.get("not_files"), what + ".not_files");
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
  // Scan rules nest a few levels and hold short patterns.
  return RuleReader(origin).read(doc::parse_yaml(yaml_text, origin, 64, 1u << 16));
}

const ScanRules& ScanRules::builtin() {
  static const ScanRules rules = parse(embedded::scan_rules_yaml(), "<builtin>/scan-rules.yaml");
  return rules;
}

}  // namespace mofcheck
