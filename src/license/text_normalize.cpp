// SPDX-License-Identifier: Apache-2.0
// License text normalisation after the SPDX License List Matching
// Guidelines: each rule below names the guideline it follows.
#include "license/text_normalize.hpp"

#include <algorithm>
#include <unordered_map>

#include <mofcheck/license_text.hpp>

namespace mofcheck {

namespace {

bool ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Length of a UTF-8 punctuation or symbol sequence at text[i], 0 if none.
// Guideline "punctuation": quotes, dashes, bullets and spaces of any script
// count as the ASCII ones (which are all separators here).
std::size_t utf8_punctuation(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80 || i + 1 >= s.size()) return 0;
  const auto d = static_cast<unsigned char>(s[i + 1]);
  if (c == 0xC2 && d >= 0xA0 && d <= 0xBF) return 2;    // no-break space, (c), guillemets, section
  if (c == 0xC3 && (d == 0x97 || d == 0xB7)) return 2;  // multiplication, division signs
  if (i + 2 >= s.size()) return 0;
  const auto e = static_cast<unsigned char>(s[i + 2]);
  if (c == 0xE2 && d >= 0x80 && d <= 0x81) return 3;  // general punctuation: dashes, quotes
  if (c == 0xE2 && d >= 0x86 && d <= 0x9F) return 3;  // arrows, box drawing, shapes (bullets)
  if (c == 0xE3 && d == 0x80) return 3;               // CJK punctuation
  if (c == 0xEF && d == 0xBB && e == 0xBF) return 3;  // byte order mark
  if (c == 0xEF && d == 0xBC && e >= 0x80 && e <= 0x8F) return 3;  // full-width punctuation
  return 0;
}

bool word_byte(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  return ascii_alnum(c) || (c >= 0x80 && utf8_punctuation(s, i) == 0);
}

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_roman(std::string_view w) {
  return !w.empty() && w.size() <= 5 && std::all_of(w.begin(), w.end(), [](char c) {
    c = lower(c);
    return c == 'i' || c == 'v' || c == 'x' || c == 'l';
  });
}

bool all_digits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Guideline "bullets and numbering": a list marker such as "1.", "2.1.",
// "a)", "(iv)" or "(3)" at `i`; returns its end (after the marker) or `i`.
std::size_t list_marker(std::string_view s, std::size_t i, bool line_start) {
  std::size_t j = i;
  const bool paren = j < s.size() && s[j] == '(';
  if (paren) ++j;
  std::size_t start = j;
  while (j < s.size() && ascii_alnum(static_cast<unsigned char>(s[j]))) {
    ++j;
    // "2.1.3" is one marker.
    if (j + 1 < s.size() && s[j] == '.' && s[j + 1] >= '0' && s[j + 1] <= '9' &&
        all_digits(s.substr(start, j - start)))
      ++j;
  }
  std::string_view body = s.substr(start, j - start);
  if (body.empty() || body.size() > 8) return i;
  const bool digits = all_digits(body.substr(0, 1)) &&
                      std::all_of(body.begin(), body.end(),
                                  [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  const bool letter = body.size() == 1 && !digits;
  if (!digits && !letter && !is_roman(body)) return i;
  if (j >= s.size()) return i;
  if (paren) {
    if (s[j] != ')') return i;
  } else {
    // Bare markers only at the start of a line or after a sentence ("...end. 2. Next").
    if (!line_start || (s[j] != '.' && s[j] != ')')) return i;
  }
  ++j;
  if (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r') return i;
  return j;
}

// Guideline "copyright notice": a line that starts with a copyright
// statement (a symbol, or the word with a year or placeholder) is ignored.
bool copyright_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && std::string_view(" \t*#>/-;!|+").find(line[i]) != std::string::npos)
    ++i;
  std::string_view rest = line.substr(i);
  auto starts = [&](std::string_view p) {
    if (rest.size() < p.size()) return false;
    for (std::size_t k = 0; k < p.size(); ++k) {
      if (lower(rest[k]) != p[k]) return false;
    }
    return true;
  };
  const bool symbol = starts("\xC2\xA9") || starts("(c)");
  if (!symbol && !starts("copyright")) return false;
  if (!symbol && rest.size() > 9 && ascii_alnum(static_cast<unsigned char>(rest[9]))) return false;
  std::string low;
  for (char c : rest) low.push_back(lower(c));
  // "(c) You must retain..." is a list item, not a notice: a notice has a
  // year, a year placeholder, or says "copyright" with a symbol.
  if (low.find("year") != std::string::npos || low.find("yyyy") != std::string::npos) return true;
  if (symbol) {
    // "(c) 2020 Name" or "(c) Copyright Name": the symbol, then a year or the word.
    std::size_t k = low[0] == '(' ? 3 : 2;
    while (k < low.size() && (low[k] == ' ' || low[k] == '\t')) ++k;
    return k < low.size() &&
           ((low[k] >= '0' && low[k] <= '9') || low.compare(k, 9, "copyright") == 0);
  }
  if (low.find("(c)") != std::string::npos || low.find("\xC2\xA9") != std::string::npos)
    return true;
  for (std::size_t k = 0; k + 4 <= low.size(); ++k) {
    bool year = (low.compare(k, 2, "19") == 0 || low.compare(k, 2, "20") == 0) &&
                all_digits(low.substr(k, 4)) && (k == 0 || !ascii_alnum(low[k - 1])) &&
                (k + 4 == low.size() || !ascii_alnum(low[k + 4]));
    if (year) return true;
  }
  return false;
}

void split_words(std::string_view text, std::size_t ls, std::size_t le,
                 std::vector<NormWord>& out) {
  std::size_t i = ls;
  // Leading bullets, indentation, comment and Markdown marks.
  while (i < le) {
    if (std::string_view(" \t*#>-+|").find(text[i]) != std::string_view::npos) {
      ++i;
    } else if (std::size_t n = utf8_punctuation(text, i)) {
      i += n;
    } else {
      break;
    }
  }
  bool sentence_start = true;  // a bare list marker may follow
  while (i < le) {
    if (sentence_start || text[i] == '(') {
      std::size_t m = list_marker(text.substr(0, le), i, sentence_start);
      if (m != i) {
        i = m;
        continue;
      }
    }
    if (word_byte(text, i)) {
      std::size_t b = i;
      std::string w;
      while (i < le && word_byte(text, i)) w.push_back(lower(text[i++]));
      // Guideline "URLs": http:// and https:// are the same.
      if (w != "http" && w != "https") {
        out.push_back({std::move(w), static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(i)});
      }
      sentence_start = false;
      continue;
    }
    const char c = text[i];
    if (c == '.' || c == ':' || c == ';') {
      sentence_start = true;
    } else if (c != ' ' && c != '\t') {
      sentence_start = false;
    }
    std::size_t n = utf8_punctuation(text, i);
    i += n ? n : 1;
  }
}

}  // namespace

std::uint32_t word_hash(std::string_view word) {
  std::uint32_t h = 2166136261u;
  for (char c : word) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

std::vector<NormWord> normalize_words(
    std::string_view text, const std::vector<std::pair<std::string, std::string>>& equivalents) {
  std::vector<NormWord> raw;
  raw.reserve(text.size() / 5);
  // Guideline "whitespace": any line end (LF, CRLF, CR) ends a line.
  std::size_t ls = 0;
  while (ls < text.size()) {
    std::size_t le = text.find_first_of("\r\n", ls);
    if (le == std::string_view::npos) le = text.size();
    if (!copyright_line(text.substr(ls, le - ls))) split_words(text, ls, le, raw);
    ls = le + 1;
  }
  // Guideline "varietal spellings": one- and two-word equivalents.
  std::unordered_map<std::string, std::string> eq;
  for (const auto& [from, to] : equivalents) eq.emplace(from, to);
  std::vector<NormWord> out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const std::string* to = nullptr;
    const std::uint32_t begin = raw[i].begin;
    std::uint32_t end = raw[i].end;
    if (i + 1 < raw.size()) {
      if (auto it = eq.find(raw[i].text + ' ' + raw[i + 1].text); it != eq.end()) {
        to = &it->second;
        end = raw[i + 1].end;
        ++i;
      }
    }
    if (!to) {
      if (auto it = eq.find(raw[i].text); it != eq.end()) to = &it->second;
    }
    if (!to) {
      out.push_back(std::move(raw[i]));
      continue;
    }
    std::size_t sp = to->find(' ');
    if (sp == std::string::npos) {
      out.push_back({*to, begin, end});
    } else {
      out.push_back({to->substr(0, sp), begin, end});
      out.push_back({to->substr(sp + 1), begin, end});
    }
  }
  // Guideline "copyright notice": "All rights reserved" is ignored anywhere.
  std::vector<NormWord> kept;
  kept.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i + 2 < out.size() && out[i].text == "all" && out[i + 1].text == "rights" &&
        out[i + 2].text == "reserved") {
      i += 2;
      continue;
    }
    kept.push_back(std::move(out[i]));
  }
  return kept;
}

std::vector<TextWord> license_words(
    std::string_view text, const std::vector<std::pair<std::string, std::string>>& equivalents) {
  std::vector<TextWord> out;
  for (const NormWord& w : normalize_words(text, equivalents)) {
    out.push_back({word_hash(w.text), w.begin, w.end});
  }
  return out;
}

std::uint32_t shingle_at(const std::vector<TextWord>& w, std::size_t i) {
  std::uint32_t x = w[i].hash * 0x9E3779B1u + w[i + 1].hash;
  x = (x ^ (x >> 15)) * 0x85EBCA6Bu + w[i + 2].hash;
  x ^= x >> 13;
  x *= 0xC2B2AE35u;
  x ^= x >> 16;
  return x & 0xFFFFFFu;
}

std::vector<std::uint32_t> word_shingles(const std::vector<TextWord>& words) {
  std::vector<std::uint32_t> out;
  if (words.size() < 3) return out;
  out.reserve(words.size() - 2);
  for (std::size_t i = 0; i + 2 < words.size(); ++i) out.push_back(shingle_at(words, i));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace mofcheck
