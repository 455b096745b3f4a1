// SPDX-License-Identifier: Apache-2.0
// mof-check scan: a checkout's files, license files and model card into a
// draft manifest. Which names show which component is data (ScanRules).
#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include <mofcheck/scan.hpp>

#include "scan/model_card.hpp"
#include "util/path_within.hpp"
#include "util/text_util.hpp"

namespace mofcheck {

namespace fs = std::filesystem;

namespace {

struct Entry {
  std::string rel;   ///< generic relative path
  std::string name;  ///< last part
  bool dir = false;
  bool outside = false;  ///< a symbolic link that leaves the root: never read
};

struct LicenseFile {
  std::string rel;
  std::string dir;  ///< folder it governs, "" for the root
  const LicenseTextRule* rule = nullptr;
  std::optional<ContentType> type;  ///< from a root file name such as LICENSE-CODE
};

struct Found {
  std::vector<std::string> paths;  ///< sorted
  std::vector<bool> dirs;
  const ComponentRule* rule = nullptr;
};

bool glob(const std::string& pattern, const std::string& text) {
  return fnmatch(pattern.c_str(), text.c_str(), FNM_CASEFOLD) == 0;
}

bool any_glob(const std::vector<std::string>& patterns, const std::string& text) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return glob(p, text); });
}

std::vector<std::string> parent_dirs(const std::string& rel) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t slash; (slash = rel.find('/', start)) != std::string::npos; start = slash + 1) {
    parts.push_back(rel.substr(start, slash - start));
  }
  return parts;
}

std::string parent_of(const std::string& rel) {
  auto slash = rel.rfind('/');
  return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

bool has_words(const std::string& haystack_text, const std::string& word) {
  return padded_words(haystack_text).find(padded_words(word)) != std::string::npos;
}

std::string read_text(const fs::path& p, std::size_t max_bytes) {
  std::ifstream in(p, std::ios::binary);
  std::string data(max_bytes, '\0');
  in.read(data.data(), static_cast<std::streamsize>(max_bytes));
  data.resize(static_cast<std::size_t>(in.gcount()));
  return data;
}

class Scanner {
 public:
  Scanner(const std::string& root, const Framework& fw, const LicenseDb& db, const ScanRules& rules,
          const LicenseTexts& texts, const ScanLimits& limits)
      : root_(root), fw_(fw), db_(db), rules_(rules), texts_(texts), limits_(limits) {}

  ScanResult run() {
    std::error_code ec;
    if (!fs::is_directory(root_, ec)) {
      throw Error({root_, 0, 0}, "is not a folder; give the checkout of a model repository");
    }
    canonical_root_ = fs::canonical(root_, ec);
    if (ec) throw Error({root_, 0, 0}, "cannot read: " + ec.message());
    walk();
    draft_release();
    find_licenses();
    match_component_rules();
    read_model_card();
    read_config();
    assign_globals();
    build_components();
    result_.notes.insert(result_.notes.begin(), release_notes_.begin(), release_notes_.end());
    return std::move(result_);
  }

 private:
  void walk() {
    std::error_code ec;
    fs::recursive_directory_iterator it(root_, fs::directory_options::skip_permission_denied, ec);
    if (ec) throw Error({root_, 0, 0}, "cannot read: " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (++result_.entries_seen > limits_.max_entries) {
        result_.truncated = true;
        release_notes_.push_back({"", "",
                                  "stopped after " + std::to_string(limits_.max_entries) +
                                      " files and folders; the draft may miss components",
                                  false});
        break;
      }
      const fs::directory_entry& e = *it;
      Entry entry;
      entry.name = e.path().filename().string();
      entry.rel = e.path().lexically_relative(root_).generic_string();
      std::error_code sec;
      if (e.is_symlink(sec)) {
        fs::path target = fs::canonical(e.path(), sec);
        entry.outside = sec || !path_within(canonical_root_, target);
        entry.dir = !sec && fs::is_directory(target, sec);
      } else {
        entry.dir = e.is_directory(sec);
      }
      if (entry.dir && any_glob(rules_.skip_dirs, entry.name)) {
        it.disable_recursion_pending();
        continue;
      }
      if (entry.dir && it.depth() + 1 >= limits_.max_depth) {
        it.disable_recursion_pending();
        if (!depth_noted_) {
          release_notes_.push_back({"", entry.rel,
                                    "folders deeper than " + std::to_string(limits_.max_depth) +
                                        " levels are not looked into",
                                    false});
          depth_noted_ = true;
        }
      }
      entries_.push_back(std::move(entry));
    }
    if (ec) {
      release_notes_.push_back({"", "", "the walk stopped early: " + ec.message(), false});
      result_.truncated = true;
    }
    // Directory order differs between file systems; the draft must not.
    std::sort(entries_.begin(), entries_.end(),
              [](const Entry& a, const Entry& b) { return a.rel < b.rel; });
  }

  void draft_release() {
    Draft& d = result_.draft;
    d.framework_name = fw_.name;
    d.framework_version = fw_.version;
    d.framework_date = fw_.date;
    d.name = canonical_root_.filename().string();
    name_is_guess_ = true;
  }

  int component_index(const std::string& id) const {
    for (std::size_t i = 0; i < fw_.components.size(); ++i) {
      if (fw_.components[i].id == id) return static_cast<int>(i);
    }
    return -1;
  }

  std::optional<ContentType> type_hint(const std::string& file_name) const {
    // The part after LICENSE / COPYING: "LICENSE-MODEL.md" -> "model md".
    std::string words = normalize_license_text(file_name);
    auto space = words.find(' ');
    if (space == std::string::npos) return std::nullopt;
    words = words.substr(space);
    for (const auto& hint : rules_.license_type_hints) {
      for (const auto& w : hint.words) {
        if (has_words(words, w)) return parse_content_type(hint.component);
      }
    }
    return std::nullopt;
  }

  void find_licenses() {
    for (const auto& e : entries_) {
      if (e.dir || !any_glob(rules_.license_files, e.name)) continue;
      LicenseFile lf;
      lf.rel = e.rel;
      lf.dir = parent_of(e.rel);
      if (lf.dir.empty()) lf.type = type_hint(e.name);
      if (e.outside) {
        release_notes_.push_back(
            {"", e.rel, "a symbolic link out of the checkout: not read", false});
      } else {
        lf.rule = texts_.identify(read_text(root_ / e.rel, limits_.max_text_bytes));
        std::string text = lf.rule ? "license text of " + lf.rule->license
                                   : "license text not recognised; write its license by hand";
        if (lf.rule && !lf.rule->note.empty()) text += " (" + lf.rule->note + ")";
        release_notes_.push_back({"", e.rel, text, false});
      }
      licenses_.push_back(std::move(lf));
    }
  }

  bool excluded(const ComponentRule& rule, const std::string& rel) const {
    for (const auto& part : parent_dirs(rel)) {
      if (any_glob(rule.not_under, part)) return true;
    }
    return false;
  }

  void match_component_rules() {
    for (const auto& rule : rules_.components) {
      int idx = component_index(rule.component);
      if (idx < 0) continue;  // the loaded definition has no such component
      Found f;
      f.rule = &rule;
      std::vector<std::string> matched_dirs;
      for (const auto& e : entries_) {
        if (is_license_file(e) || excluded(rule, e.rel)) continue;
        // Nothing inside a folder that already matched counts again.
        bool under_match =
            std::any_of(matched_dirs.begin(), matched_dirs.end(),
                        [&](const std::string& d) { return e.rel.rfind(d + "/", 0) == 0; });
        if (under_match) continue;
        bool hit = e.dir ? any_glob(rule.dirs, e.name)
                         : any_glob(rule.files, e.name) && !any_glob(rule.not_files, e.name);
        hit = hit || any_glob(rule.paths, e.rel);
        if (!hit) continue;
        if (e.dir) matched_dirs.push_back(e.rel);
        f.paths.push_back(e.rel);
        f.dirs.push_back(e.dir);
      }
      if (!f.paths.empty()) found_[static_cast<std::size_t>(idx)] = std::move(f);
    }
  }

  bool is_license_file(const Entry& e) const {
    return !e.dir && any_glob(rules_.license_files, e.name);
  }

  void add_note(int idx, const std::string& path, const std::string& text, bool guess) {
    notes_[static_cast<std::size_t>(idx)].push_back(
        {fw_.components[static_cast<std::size_t>(idx)].name, path, text, guess});
  }

  // A component shown inside the model card, when the definition allows it.
  void include_in_card(int idx, const std::string& evidence, bool guess) {
    const auto i = static_cast<std::size_t>(idx);
    if (found_.count(i) || card_index_ < 0) return;
    if (included_.count(i)) {
      add_note(idx, card_path_, evidence, guess);
      return;
    }
    const ComponentDef& def = fw_.components[i];
    const std::string& host = fw_.components[static_cast<std::size_t>(card_index_)].name;
    bool allowed =
        std::any_of(def.may_be_included_in.begin(), def.may_be_included_in.end(),
                    [&](const std::string& h) { return fw_.find_component(h) == card_index_; });
    if (!allowed) {
      release_notes_.push_back({"", card_path_,
                                evidence + ", but the framework does not let " + def.name +
                                    " be included in the " + host + "; publish it separately",
                                true});
      return;
    }
    included_[i] = host;
    add_note(idx, card_path_, evidence, guess);
  }

  void read_model_card() {
    card_index_ = component_index(rules_.model_card);
    for (const auto& file : rules_.model_card_files) {
      for (const auto& e : entries_) {
        if (e.dir || e.outside || e.rel.find('/') != std::string::npos) continue;
        if (!text::iequals(e.name, file)) continue;
        card_path_ = e.rel;
        break;
      }
      if (!card_path_.empty()) break;
    }
    if (card_path_.empty()) return;
    ModelCard card = parse_model_card(read_text(root_ / card_path_, limits_.max_text_bytes));
    card_ = card;
    if (card_index_ >= 0) {
      Found f;
      f.paths = {card_path_};
      f.dirs = {false};
      found_[static_cast<std::size_t>(card_index_)] = f;
      std::string sections;
      for (const auto& rule : rules_.card_sections) {
        if (rule.component != rules_.model_card) continue;
        for (const auto& h : card.headings) {
          if (std::any_of(rule.words.begin(), rule.words.end(),
                          [&](const std::string& w) { return has_words(h.text, w); })) {
            sections += (sections.empty() ? "" : ", ") + h.text;
          }
        }
      }
      add_note(card_index_, card_path_,
               card.has_front_matter ? "model card with front matter"
                                     : "README without model card front matter",
               !card.has_front_matter);
      if (!sections.empty()) add_note(card_index_, card_path_, "sections: " + sections, false);
    }
    if (!card.front_matter_error.empty()) {
      release_notes_.push_back({"", card_path_, card.front_matter_error, false});
    }
    if (!card.model_name.empty()) {
      result_.draft.name = card.model_name;
      name_is_guess_ = false;
    }
    if (!card.base_model.empty()) result_.draft.origin = card.base_model.front();
    for (const auto& t : rules_.model_types) {
      if (!card.pipeline_tag.empty() &&
          std::find(t.words.begin(), t.words.end(), card.pipeline_tag) != t.words.end()) {
        result_.draft.type = t.component;
      }
    }
    // Sections that show a component published inside the card.
    for (const auto& rule : rules_.card_sections) {
      int idx = component_index(rule.component);
      if (idx < 0 || rule.component == rules_.model_card) continue;
      for (const auto& h : card.headings) {
        bool hit = std::any_of(rule.words.begin(), rule.words.end(),
                               [&](const std::string& w) { return has_words(h.text, w); });
        if (!hit) continue;
        include_in_card(idx, "section '" + h.text + "' (line " + std::to_string(h.line) + ")",
                        true);
        break;
      }
    }
    if (card.model_index_results > 0) {
      int idx = component_index(rules_.model_index);
      if (idx >= 0) {
        include_in_card(idx,
                        "model-index in the front matter lists " +
                            std::to_string(card.model_index_results) + " result(s)",
                        false);
      }
    }
    for (const auto& link : card.arxiv) {
      std::string id = rules_.arxiv_other;
      for (const auto& r : rules_.arxiv) {
        if (std::any_of(r.words.begin(), r.words.end(),
                        [&](const std::string& w) { return has_words(link.line_text, w); })) {
          id = r.component;
          break;
        }
      }
      int idx = component_index(id);
      if (idx < 0) continue;
      const auto i = static_cast<std::size_t>(idx);
      if (found_.count(i) || urls_.count(i)) {
        add_note(idx, card_path_,
                 "also linked: " + link.url + " (line " + std::to_string(link.line) + ")", true);
        continue;
      }
      urls_[i] = link.url;
      add_note(idx, card_path_,
               "arXiv link on line " + std::to_string(link.line) +
                   "; arXiv papers carry their own license: check it",
               true);
    }
    if (!card.datasets.empty()) {
      std::string list;
      for (const auto& d : card.datasets) list += (list.empty() ? "" : ", ") + d;
      release_notes_.push_back({"", card_path_,
                                "the front matter names datasets (" + list +
                                    "); list them with their own paths and licenses where "
                                    "they are published",
                                false});
    }
  }

  void read_config() {
    for (const auto& e : entries_) {
      if (e.dir || e.outside || e.rel != "config.json") continue;
      try {
        auto j = nlohmann::json::parse(read_text(root_ / e.rel, limits_.max_text_bytes));
        if (j.is_object() && j.contains("architectures") && j["architectures"].is_array() &&
            !j["architectures"].empty() && j["architectures"][0].is_string()) {
          result_.draft.architecture = j["architectures"][0].get<std::string>();
        } else if (j.is_object() && j.contains("model_type") && j["model_type"].is_string()) {
          result_.draft.architecture = j["model_type"].get<std::string>();
        }
      } catch (const nlohmann::json::exception&) {
        release_notes_.push_back(
            {"", e.rel, "not valid JSON; its architecture is not read", false});
      }
    }
  }

  // The license a manifest should write for a recognised text or a card id.
  std::string license_name(const std::string& written) const {
    LicenseAssessment a = db_.assess(written, ContentType::code);
    return a.canonical.empty() ? written : a.canonical;
  }

  void assign_globals() {
    Draft& d = result_.draft;
    for (const auto& lf : licenses_) {
      if (!lf.dir.empty()) continue;
      DraftLicense* slot = &d.distribution;
      if (lf.type) {
        slot = *lf.type == ContentType::code   ? &d.code
               : *lf.type == ContentType::data ? &d.data
                                               : &d.document;
      }
      // The first recognised file of each kind wins; an unrecognised one
      // is kept (with an empty name) only when nothing else fills the slot.
      if (slot->present && (!slot->name.empty() || !lf.rule)) continue;
      slot->present = true;
      slot->name = lf.rule ? license_name(lf.rule->license) : "";
      slot->path = lf.rel;
    }
    if (!card_) return;
    std::string card_license = card_->license;
    if (text::iequals(card_license, "other")) card_license = card_->license_name;
    if (card_license.empty()) return;
    const std::string name = license_name(card_license);
    if (!d.distribution.present || d.distribution.name.empty()) {
      d.distribution.present = true;
      d.distribution.name = name;
      if (d.distribution.path.empty()) d.distribution.path = card_->license_link;
      release_notes_.push_back(
          {"", card_path_,
           "repository license '" + card_license + "' from the model card front matter", false});
    } else if (!text::iequals(d.distribution.name, name)) {
      release_notes_.push_back({"", card_path_,
                                "the model card front matter says license '" + card_license +
                                    "' but " + d.distribution.path + " reads as " +
                                    d.distribution.name + "; settle which one applies",
                                false});
    }
  }

  // The path a manifest entry gives for the matches of one component.
  static std::string representative(const Found& f, std::string& more) {
    more.clear();
    for (std::size_t i = 0; i < f.paths.size(); ++i) {
      if (f.dirs[i] && f.paths.size() == 1) return f.paths[i] + "/";
    }
    std::string common = parent_of(f.paths.front());
    bool same = std::all_of(f.paths.begin(), f.paths.end(),
                            [&](const std::string& p) { return parent_of(p) == common; });
    if (f.paths.size() > 1 && same && !common.empty()) {
      more = std::to_string(f.paths.size()) + " entries";
      return common + "/";
    }
    if (f.paths.size() > 1) more = "and " + std::to_string(f.paths.size() - 1) + " more";
    return f.paths.front() + (f.dirs.front() ? "/" : "");
  }

  const LicenseFile* folder_license(const std::string& rel) const {
    const LicenseFile* best = nullptr;
    for (const auto& lf : licenses_) {
      if (lf.dir.empty() || !lf.rule) continue;
      if (rel.rfind(lf.dir + "/", 0) != 0 && rel != lf.dir) continue;
      if (!best || lf.dir.size() > best->dir.size()) best = &lf;
    }
    return best;
  }

  void build_components() {
    Draft& d = result_.draft;
    int arch = component_index(rules_.architecture);
    if (arch >= 0 && !d.architecture.empty() && !found_.count(static_cast<std::size_t>(arch))) {
      release_notes_.push_back(
          {"", "config.json",
           "names the architecture " + d.architecture +
               ", whose code this checkout does not hold; "
               "if it is published elsewhere (e.g. in a library such as transformers), add '" +
               fw_.components[static_cast<std::size_t>(arch)].name + "' with that path",
           false});
    }
    if (name_is_guess_) {
      release_notes_.push_back(
          {"", "", "release name '" + d.name + "' taken from the folder name", true});
    }
    for (std::size_t i = 0; i < fw_.components.size(); ++i) {
      const ComponentDef& def = fw_.components[i];
      DraftComponent c;
      c.name = def.name;
      std::string evidence;
      if (auto f = found_.find(i); f != found_.end()) {
        std::string more;
        c.component_path = representative(f->second, more);
        if (f->second.rule) {
          std::string text = f->second.rule->note + ": " + c.component_path;
          if (!more.empty()) text += " (" + more + ")";
          notes_[i].insert(notes_[i].begin(),
                           {def.name, c.component_path, text, f->second.rule->guess});
        }
        if (const LicenseFile* lf = folder_license(c.component_path)) {
          c.license = license_name(lf->rule->license);
          c.has_license = true;
          c.license_path = lf->rel;
          add_note(static_cast<int>(i), lf->rel, "own license " + c.license, false);
        }
      } else if (auto h = included_.find(i); h != included_.end()) {
        c.included_in = h->second;
      } else if (auto u = urls_.find(i); u != urls_.end()) {
        c.component_path = u->second;
      } else {
        continue;
      }
      for (const auto& n : notes_[i]) {
        evidence += (evidence.empty() ? "" : "; ") + n.text + (n.guess ? " (guess)" : "");
      }
      c.description = "mof-check scan: " + evidence;
      d.components.push_back(std::move(c));
      result_.notes.insert(result_.notes.end(), notes_[i].begin(), notes_[i].end());
    }
  }

  fs::path root_;
  fs::path canonical_root_;
  const Framework& fw_;
  const LicenseDb& db_;
  const ScanRules& rules_;
  const LicenseTexts& texts_;
  const ScanLimits& limits_;
  ScanResult result_;
  std::vector<Entry> entries_;
  std::vector<LicenseFile> licenses_;
  std::map<std::size_t, Found> found_;
  std::map<std::size_t, std::string> included_;  ///< component -> host name
  std::map<std::size_t, std::string> urls_;      ///< component -> arXiv URL
  std::map<std::size_t, std::vector<ScanNote>> notes_;
  std::vector<ScanNote> release_notes_;
  std::optional<ModelCard> card_;
  std::string card_path_;
  int card_index_ = -1;
  bool name_is_guess_ = false;
  bool depth_noted_ = false;
};

}  // namespace

ScanResult scan_repository(const std::string& root, const Framework& framework,
                           const LicenseDb& licenses, const ScanRules& rules,
                           const LicenseTexts& texts, const ScanLimits& limits) {
  return Scanner(root, framework, licenses, rules, texts, limits).run();
}

}  // namespace mofcheck
