// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/license_text.hpp>

#include <nlohmann/json.hpp>

#include <mofcheck/error.hpp>

#include "util/embedded_data.hpp"

namespace mofcheck {

namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// nlohmann reports byte offsets; turn one into line and column.
SourceLocation offset_location(std::string_view text, std::size_t offset, std::string_view origin) {
  SourceLocation at{std::string(origin), 1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else {
      ++at.column;
    }
  }
  return at;
}

}  // namespace

std::string normalize_license_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool gap = false;
  for (char c : text) {
    if (is_word_char(c)) {
      if (gap && !out.empty()) out += ' ';
      gap = false;
      out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    } else {
      gap = true;
    }
  }
  return out;
}

std::string padded(std::string_view words) {
  std::string out;
  out.reserve(words.size() + 2);
  out.push_back(' ');
  out.append(words);
  out.push_back(' ');
  return out;
}

std::string padded_words(std::string_view text) {
  return padded(normalize_license_text(text));
}

LicenseTexts LicenseTexts::parse(std::string_view json_text, std::string_view origin) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(offset_location(json_text, e.byte > 0 ? e.byte - 1 : 0, origin),
                "invalid license text data: " + std::string(e.what()));
  }
  const SourceLocation file{std::string(origin), 0, 0};
  auto fail = [&](const std::string& what) -> void { throw Error(file, what); };
  if (!j.is_object() || !j.contains("rules") || !j["rules"].is_array()) {
    fail("license text data needs a \"rules\" list");
  }
  LicenseTexts texts;
  std::size_t index = 0;
  for (const auto& r : j["rules"]) {
    const std::string where = "rules[" + std::to_string(index++) + "]";
    if (!r.is_object() || !r.contains("license") || !r["license"].is_string() ||
        !r.contains("match") || !r["match"].is_array() || r["match"].empty()) {
      fail(where + " needs a \"license\" string and a non-empty \"match\" list");
    }
    LicenseTextRule rule;
    rule.license = r["license"].get<std::string>();
    rule.name = r.value("name", rule.license);
    rule.note = r.value("note", "");
    for (const auto& set : r["match"]) {
      if (!set.is_array() || set.empty())
        fail(where + ": each \"match\" entry is a list of phrases");
      std::vector<std::string> phrases;
      for (const auto& p : set) {
        if (!p.is_string()) fail(where + ": phrases are strings");
        std::string n = normalize_license_text(p.get<std::string>());
        if (n.empty()) fail(where + ": a phrase has no letters or digits");
        phrases.push_back(std::move(n));
      }
      rule.match.push_back(std::move(phrases));
    }
    texts.rules_.push_back(std::move(rule));
  }
  return texts;
}

const LicenseTexts& LicenseTexts::builtin() {
  static const LicenseTexts texts =
      parse(embedded::license_texts_json(), "<builtin>/license-texts.json");
  return texts;
}

const LicenseTextRule* LicenseTexts::identify(std::string_view text) const {
  // Padding with spaces makes every phrase match on word boundaries only.
  const std::string haystack = padded_words(text);
  for (const auto& rule : rules_) {
    for (const auto& set : rule.match) {
      bool all = true;
      for (const auto& phrase : set) {
        if (haystack.find(padded(phrase)) == std::string::npos) {
          all = false;
          break;
        }
      }
      if (all) return &rule;
    }
  }
  return nullptr;
}

}  // namespace mofcheck
