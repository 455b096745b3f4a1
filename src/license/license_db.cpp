// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/license.hpp>
#include <mofcheck/spdx.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>

#include "util/embedded_data.hpp"

namespace mofcheck {

const char* content_type_name(ContentType t) {
  switch (t) {
    case ContentType::code:
      return "code";
    case ContentType::data:
      return "data";
    case ContentType::document:
      return "document";
  }
  return "code";
}

std::optional<ContentType> parse_content_type(std::string_view s) {
  if (s == "code") return ContentType::code;
  if (s == "data") return ContentType::data;
  if (s == "document") return ContentType::document;
  return std::nullopt;
}

namespace {

using Status = LicenseAssessment::Status;

constexpr size_t kMaxIdLength = 128;      // longer single tokens skip the fast path
constexpr size_t kMaxPhraseLength = 512;  // longer texts are no license name

char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// The key aliases and names are matched by: lower-case letters, digits and '+'.
std::string normalise(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    c = lower(c);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+') out += c;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

bool is_plain_id(std::string_view s) {
  if (s.empty() || s.size() > kMaxIdLength) return false;
  for (char c : s) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// Hash and equality that let maps keyed by std::string be searched with a string_view.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Index = std::unordered_map<std::string, int, StringHash, std::equal_to<>>;

uint8_t bit(ContentType t) {
  return static_cast<uint8_t>(1u << static_cast<unsigned>(t));
}

uint8_t mask_of(const std::vector<ContentType>& types) {
  uint8_t m = 0;
  for (ContentType t : types) m = static_cast<uint8_t>(m | bit(t));
  return m;
}

// "code", "data and documents", "code, data and documents".
std::string describe_types(uint8_t mask) {
  std::vector<std::string> names;
  if (mask & bit(ContentType::code)) names.push_back("code");
  if (mask & bit(ContentType::data)) names.push_back("data");
  if (mask & bit(ContentType::document)) names.push_back("documents");
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

// Optimal string alignment distance (Levenshtein plus transpositions), capped.
int edit_distance(std::string_view a, std::string_view b, int cap) {
  int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > cap) return cap + 1;
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

// How far a misspelling may be from an id to still be suggested.
int suggestion_cap(size_t length) {
  if (length < 4) return 0;
  if (length < 8) return 1;
  return std::max(2, static_cast<int>(length / 5));
}

// A strict pull parser for the license data file. The file is read at every
// start of the binary, so this builds the tables directly instead of a DOM;
// every error, syntax or shape, carries a line and column.
class JsonReader {
 public:
  JsonReader(std::string_view text, std::string_view origin) : text_(text), origin_(origin) {}

  [[noreturn]] void fail_at(size_t pos, const std::string& message) const {
    SourceLocation where{origin_, 1, 1};
    for (size_t i = 0; i < pos && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++where.line;
        where.column = 1;
      } else if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
        ++where.column;
      }
    }
    throw Error(where, message);
  }
  [[noreturn]] void fail(const std::string& message) const { fail_at(pos_, message); }

  size_t pos() const { return pos_; }

  void skip_space() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
      ++pos_;
    }
  }

  // The next significant character, or '\0' at the end.
  char peek() {
    skip_space();
    return pos_ < text_.size() ? text_[pos_] : '\0';
  }

  void expect(char c, const char* expected) {
    if (peek() != c) fail(std::string("malformed JSON: expected ") + expected + found());
    ++pos_;
  }

  void end() {
    if (peek() != '\0') fail("malformed JSON: expected the end of the file" + found());
  }

  // Reads a string into `out` (cleared first).
  void string(std::string& out, const char* what = "a string") {
    if (peek() != '"') fail(std::string("expected ") + what + found());
    ++pos_;
    out.clear();
    while (true) {
      size_t run = pos_;
      while (pos_ < text_.size() && text_[pos_] != '"' && text_[pos_] != '\\' &&
             static_cast<unsigned char>(text_[pos_]) >= 0x20) {
        ++pos_;
      }
      out.append(text_.substr(run, pos_ - run));
      if (pos_ >= text_.size()) fail("malformed JSON: unterminated string");
      char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return;
      }
      if (c != '\\') fail("malformed JSON: control character in a string");
      if (++pos_ >= text_.size()) fail("malformed JSON: unterminated string");
      switch (text_[pos_++]) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u':
          append_utf8(out, code_point());
          break;
        default:
          --pos_;
          fail("malformed JSON: invalid escape in a string");
      }
    }
  }

  std::string string(const char* what = "a string") {
    std::string out;
    string(out, what);
    return out;
  }

  bool boolean() {
    if (literal("true")) return true;
    if (literal("false")) return false;
    fail("expected true or false" + found());
  }

  long integer() {
    skip_space();
    size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
    long value = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9' && value < 1000000) {
      value = value * 10 + (text_[pos_++] - '0');
    }
    if (pos_ == start ||
        (pos_ < text_.size() && (text_[pos_] == '.' || text_[pos_] == 'e' || text_[pos_] == 'E'))) {
      pos_ = start;
      fail("expected an integer" + found());
    }
    return text_[start] == '-' ? -value : value;
  }

  // Calls on_member(key) for each member; it must consume the value.
  template <typename F>
  void object(F&& on_member, const char* what = "an object") {
    if (peek() != '{') fail(std::string("expected ") + what + found());
    ++pos_;
    if (peek() == '}') {
      ++pos_;
      return;
    }
    std::string key;
    while (true) {
      if (peek() != '"') fail("malformed JSON: expected a member name in double quotes" + found());
      string(key);
      expect(':', "':'");
      on_member(std::string_view(key));
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      expect('}', "',' or '}'");
      return;
    }
  }

  // Calls on_item(index) for each element; it must consume the element.
  template <typename F>
  void array(F&& on_item, const char* what = "an array") {
    if (peek() != '[') fail(std::string("expected ") + what + found());
    ++pos_;
    if (peek() == ']') {
      ++pos_;
      return;
    }
    for (size_t i = 0;; ++i) {
      on_item(i);
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      expect(']', "',' or ']'");
      return;
    }
  }

  // Skips any value (members this version does not know).
  void skip(int depth = 0) {
    if (depth > 32) fail("JSON nested too deeply");
    switch (peek()) {
      case '{':
        object([&](std::string_view) { skip(depth + 1); });
        return;
      case '[':
        array([&](size_t) { skip(depth + 1); });
        return;
      case '"':
        string(scratch_);
        return;
      case 't':
      case 'f':
        boolean();
        return;
      case 'n':
        if (literal("null")) return;
        break;
      default:
        break;
    }
    skip_space();
    size_t start = pos_;
    while (pos_ < text_.size() &&
           std::string_view("+-.0123456789eE").find(text_[pos_]) != std::string_view::npos) {
      ++pos_;
    }
    if (pos_ == start) fail("malformed JSON: expected a value" + found());
  }

 private:
  bool literal(std::string_view word) {
    skip_space();
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  std::string found() {
    skip_space();
    if (pos_ >= text_.size()) return ", found the end of the file";
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c >= 0x21 && c < 0x7f) return std::string(", found '") + static_cast<char>(c) + "'";
    return ", found an unexpected byte";
  }

  unsigned hex4() {
    if (pos_ + 4 > text_.size()) fail("malformed JSON: bad \\u escape");
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text_[pos_++];
      unsigned d = c >= '0' && c <= '9'   ? static_cast<unsigned>(c - '0')
                   : c >= 'a' && c <= 'f' ? static_cast<unsigned>(c - 'a' + 10)
                   : c >= 'A' && c <= 'F' ? static_cast<unsigned>(c - 'A' + 10)
                                          : 16u;
      if (d == 16) fail("malformed JSON: bad \\u escape");
      v = v * 16 + d;
    }
    return v;
  }

  unsigned code_point() {
    unsigned cp = hex4();
    if (cp >= 0xD800 && cp < 0xDC00) {
      if (text_.substr(pos_, 2) != "\\u") fail("malformed JSON: unpaired surrogate");
      pos_ += 2;
      unsigned low = hex4();
      if (low < 0xDC00 || low > 0xDFFF) fail("malformed JSON: unpaired surrogate");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      fail("malformed JSON: unpaired surrogate");
    }
    return cp;
  }

  static void append_utf8(std::string& out, unsigned cp) {
    auto byte = [&out](unsigned b) { out += static_cast<char>(static_cast<unsigned char>(b)); };
    if (cp < 0x80) {
      byte(cp);
    } else if (cp < 0x800) {
      byte(0xC0 | (cp >> 6));
      byte(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      byte(0xE0 | (cp >> 12));
      byte(0x80 | ((cp >> 6) & 0x3F));
      byte(0x80 | (cp & 0x3F));
    } else {
      byte(0xF0 | (cp >> 18));
      byte(0x80 | ((cp >> 12) & 0x3F));
      byte(0x80 | ((cp >> 6) & 0x3F));
      byte(0x80 | (cp & 0x3F));
    }
  }

  std::string_view text_;
  std::string origin_;
  size_t pos_ = 0;
  std::string scratch_;
};

std::uint64_t next_serial() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

}  // namespace

struct LicenseDb::Impl {
  std::uint64_t serial = next_serial();
  std::string list_version;
  std::string source;
  std::string default_reason;
  std::vector<LicenseInfo> licenses;
  std::vector<ExceptionInfo> exceptions;
  std::vector<KnownLicense> known;
  std::vector<uint8_t> suits_mask;  // per license
  Index license_by_lower;           // lower-case id -> licenses index
  Index exception_by_lower;         // lower-case id -> exceptions index
  // Normalised phrase -> target. Values >= 0 are license indexes (aliases and
  // full names); values < 0 are -(known index) - 1.
  Index phrases;
  Index guessed;  // normalised aliases that leave a version or variant open (value unused)
  std::vector<std::string> leading_words, trailing_words;

  int find_license(std::string_view id) const;
  int find_exception(std::string_view id) const;
  const int* find_phrase(std::string_view text, bool* guess = nullptr) const;
  std::string reason_for(const LicenseInfo& info) const;
  std::vector<int> nearest(std::string_view id, bool exceptions_only) const;
  LicenseAssessment assess(std::string_view text, ContentType type) const;
  void judge_fit(LicenseAssessment& a, uint8_t suits, ContentType type) const;
};

// Sets suits_type, with a finding when an open license does not suit the type.
// (LicenseInfo::note is left to callers: a note on every permissively licensed
// dataset or weights file would drown the findings that matter.)
void LicenseDb::Impl::judge_fit(LicenseAssessment& a, uint8_t suits, ContentType type) const {
  uint8_t want = bit(type);
  if (!(suits & want)) {
    a.suits_type = false;
    a.findings.push_back({Severity::warning, "license-type-unsuited",
                          a.canonical + " is meant for " + describe_types(suits), 0});
  }
}

int LicenseDb::Impl::find_license(std::string_view id) const {
  if (id.size() > kMaxIdLength) return -1;
  char buf[kMaxIdLength];
  for (size_t i = 0; i < id.size(); ++i) buf[i] = lower(id[i]);
  auto it = license_by_lower.find(std::string_view(buf, id.size()));
  return it == license_by_lower.end() ? -1 : it->second;
}

int LicenseDb::Impl::find_exception(std::string_view id) const {
  if (id.size() > kMaxIdLength) return -1;
  char buf[kMaxIdLength];
  for (size_t i = 0; i < id.size(); ++i) buf[i] = lower(id[i]);
  auto it = exception_by_lower.find(std::string_view(buf, id.size()));
  return it == exception_by_lower.end() ? -1 : it->second;
}

// Looks a whole text up among aliases, full names and known licenses, then
// again without leading words such as "the" and trailing ones such as "license".
// `guess`, when given, tells whether the match is an alias that leaves a version open.
const int* LicenseDb::Impl::find_phrase(std::string_view text, bool* guess) const {
  if (guess) *guess = false;
  if (text.size() > kMaxPhraseLength) return nullptr;
  std::string key = normalise(text);
  if (key.empty()) return nullptr;
  auto found = [&](Index::const_iterator at) {
    if (guess) *guess = guessed.find(at->first) != guessed.end();
    return &at->second;
  };
  auto it = phrases.find(key);
  if (it != phrases.end()) return found(it);
  std::string_view k = key;
  for (const std::string& w : leading_words) {
    if (k.size() > w.size() && k.substr(0, w.size()) == w) k.remove_prefix(w.size());
  }
  for (bool stripped = true; stripped;) {
    it = phrases.find(k);
    if (it != phrases.end()) return found(it);
    stripped = false;
    for (const std::string& w : trailing_words) {
      if (k.size() > w.size() && k.substr(k.size() - w.size()) == w) {
        k.remove_suffix(w.size());
        stripped = true;
        break;
      }
    }
  }
  return nullptr;
}

std::string LicenseDb::Impl::reason_for(const LicenseInfo& info) const {
  if (!info.reason.empty()) return info.reason;
  std::string r = default_reason;
  size_t at = r.find("{id}");
  if (at != std::string::npos) r.replace(at, 4, info.id);
  return r;
}

std::vector<int> LicenseDb::Impl::nearest(std::string_view id, bool exceptions_only) const {
  std::vector<int> best;
  int cap = suggestion_cap(id.size());
  if (cap == 0 || id.size() > kMaxIdLength) return best;
  std::string needle = to_lower(id);
  int best_distance = cap + 1;
  size_t count = exceptions_only ? exceptions.size() : licenses.size();
  for (size_t i = 0; i < count; ++i) {
    const std::string& candidate = exceptions_only ? exceptions[i].id : licenses[i].id;
    if (!exceptions_only && licenses[i].deprecated) continue;
    int d = edit_distance(needle, to_lower(candidate), best_distance);
    if (d < best_distance) {
      best_distance = d;
      best.clear();
    }
    if (d == best_distance && d <= cap) best.push_back(static_cast<int>(i));
  }
  if (best.size() > 3) best.resize(3);
  return best;
}

namespace {

// The verdict on one node of an expression.
struct Verdict {
  bool open = false;
  uint8_t suits = 0;   // content types it suits, when open
  std::string reason;  // why not open, when not open
  int pick = -1;       // for OR: the child chosen
};

}  // namespace

LicenseAssessment LicenseDb::Impl::assess(std::string_view text, ContentType type) const {
  LicenseAssessment a;
  auto add = [&a](Severity s, std::string code, std::string message, int column = 0) {
    a.findings.push_back({s, std::move(code), std::move(message), column});
  };
  auto from_known = [&](const KnownLicense& k) {
    a.reason = k.reason;
    if (k.kind == "sentinel-unlicensed") {
      a.status = Status::unlicensed;
    } else if (k.kind == "sentinel-not-included") {
      a.status = Status::not_included;
    } else {
      a.status = Status::not_open;
      add(Severity::error, "license-not-open", k.reason);
    }
  };

  a.canonical = std::string(text);
  if (text.empty()) {
    const int* p = find_phrase("unlicensed");
    if (p && *p < 0) {
      a.reason = known[-*p - 1].reason;
    } else {
      a.reason = "no license is given";
    }
    a.status = Status::unlicensed;
    return a;
  }

  // Fast path for the common case: one current id spelled canonically.
  if (is_plain_id(text)) {
    int idx = find_license(text);
    if (idx >= 0 && licenses[idx].id == text && !licenses[idx].deprecated) {
      const LicenseInfo& info = licenses[idx];
      if (!info.open) {
        a.status = Status::not_open;
        a.reason = reason_for(info);
        add(Severity::error, "license-not-open", a.reason);
      } else {
        a.status = Status::open;
        judge_fit(a, suits_mask[idx], type);
      }
      return a;
    }
  }

  // Single ids skip the expression parser.
  spdx::ParseResult parsed;
  if (is_plain_id(text)) {
    spdx::Node leaf;
    leaf.id = std::string(text);
    leaf.column = 1;
    parsed.expression.nodes.push_back(std::move(leaf));
    parsed.expression.root = 0;
  } else {
    parsed = spdx::parse(text);
  }

  // Resolve every leaf; remember whether anything is unknown.
  spdx::Expression& expr = parsed.expression;
  std::vector<int> leaf_license(expr.nodes.size(), -1);
  std::vector<int> leaf_exception(expr.nodes.size(), -1);
  bool all_known = parsed.ok();
  if (parsed.ok()) {
    for (size_t i = 0; i < expr.nodes.size(); ++i) {
      spdx::Node& n = expr.nodes[i];
      if (n.kind != spdx::Node::Kind::license) continue;
      if (spdx::is_license_ref(n.id)) continue;
      int idx = -1;
      // "GPL-2.0+" is itself a (deprecated) id in the SPDX list.
      if (n.or_later) idx = find_license(n.id + "+");
      if (idx >= 0) {
        n.id += '+';
        n.or_later = false;
      } else {
        idx = find_license(n.id);
      }
      leaf_license[i] = idx;
      if (idx < 0) all_known = false;
      if (!n.exception.empty()) {
        leaf_exception[i] = find_exception(n.exception);
        if (leaf_exception[i] < 0) all_known = false;
      }
    }
  }

  // Free text: aliases, full names, known licenses and sentinels match the
  // whole text before it counts as a malformed or unknown expression.
  if (!all_known) {
    bool guess = false;
    if (const int* p = find_phrase(text, &guess)) {
      if (*p < 0) {
        from_known(known[-*p - 1]);
        return a;
      }
      const LicenseInfo& target = licenses[*p];
      a.status = Status::not_open;
      a.suggestion = target.id;
      a.suggestion_certain = !guess;
      std::string message =
          "'" + std::string(text) + "' is not an SPDX id; did you mean " + target.id + "?";
      if (guess) message += " (check the version: the text leaves it open)";
      if (target.open) {
        a.reason = "'" + std::string(text) + "' is not an SPDX license id; write " + target.id;
        add(Severity::error, "license-alias", message);
      } else {
        a.reason = reason_for(target);
        add(Severity::warning, "license-alias", message);
        add(Severity::error, "license-not-open", a.reason);
      }
      return a;
    }
  }
  if (!parsed.ok()) {
    a.status = Status::not_open;
    a.reason = "'" + std::string(text.substr(0, 200)) + "' is not a valid SPDX license expression";
    add(Severity::error, "license-syntax",
        "invalid SPDX license expression at column " + std::to_string(parsed.error_column) + ": " +
            parsed.error,
        parsed.error_column);
    return a;
  }

  for (const spdx::Remark& r : parsed.remarks) {
    add(Severity::warning, "license-not-canonical", r.message, r.column);
  }

  // Per-leaf findings, and the suggested rewrite of the whole expression:
  // offered only when some spelling changes, and certain unless a part is a guess.
  spdx::Expression suggested = expr;
  bool have_suggestion = true;
  bool changed = !parsed.remarks.empty();
  bool certain = true;
  for (size_t i = 0; i < expr.nodes.size(); ++i) {
    spdx::Node& n = expr.nodes[i];
    if (n.kind != spdx::Node::Kind::license) continue;
    if (spdx::is_license_ref(n.id)) {
      // Canonical prefix spelling; the rest of a LicenseRef is the author's.
      size_t ref = to_lower(n.id).find("licenseref-");
      if (n.id.compare(ref, 11, "LicenseRef-") != 0) {
        n.id.replace(ref, 11, "LicenseRef-");
        changed = true;
        add(Severity::warning, "license-not-canonical",
            "write the prefix as 'LicenseRef-' in " + n.id, n.column);
      }
      if (n.id.compare(0, 12, "DocumentRef-") != 0 &&
          to_lower(n.id).rfind("documentref-", 0) == 0) {
        n.id.replace(0, 12, "DocumentRef-");
        changed = true;
      }
      suggested.nodes[i].id = n.id;
    } else if (int idx = leaf_license[i]; idx >= 0) {
      const LicenseInfo& info = licenses[idx];
      if (n.id != info.id) {
        changed = true;
        add(Severity::warning, "license-not-canonical",
            "SPDX ids match case-insensitively, but the canonical spelling of '" + n.id + "' is " +
                info.id,
            n.column);
      }
      n.id = info.id;
      suggested.nodes[i].id = info.id;
      suggested.nodes[i].or_later = n.or_later;
      if (info.deprecated) {
        add(Severity::warning, "license-deprecated",
            info.id + " is a deprecated SPDX id; use " + info.replacement + " instead", n.column);
        if (!info.replacement.empty()) {
          bool replacement_has_with = info.replacement.find(" WITH ") != std::string::npos;
          if (replacement_has_with && !n.exception.empty()) {
            have_suggestion = false;
          } else {
            suggested.nodes[i].id = info.replacement;
            suggested.nodes[i].or_later = false;
            changed = true;
          }
        }
      }
    } else {
      std::string message = "'" + n.id + "' is not an SPDX license id";
      std::string fix;
      bool guess = false;
      if (const int* p = find_phrase(n.id, &guess); p && *p >= 0) {
        fix = licenses[*p].id;
        certain = certain && !guess;
      } else {
        std::vector<int> near = nearest(n.id, false);
        if (!near.empty()) fix = licenses[near.front()].id;
        certain = false;
        for (size_t k = 0; k < near.size(); ++k) {
          message += k == 0 ? "; did you mean " : " or ";
          message += licenses[near[k]].id;
        }
        if (!near.empty()) message += "?";
      }
      if (!fix.empty() && message.find("did you mean") == std::string::npos) {
        message += "; did you mean " + fix + "?";
      }
      if (fix.empty()) {
        message +=
            "; use an id from the SPDX license list, or LicenseRef-<name> for a custom license";
        have_suggestion = false;
      } else {
        suggested.nodes[i].id = fix;
        changed = true;
      }
      add(Severity::error, "license-unknown", message, n.column);
    }
    if (!n.exception.empty()) {
      if (int e = leaf_exception[i]; e >= 0) {
        const ExceptionInfo& ex = exceptions[e];
        if (n.exception != ex.id) {
          changed = true;
          add(Severity::warning, "license-not-canonical",
              "SPDX ids match case-insensitively, but the canonical spelling of '" + n.exception +
                  "' is " + ex.id,
              n.exception_column);
        }
        n.exception = ex.id;
        suggested.nodes[i].exception = ex.id;
      } else {
        std::string message = "'" + n.exception + "' is not an SPDX license exception";
        std::vector<int> near = nearest(n.exception, true);
        if (near.empty()) {
          have_suggestion = false;
        } else {
          message += "; did you mean " + exceptions[near.front()].id + "?";
          suggested.nodes[i].exception = exceptions[near.front()].id;
          changed = true;
          certain = false;
        }
        add(Severity::error, "license-unknown", message, n.exception_column);
      }
    }
  }

  // Judge the tree bottom-up. Children always precede their parent in nodes.
  std::vector<Verdict> v(expr.nodes.size());
  uint8_t want = bit(type);
  for (size_t i = 0; i < expr.nodes.size(); ++i) {
    const spdx::Node& n = expr.nodes[i];
    Verdict& out = v[i];
    if (n.kind == spdx::Node::Kind::license) {
      if (spdx::is_license_ref(n.id)) {
        out.reason = n.id + " is a custom license mof-check cannot verify as open";
      } else if (leaf_license[i] < 0) {
        out.reason = "'" + n.id + "' is not an SPDX license id";
      } else if (const LicenseInfo& info = licenses[leaf_license[i]]; !info.open) {
        out.reason = reason_for(info);
      } else if (!n.exception.empty() && leaf_exception[i] < 0) {
        out.reason = "'" + n.exception + "' is not a known SPDX license exception";
      } else {
        out.open = true;
        out.suits = suits_mask[leaf_license[i]];
      }
      continue;
    }
    if (n.kind == spdx::Node::Kind::all_of) {
      out.open = true;
      out.suits = 0x7;
      for (int c : n.children) {
        if (!v[c].open) {
          out.open = false;
          if (out.reason.empty()) out.reason = v[c].reason;
        }
        out.suits = static_cast<uint8_t>(out.suits & v[c].suits);
      }
      if (!out.open) out.suits = 0;
    } else {
      // OR: the licensee may pick any side; prefer an open one that suits the type.
      int pick = -1;
      for (int c : n.children) {
        if (v[c].open && (pick < 0 || (!(v[pick].suits & want) && (v[c].suits & want)))) pick = c;
      }
      if (pick >= 0) {
        out.open = true;
        out.suits = v[pick].suits;
        out.pick = pick;
      } else {
        out.reason = v[n.children.front()].reason;
      }
    }
  }

  const Verdict& top = v[expr.root];
  a.canonical = spdx::to_string(expr);
  if (have_suggestion && changed) {
    a.suggestion = spdx::to_string(suggested);
    a.suggestion_certain = certain;
  }
  if (top.open) {
    a.status = Status::open;
    a.reason.clear();
    if (expr.nodes[expr.root].kind == spdx::Node::Kind::any_of) {
      // Name the choice that makes it open.
      spdx::Expression sub = expr;
      sub.root = top.pick;
      a.reason = "open through the choice of " + spdx::to_string(sub);
    }
    judge_fit(a, top.suits, type);
  } else {
    a.status = Status::not_open;
    a.reason = top.reason;
    bool reported = std::any_of(a.findings.begin(), a.findings.end(), [](const LicenseFinding& f) {
      return f.severity == Severity::error;
    });
    if (!reported) {
      bool single = expr.nodes[expr.root].kind == spdx::Node::Kind::license;
      add(Severity::error, "license-not-open",
          single ? a.reason : a.canonical + " is not open: " + a.reason);
    }
  }
  return a;
}

LicenseDb::LicenseDb() : impl_(std::make_unique<Impl>()) {}
LicenseDb::~LicenseDb() = default;
LicenseDb::LicenseDb(LicenseDb&&) noexcept = default;
LicenseDb& LicenseDb::operator=(LicenseDb&&) noexcept = default;

LicenseDb LicenseDb::parse(std::string_view json_text, std::string_view origin) {
  JsonReader in(json_text, origin);
  LicenseDb db;
  Impl& d = *db.impl_;
  std::vector<std::pair<std::string, std::string>> aliases;
  std::vector<size_t> alias_pos;
  std::vector<std::string> guesses;
  std::vector<size_t> guess_pos;
  bool seen_format = false, seen_licenses = false;
  d.license_by_lower.reserve(1024);
  d.phrases.reserve(2048);

  auto types = [&in](std::vector<ContentType>& out) {
    out.clear();
    in.array(
        [&](size_t) {
          size_t at = in.pos();
          std::string name = in.string("a content type");
          auto t = parse_content_type(name);
          if (!t)
            in.fail_at(at,
                       "unknown content type \"" + name + "\" (expected code, data or document)");
          out.push_back(*t);
        },
        "an array of content types");
  };
  auto words = [&in](std::vector<std::string>& out) {
    in.array([&](size_t) { out.push_back(normalise(in.string())); }, "an array of strings");
  };

  in.object(
      [&](std::string_view key) {
        if (key == "format") {
          size_t at = in.pos();
          if (in.integer() != 1)
            in.fail_at(at, "unsupported format (this mof-check reads format 1)");
          seen_format = true;
        } else if (key == "list_version") {
          d.list_version = in.string();
        } else if (key == "source") {
          d.source = in.string();
        } else if (key == "default_reason") {
          d.default_reason = in.string();
        } else if (key == "ignored_words") {
          in.object([&](std::string_view which) {
            if (which == "leading") {
              words(d.leading_words);
            } else if (which == "trailing") {
              words(d.trailing_words);
            } else {
              in.skip();
            }
          });
        } else if (key == "licenses") {
          seen_licenses = true;
          in.array([&](size_t) {
            size_t at = in.pos();
            LicenseInfo info;
            in.object(
                [&](std::string_view field) {
                  if (field == "id") {
                    info.id = in.string();
                  } else if (field == "name") {
                    info.name = in.string();
                  } else if (field == "osi") {
                    info.osi_approved = in.boolean();
                  } else if (field == "fsf") {
                    info.fsf_libre = in.boolean();
                  } else if (field == "deprecated") {
                    info.deprecated = in.boolean();
                  } else if (field == "open") {
                    info.open = in.boolean();
                  } else if (field == "suits") {
                    types(info.suits);
                  } else if (field == "note") {
                    info.note = in.string();
                  } else if (field == "note_for") {
                    types(info.note_for);
                  } else if (field == "replacement") {
                    info.replacement = in.string();
                  } else if (field == "reason") {
                    info.reason = in.string();
                  } else {
                    in.skip();
                  }
                },
                "a license object");
            if (!is_plain_id(info.id) &&
                !(info.id.size() > 1 && info.id.back() == '+' &&
                  is_plain_id(std::string_view(info.id).substr(0, info.id.size() - 1)))) {
              in.fail_at(at, "license needs an \"id\" made of letters, digits, '.' and '-'");
            }
            if (info.name.empty()) in.fail_at(at, info.id + ": license needs a \"name\"");
            if (info.open && info.suits.empty()) {
              in.fail_at(at, info.id + ": an open license needs \"suits\"");
            }
            if (info.deprecated && info.replacement.empty()) {
              in.fail_at(at, info.id + ": a deprecated id needs a \"replacement\"");
            }
            int index = static_cast<int>(d.licenses.size());
            if (!d.license_by_lower.emplace(to_lower(info.id), index).second) {
              in.fail_at(at, "duplicate license id " + info.id);
            }
            d.suits_mask.push_back(mask_of(info.suits));
            d.licenses.push_back(std::move(info));
          });
        } else if (key == "exceptions") {
          in.array([&](size_t) {
            size_t at = in.pos();
            ExceptionInfo info;
            in.object(
                [&](std::string_view field) {
                  if (field == "id") {
                    info.id = in.string();
                  } else if (field == "name") {
                    info.name = in.string();
                  } else if (field == "deprecated") {
                    info.deprecated = in.boolean();
                  } else {
                    in.skip();
                  }
                },
                "an exception object");
            if (!is_plain_id(info.id)) in.fail_at(at, "exception needs an \"id\"");
            int index = static_cast<int>(d.exceptions.size());
            if (!d.exception_by_lower.emplace(to_lower(info.id), index).second) {
              in.fail_at(at, "duplicate exception id " + info.id);
            }
            d.exceptions.push_back(std::move(info));
          });
        } else if (key == "known") {
          in.array([&](size_t) {
            size_t at = in.pos();
            KnownLicense k;
            std::vector<size_t> pattern_pos;
            in.object(
                [&](std::string_view field) {
                  if (field == "key") {
                    k.key = in.string();
                  } else if (field == "name") {
                    k.name = in.string();
                  } else if (field == "kind") {
                    k.kind = in.string();
                  } else if (field == "reason") {
                    k.reason = in.string();
                  } else if (field == "patterns") {
                    in.array(
                        [&](size_t) {
                          pattern_pos.push_back(in.pos());
                          k.patterns.push_back(normalise(in.string()));
                        },
                        "an array of strings");
                  } else {
                    in.skip();
                  }
                },
                "a known-license object");
            if (k.key.empty() || k.reason.empty()) {
              in.fail_at(at, "known license needs a \"key\" and a \"reason\"");
            }
            if (k.kind != "restricted" && k.kind != "sentinel-unlicensed" &&
                k.kind != "sentinel-undisclosed" && k.kind != "sentinel-not-included") {
              in.fail_at(at, k.key + ": unknown kind \"" + k.kind + "\"");
            }
            int value = -static_cast<int>(d.known.size()) - 1;
            for (size_t i = 0; i < k.patterns.size(); ++i) {
              if (k.patterns[i].empty())
                in.fail_at(pattern_pos[i], "pattern has no letters or digits");
              auto [it, inserted] = d.phrases.emplace(k.patterns[i], value);
              if (!inserted && it->second != value)
                in.fail_at(pattern_pos[i], "pattern is already used");
            }
            d.known.push_back(std::move(k));
          });
        } else if (key == "alias_guesses") {
          in.array(
              [&](size_t) {
                guess_pos.push_back(in.pos());
                guesses.push_back(in.string());
              },
              "an array of strings");
        } else if (key == "aliases") {
          in.object([&](std::string_view spelling) {
            alias_pos.push_back(in.pos());
            aliases.emplace_back(std::string(spelling), in.string("a license id"));
          });
        } else {
          in.skip();
        }
      },
      "a JSON object");
  in.end();
  if (!seen_format || !seen_licenses || d.default_reason.empty()) {
    in.fail_at(0, "license data needs \"format\", \"default_reason\" and \"licenses\"");
  }

  // Aliases resolve after all licenses are known; keys are kept normalised.
  for (size_t i = 0; i < aliases.size(); ++i) {
    int target = d.find_license(aliases[i].second);
    if (target < 0) in.fail_at(alias_pos[i], "alias points at unknown id " + aliases[i].second);
    std::string key = normalise(aliases[i].first);
    if (key.empty()) in.fail_at(alias_pos[i], "alias has no letters or digits");
    auto [it, inserted] = d.phrases.emplace(std::move(key), target);
    if (!inserted && it->second != target) in.fail_at(alias_pos[i], "alias is already used");
  }
  for (size_t i = 0; i < guesses.size(); ++i) {
    std::string key = normalise(guesses[i]);
    auto it = d.phrases.find(key);
    if (key.empty() || it == d.phrases.end() || it->second < 0) {
      in.fail_at(guess_pos[i], "alias guess \"" + guesses[i] + "\" is not an alias");
    }
    d.guessed.emplace(std::move(key), 0);
  }
  // Full license names are aliases too; a current id wins over a deprecated one.
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t i = 0; i < d.licenses.size(); ++i) {
      if (d.licenses[i].deprecated != (pass == 1)) continue;
      d.phrases.emplace(normalise(d.licenses[i].name), static_cast<int>(i));
    }
  }
  return db;
}

const LicenseDb& LicenseDb::builtin() {
  static const LicenseDb db = parse(embedded::licenses_json(), "<built-in licenses.json>");
  return db;
}

std::uint64_t LicenseDb::serial() const {
  return impl_ ? impl_->serial : 0;
}

const std::string& LicenseDb::list_version() const {
  return impl_->list_version;
}
const std::string& LicenseDb::source() const {
  return impl_->source;
}

const LicenseInfo* LicenseDb::find(std::string_view id) const {
  int i = impl_->find_license(id);
  return i < 0 ? nullptr : &impl_->licenses[i];
}

const ExceptionInfo* LicenseDb::find_exception(std::string_view id) const {
  int i = impl_->find_exception(id);
  return i < 0 ? nullptr : &impl_->exceptions[i];
}

const std::vector<LicenseInfo>& LicenseDb::licenses() const {
  return impl_->licenses;
}
const std::vector<ExceptionInfo>& LicenseDb::exceptions() const {
  return impl_->exceptions;
}
const std::vector<KnownLicense>& LicenseDb::known() const {
  return impl_->known;
}

LicenseAssessment LicenseDb::assess(std::string_view written, ContentType type) const {
  try {
    std::string_view text = trim(written);
    LicenseAssessment a = impl_->assess(text, type);
    // Columns count from the text as written, leading blanks included.
    int lead = static_cast<int>(text.empty() ? 0 : text.data() - written.data());
    for (LicenseFinding& f : a.findings) {
      if (f.column > 0) f.column += lead;
    }
    return a;
  } catch (const std::exception&) {
    // Only allocation failure can get here; a verdict beats a crash.
    LicenseAssessment a;
    a.status = Status::not_open;
    a.reason = "the license text could not be assessed";
    return a;
  }
}

}  // namespace mofcheck
