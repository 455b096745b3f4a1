// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the unit tests: building manifest text in a few lines.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/framework.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/manifest.hpp>

namespace mofcheck::testing {

/// The bytes of the file at `path` (empty when it cannot be read).
inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

/// A component entry: name and, unless `inherit`, its own license.
struct Entry {
  std::string name;
  std::string license;
  bool inherit = false;
};

inline std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// JSON manifest text with the given entries and distribution license.
inline std::string manifest_json(const std::vector<Entry>& entries,
                                 const std::string& distribution = "") {
  std::string s =
      "{\"framework\": {\"name\": \"Model Openness Framework\", \"version\": \"1.0\"},\n"
      " \"release\": {\"name\": \"test-model\", \"version\": \"1\", \"producer\": \"Lab\",\n";
  if (!distribution.empty()) {
    s += "  \"license\": {\"distribution\": {\"name\": " + quote(distribution) + "}},\n";
  }
  s += "  \"components\": [\n";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    s += "   {\"name\": " + quote(entries[i].name);
    if (!entries[i].inherit) s += ", \"license\": " + quote(entries[i].license);
    s += i + 1 < entries.size() ? "},\n" : "}\n";
  }
  return s + "  ]}}\n";
}

/// Every required component of classes down to `level` under `license`.
inline std::vector<Entry> required_down_to(int level, const std::string& license = "") {
  std::vector<Entry> out;
  for (const auto& c : builtin_framework().components) {
    if (c.required && c.class_level >= level) {
      out.push_back({c.name, license.empty()
                                 ? (c.type == ContentType::code   ? "Apache-2.0"
                                    : c.type == ContentType::data ? "CDLA-Permissive-2.0"
                                                                  : "CC-BY-4.0")
                                 : license});
    }
  }
  return out;
}

inline std::vector<Entry> without(std::vector<Entry> entries, const std::string& name) {
  std::vector<Entry> out;
  for (auto& e : entries) {
    if (e.name != name) out.push_back(std::move(e));
  }
  return out;
}

/// Judges under `profile`; spdx by default, since most unit tests are about
/// SPDX semantics (profile_test.cpp holds the MOT's).
inline Evaluation judge(const std::string& text, Profile profile = Profile::spdx) {
  return evaluate(parse_manifest(text, "test.json"), builtin_framework(), LicenseDb::builtin(),
                  profile);
}

inline const ComponentResult& result_for(const Evaluation& ev, const std::string& name) {
  int i = ev.framework->find_component(name);
  return ev.components.at(static_cast<std::size_t>(i));
}

/// The YAML files (by extension, or "yaml" in the path) of at most 1 MiB
/// under the given folders of the source tree: the fixtures the YAML
/// readers are held to each other on.
inline std::vector<std::filesystem::path> yaml_fixtures(std::initializer_list<const char*> dirs) {
  namespace fs = std::filesystem;
  std::vector<fs::path> found;
  for (const char* dir : dirs) {
    for (const auto& entry :
         fs::recursive_directory_iterator(fs::path(MOFCHECK_SOURCE_DIR) / dir)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || entry.file_size() > (1u << 20)) continue;
      if (ext == ".yml" || ext == ".yaml" ||
          entry.path().string().find("yaml") != std::string::npos) {
        found.push_back(entry.path());
      }
    }
  }
  return found;
}

/// Random small edits of a text (inserting one of `pieces`, erasing a few
/// bytes, or putting a piece in place of a byte), reproducible from a seed:
/// the differential tests of the plain readers.
class TextEditor {
 public:
  TextEditor(std::uint32_t seed, std::span<const std::string> pieces)
      : seed_(seed), pieces_(pieces) {}

  /// `text` after one to three edits.
  std::string edited(std::string text) {
    for (int edits = 1 + static_cast<int>(random(3)); edits > 0; --edits) {
      const std::size_t at = random(text.size());
      switch (random(3)) {
        case 0:
          text.insert(at, pieces_[random(pieces_.size())]);
          break;
        case 1:
          text.erase(at, 1 + random(4));
          break;
        default:
          text.replace(at, 1, pieces_[random(pieces_.size())]);
      }
    }
    return text;
  }

 private:
  std::size_t random(std::size_t n) {
    seed_ = seed_ * 1664525u + 1013904223u;
    return static_cast<std::size_t>(seed_ >> 8) % n;
  }

  std::uint32_t seed_;
  std::span<const std::string> pieces_;
};

}  // namespace mofcheck::testing
