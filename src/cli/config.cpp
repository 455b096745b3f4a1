// SPDX-License-Identifier: Apache-2.0
#include "cli/config.hpp"

#include <mofcheck/profile.hpp>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <initializer_list>

#include <mofcheck/manifest.hpp>

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
    check_keys(root, {"min-class", "strict", "profile", "require", "waivers"}, "");
    if (const Node* n = root.get("min-class")) {
      c.has_min_class = true;
      c.min_class = {scalar(*n, "min-class"), loc(*n)};
    }
    if (const Node* n = root.get("strict")) {
      c.has_strict = true;
      c.strict = boolean(*n, "strict");
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

std::string waiver_today() {
  if (const char* env = std::getenv("MOFCHECK_TODAY"); env != nullptr && *env != '\0') {
    if (!is_iso_date(env)) {
      throw Error({}, std::string("MOFCHECK_TODAY=") + env + ": write the date as YYYY-MM-DD");
    }
    return env;
  }
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
  return buf;
}

}  // namespace mofcheck
