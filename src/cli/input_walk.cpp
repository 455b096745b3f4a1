// SPDX-License-Identifier: Apache-2.0
#include "cli/input_walk.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace mofcheck {

namespace fs = std::filesystem;

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string join(const std::string& dir, const std::string& name) {
  if (dir.empty() || dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

class Walker {
 public:
  Walker(const std::vector<std::string>& excludes, std::vector<InputItem>& out)
      : excludes_(excludes), out_(out) {}

  // `dir` as written (so reports name files the way the user does), `rel`
  // relative to the directory given on the command line (for --exclude).
  void walk(const std::string& dir, const std::string& rel) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      out_.push_back({dir, dir, "cannot read the directory: " + ec.message()});
      return;
    }
    struct Entry {
      std::string name;
      bool is_dir;
    };
    std::vector<Entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      std::error_code type_ec;
      // Symbolic links to files count; links to directories are not followed (no cycles).
      bool is_dir = it->is_directory(type_ec) && !it->is_symlink(type_ec);
      bool is_file = it->is_regular_file(type_ec);
      if (!is_dir && !(is_file && is_manifest_name(name))) continue;
      entries.push_back({std::move(name), is_dir});
    }
    if (ec) {
      out_.push_back({dir, dir, "cannot read the directory: " + ec.message()});
      return;
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    for (const auto& e : entries) {
      std::string sub_rel = rel.empty() ? e.name : rel + "/" + e.name;
      if (is_excluded(sub_rel, excludes_)) continue;
      std::string path = join(dir, e.name);
      if (e.is_dir) {
        walk(path, sub_rel);
      } else {
        out_.push_back({path, path, {}});
      }
    }
  }

 private:
  const std::vector<std::string>& excludes_;
  std::vector<InputItem>& out_;
};

}  // namespace

bool is_manifest_name(const std::string& name) {
  return ends_with(name, ".json") || ends_with(name, ".yml") || ends_with(name, ".yaml");
}

bool is_excluded(const std::string& path, const std::vector<std::string>& excludes) {
  auto slash = path.rfind('/');
  std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  for (const auto& glob : excludes) {
    if (fnmatch(glob.c_str(), path.c_str(), 0) == 0) return true;
    if (fnmatch(glob.c_str(), base.c_str(), 0) == 0) return true;
  }
  return false;
}

std::vector<InputItem> expand_inputs(const std::vector<std::string>& args,
                                     const std::vector<std::string>& excludes) {
  std::vector<InputItem> out;
  Walker walker(excludes, out);
  for (const auto& arg : args) {
    if (arg == "-") {
      out.push_back({arg, "<stdin>", {}});
      continue;
    }
    std::error_code ec;
    if (!fs::is_directory(arg, ec)) {
      out.push_back({arg, arg, {}});
      continue;
    }
    std::size_t before = out.size();
    walker.walk(arg, "");
    if (out.size() == before) {
      out.push_back({arg, arg,
                     "is a directory without manifests (*.json, *.yml, *.yaml)" +
                         std::string(excludes.empty() ? "" : " that --exclude leaves")});
    }
  }
  return out;
}

}  // namespace mofcheck
