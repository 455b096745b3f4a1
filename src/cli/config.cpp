// SPDX-License-Identifier: Apache-2.0
#include "cli/config.hpp"

#include <algorithm>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <mofcheck/profile.hpp>

#include <mofcheck/manifest.hpp>

#include "util/diagnostic_codes.hpp"
#include "util/text_util.hpp"

#include "syntax/doc_tree.hpp"
#include "util/known_keys.hpp"

namespace mofcheck {

namespace {

using doc::Node;

class ConfigReader {
 public:
  explicit ConfigReader(std::string_view origin) : origin_(origin) {}

  ProjectConfig read(const Node& root) {
    ProjectConfig c;
    c.origin = origin_;
    if (root.kind == Node::Kind::null) return c;  // an empty file sets nothing
    if (root.kind != Node::Kind::object) {
      fail(root,
           std::string("the configuration must be a mapping, not ") + doc::kind_name(root.kind));
    }
    check_keys(root, {"min-class", "fail-on", "strict", "profile", "require", "waivers"}, "");
    if (root.get("fail-on") && root.get("strict")) {
      fail(*root.get("strict"),
           "write either 'fail-on' or 'strict' (strict: true is fail-on: warning)");
    }
    if (const Node* n = root.get("min-class")) {
      c.has_min_class = true;
      c.min_class = {scalar(*n, "min-class"), loc(*n)};
    }
    if (const Node* n = root.get("strict")) {
      c.has_fail_on = true;
      c.fail_on = boolean(*n, "strict") ? Severity::warning : Severity::error;
    }
    if (const Node* n = root.get("fail-on")) {
      std::string level = scalar(*n, "fail-on");
      if (level != "error" && level != "warning") {
        fail(*n, "'fail-on' must be error or warning, not '" + level + "'");
      }
      c.has_fail_on = true;
      c.fail_on = level == "warning" ? Severity::warning : Severity::error;
    }
    if (const Node* n = root.get("profile")) {
      c.has_profile = true;
      c.profile = {scalar(*n, "profile"), loc(*n)};
      if (!parse_profile(c.profile.value)) {
        fail(*n, "profile: '" + c.profile.value + "' is not a profile (mot or spdx)");
      }
    }
    if (const Node* n = root.get("require")) {
      for (const Node& item : list(*n, "require")) {
        c.require.push_back({scalar(item, "require"), loc(item)});
      }
    }
    if (const Node* n = root.get("waivers")) {
      for (const Node& item : list(*n, "waivers")) c.waivers.push_back(waiver(item));
    }
    return c;
  }

 private:
  [[noreturn]] void fail(const Node& at, const std::string& message) const {
    throw Error(loc(at), message);
  }
  SourceLocation loc(const Node& n) const { return {origin_, n.line, n.column}; }

  void check_keys(const Node& map, std::initializer_list<std::string_view> known,
                  const std::string& where) const {
    mofcheck::check_keys(
        map.members, known, [](const auto& m) { return m.first; },
        [&](std::size_t i, const auto&, const std::string& key, const std::string& names) {
          throw Error({origin_, map.key_positions[i].first, map.key_positions[i].second},
                      "unknown key '" + where + key + "' (known: " + names + ")");
        });
  }

  std::string scalar(const Node& n, const std::string& what) const {
    if (n.kind != Node::Kind::string || n.text.empty()) {
      fail(n, "'" + what + "' must be a non-empty string, not " +
                  (n.kind == Node::Kind::string ? std::string("an empty one")
                                                : doc::kind_name(n.kind)));
    }
    return n.text;
  }

  bool boolean(const Node& n, const std::string& what) const {
    if (n.kind == Node::Kind::string) {
      for (const char* t : {"true", "True", "TRUE"}) {
        if (n.text == t) return true;
      }
      for (const char* f : {"false", "False", "FALSE"}) {
        if (n.text == f) return false;
      }
    }
    fail(n, "'" + what + "' must be true or false");
  }

  const std::vector<Node>& list(const Node& n, const std::string& what) const {
    if (n.kind != Node::Kind::array) {
      fail(n, "'" + what + "' must be a list, not " + doc::kind_name(n.kind));
    }
    return n.items;
  }

  Waiver waiver(const Node& n) const {
    if (n.kind != Node::Kind::object) {
      fail(n, std::string("a waiver must be a mapping with code, component, reason and "
                          "expires, not ") +
                  doc::kind_name(n.kind));
    }
    check_keys(n, {"code", "component", "reason", "expires"}, "waivers.");
    Waiver w;
    w.where = loc(n);
    w.code = required(n, "code");
    if (const Node* c = n.get("component")) w.component = scalar(*c, "waivers.component");
    w.reason = required(n, "reason");
    w.expires = required(n, "expires");
    if (!is_iso_date(w.expires)) {
      fail(*n.get("expires"),
           "'waivers.expires' must be a date written YYYY-MM-DD, not '" + w.expires + "'");
    }
    return w;
  }

  std::string required(const Node& map, const std::string& key) const {
    const Node* n = map.get(key);
    if (!n) fail(map, "the waiver has no '" + key + "'; a waiver needs code, reason and expires");
    return scalar(*n, "waivers." + key);
  }

  std::string origin_;
};

}  // namespace

ProjectConfig parse_config(std::string_view text, std::string_view origin) {
  // The configuration is small; the manifest limits are generous for it.
  Node root = doc::parse_yaml(text, origin, 16, 1u << 16);
  return ConfigReader(origin).read(root);
}

ProjectConfig load_project_config(const std::string& path) {
  if (!path.empty()) return parse_config(read_input(path, 1u << 20), path);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(kConfigFileName, ec)) return {};
  return parse_config(read_input(kConfigFileName, 1u << 20), kConfigFileName);
}

namespace {

std::string did_you_mean(const std::string& word, const std::vector<std::string>& names) {
  std::string best;
  std::size_t best_distance = word.size() / 3 + 1;
  for (const auto& n : names) {
    std::size_t d = text::edit_distance(text::lower(word), text::lower(n));
    if (d <= best_distance && (best.empty() || d < best_distance)) {
      best = n;
      best_distance = d;
    }
  }
  return best.empty() ? std::string() : "; did you mean '" + best + "'?";
}

}  // namespace

void check_waivers(const ProjectConfig& config, const Framework& fw) {
  std::vector<std::string> codes;
  for (const auto& entry : diagnostic_codes()) codes.emplace_back(entry.code);
  for (const Waiver& w : config.waivers) {
    if (std::find(codes.begin(), codes.end(), w.code) == codes.end()) {
      throw Error(w.where, "waiver of '" + w.code + "': mof-check has no such diagnostic code" +
                               did_you_mean(w.code, codes) +
                               " (the codes are listed in the README)");
    }
    if (!w.component.empty() && fw.find_component(w.component) < 0) {
      std::vector<std::string> names;
      for (const auto& c : fw.components) names.push_back(c.name);
      throw Error(w.where, "waiver of " + w.code + " for '" + w.component +
                               "': the framework has no such component" +
                               did_you_mean(w.component, names) + " (run 'mof-check components')");
    }
  }
}

std::string waiver_today() {
  if (const char* env = std::getenv("MOFCHECK_TODAY"); env != nullptr && *env != '\0') {
    if (!is_iso_date(env)) {
      throw Error({}, std::string("MOFCHECK_TODAY=") + env + ": write the date as YYYY-MM-DD");
    }
    return env;
  }
  // The UTC date by arithmetic: gmtime and strftime read the time zone
  // database (/etc/localtime) first, on every run, for a date that needs none.
  const std::chrono::year_month_day date{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

}  // namespace mofcheck
