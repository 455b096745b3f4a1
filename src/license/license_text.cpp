// SPDX-License-Identifier: Apache-2.0
// Loading the license text matcher: the fingerprint index
// (data/license-index.txt) and the rules (data/license-texts.json).
#include <mofcheck/license_text.hpp>

#include <algorithm>
#include <sstream>

#include <nlohmann/json.hpp>

#include <mofcheck/error.hpp>

#include "license/text_normalize.hpp"
#include "util/embedded_data.hpp"

#include "util/line_index.hpp"

namespace mofcheck {

namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// nlohmann reports byte offsets; turn one into line and column.
SourceLocation offset_location(std::string_view text, std::size_t offset, std::string_view origin) {
  auto [line, column] = LineIndex(text).at(std::min(offset, text.size()));
  return {std::string(origin), line, column};
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

bool base64_decode(std::string_view in, std::vector<unsigned char>& out) {
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=') break;
    int v = base64_value(c);
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((acc >> bits) & 0xFF));
    }
  }
  return true;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t at = s.find(sep, start);
    out.emplace_back(s.substr(start, at == std::string_view::npos ? s.npos : at - start));
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

std::string base64_encode(const std::vector<unsigned char>& b) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < b.size(); i += 3) {
    std::uint32_t v = std::uint32_t{b[i]} << 16;
    if (i + 1 < b.size()) v |= std::uint32_t{b[i + 1]} << 8;
    if (i + 2 < b.size()) v |= b[i + 2];
    out += k[(v >> 18) & 63];
    out += k[(v >> 12) & 63];
    out += i + 1 < b.size() ? k[(v >> 6) & 63] : '=';
    out += i + 2 < b.size() ? k[v & 63] : '=';
  }
  return out;
}

}  // namespace

std::string license_index_entry(const std::vector<std::string>& ids,
                                const std::vector<TextWord>& words, std::size_t cap,
                                std::uint32_t max_sample) {
  const std::vector<std::uint32_t> shingles = word_shingles(words);
  std::uint32_t sample = 1;
  while (shingles.size() / sample > cap && sample < max_sample) sample *= 2;
  std::vector<unsigned char> bytes;
  for (std::uint32_t h : shingles) {
    if ((h & (sample - 1)) != 0) continue;
    bytes.push_back(static_cast<unsigned char>(h >> 16));
    bytes.push_back(static_cast<unsigned char>(h >> 8));
    bytes.push_back(static_cast<unsigned char>(h));
  }
  std::string line = "L\t";
  for (std::size_t i = 0; i < ids.size(); ++i) line += (i ? "," : "") + ids[i];
  return line + '\t' + std::to_string(words.size()) + '\t' + std::to_string(sample) + '\t' +
         base64_encode(bytes);
}

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

LicenseMatcher LicenseMatcher::parse(std::string_view index_text, std::string_view index_origin,
                                     std::string_view rules_json, std::string_view rules_origin,
                                     const LicenseDb& db) {
  LicenseMatcher m;
  // The rules first: the index's words were normalised with their spellings.
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(rules_json);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(offset_location(rules_json, e.byte > 0 ? e.byte - 1 : 0, rules_origin),
                "invalid license text rules: " + std::string(e.what()));
  }
  const SourceLocation file{std::string(rules_origin), 0, 0};
  auto fail = [&](const std::string& what) { throw Error(file, what); };
  try {
    if (!j.is_object() || j.value("format", 0) != 2) fail("license text rules need \"format\": 2");
    for (const auto& pair : j.at("equivalent_words")) {
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string())
        fail("\"equivalent_words\" holds [variant, canonical] pairs of strings");
      m.equivalents_.emplace_back(normalize_license_text(pair[0].get<std::string>()),
                                  normalize_license_text(pair[1].get<std::string>()));
    }
    // Phrases are normalised like texts, so the spellings above apply to them too.
    auto phrase = [&](const nlohmann::json& p) {
      std::string s = " ";
      for (const NormWord& w : normalize_words(p.get<std::string>(), m.equivalents_)) {
        s += w.text + ' ';
      }
      if (s.size() < 2) fail("a phrase has no words: " + p.dump());
      return s;
    };
    for (const auto& p : j.at("restriction_words")) m.restriction_words_.push_back(phrase(p));
    for (const auto& r : j.at("model_licenses")) {
      ModelRule rule;
      rule.known = r.at("known").get<std::string>();
      auto k = std::find_if(db.known().begin(), db.known().end(),
                            [&](const KnownLicense& kl) { return kl.key == rule.known; });
      if (k == db.known().end()) fail("model license '" + rule.known + "' is not a known license");
      rule.name = k->name;
      rule.reason = k->reason;
      for (const auto& set : r.at("clauses")) {
        std::vector<std::string> phrases;
        for (const auto& p : set) phrases.push_back(phrase(p));
        if (phrases.empty()) fail("model license '" + rule.known + "' has an empty clause set");
        rule.clauses.push_back(std::move(phrases));
      }
      m.models_.push_back(std::move(rule));
    }
    for (const auto& [id, to] : j.at("hub_ids").items()) {
      m.hub_ids_.emplace_back(id, to.get<std::string>());
    }
    const auto& t = j.at("thresholds");
    m.accept_coverage_ = t.at("accept_coverage").get<double>();
    m.next_coverage_ = t.at("next_coverage").get<double>();
    m.margin_ = t.at("margin").get<double>();
    m.confident_score_ = t.at("confident_coverage").get<double>();
    m.rider_words_ = t.at("rider_words").get<std::size_t>();
    m.insertion_words_ = t.at("insertion_words").get<std::size_t>();
    m.edge_words_ = t.at("title_words").get<std::size_t>();
    m.tail_words_ = t.at("tail_words").get<std::size_t>();
    m.part_fingerprints_ = t.at("part_fingerprints").get<std::size_t>();
  } catch (const nlohmann::json::exception& e) {
    fail("invalid license text rules: " + std::string(e.what()));
  }

  // The index: "L<TAB>ids<TAB>words<TAB>sample<TAB>base64 of 3-byte fingerprints".
  int line_no = 0;
  std::size_t start = 0;
  while (start < index_text.size()) {
    std::size_t end = index_text.find('\n', start);
    if (end == std::string_view::npos) end = index_text.size();
    std::string_view line = index_text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    auto bad = [&](const std::string& what) {
      throw Error({std::string(index_origin), line_no, 0}, "invalid license index: " + what);
    };
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("source\t", 0) == 0) {
      m.source_ = std::string(line.substr(7));
      continue;
    }
    if (line.rfind("L\t", 0) != 0) bad("unknown line");
    std::vector<std::string> f = split(line, '\t');
    if (f.size() != 5) bad("an entry has 5 fields");
    Class c;
    c.ids = split(f[1], ',');
    try {
      c.words = static_cast<std::uint32_t>(std::stoul(f[2]));
      c.sample = static_cast<std::uint32_t>(std::stoul(f[3]));
    } catch (const std::exception&) {
      bad("words and sample are numbers");
    }
    if (c.sample == 0 || (c.sample & (c.sample - 1)) != 0 || c.sample > (1u << 15))
      bad("sample is a power of two");
    std::vector<unsigned char> bytes;
    if (!base64_decode(f[4], bytes) || bytes.size() % 3 != 0 || bytes.empty())
      bad("fingerprints are base64 of 3-byte values");
    const auto cls = static_cast<std::uint32_t>(m.classes_.size());
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
      std::uint32_t h =
          (std::uint32_t{bytes[i]} << 16) | (std::uint32_t{bytes[i + 1]} << 8) | bytes[i + 2];
      m.postings_.emplace_back(h, cls);
    }
    c.stored = static_cast<std::uint32_t>(bytes.size() / 3);
    m.classes_.push_back(std::move(c));
  }
  std::sort(m.postings_.begin(), m.postings_.end());
  m.postings_.erase(std::unique(m.postings_.begin(), m.postings_.end()), m.postings_.end());
  return m;
}

const LicenseMatcher& LicenseMatcher::builtin() {
  static const LicenseMatcher matcher =
      parse(embedded::license_index_txt(), "<builtin>/license-index.txt",
            embedded::license_texts_json(), "<builtin>/license-texts.json", LicenseDb::builtin());
  return matcher;
}

std::vector<TextWord> LicenseMatcher::words(std::string_view text) const {
  return license_words(text, equivalents_);
}

std::string LicenseMatcher::hub_license(std::string_view hub_id) const {
  for (const auto& [id, to] : hub_ids_) {
    if (id.size() == hub_id.size() &&
        std::equal(id.begin(), id.end(), hub_id.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) ==
                 (b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
        }))
      return to;
  }
  return std::string(hub_id);
}

}  // namespace mofcheck
