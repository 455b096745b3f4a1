// SPDX-License-Identifier: Apache-2.0
// Loading the knowledge base: data/licenses.json (or a --licenses file),
// read by the project's JSON reader into a tree with positions, checked and
// turned into the lookup tables. Every error names a line and column.
#include <atomic>
#include <string>
#include <utility>

#include "license/license_tables.hpp"
#include "syntax/doc_tree.hpp"
#include "util/text_util.hpp"

namespace mofcheck {

using namespace license_detail;
using doc::Node;

namespace {

// The data nests four levels deep; its longest strings are notes.
constexpr int kMaxDepth = 32;
constexpr std::size_t kMaxString = 1 << 20;

std::uint64_t next_serial() {
  static std::atomic<std::uint64_t> counter{0};
  return ++counter;
}

// Reads the tree of one data file into Impl's tables.
class Loader {
 public:
  Loader(LicenseDb::Impl& d, std::string_view origin) : d_(d), origin_(origin) {}

  void read(const Node& root) {
    object(root, "a JSON object",
           [&](const std::string& key, const Node& value) { top_member(key, value); });
    if (!seen_format_ || !seen_licenses_ || d_.default_reason.empty()) {
      fail(root, "license data needs \"format\", \"default_reason\" and \"licenses\"");
    }
    resolve_aliases();
    // Full license names are aliases too; a current id wins over a deprecated one.
    for (int pass = 0; pass < 2; ++pass) {
      for (std::size_t i = 0; i < d_.licenses.size(); ++i) {
        if (d_.licenses[i].deprecated != (pass == 1)) continue;
        d_.phrases.map.emplace(normalise(d_.licenses[i].name), static_cast<int>(i));
      }
    }
  }

 private:
  [[noreturn]] void fail(const Node& at, const std::string& message) const {
    throw Error({std::string(origin_), at.line, at.column}, message);
  }
  [[noreturn]] void expected(const Node& at, const std::string& what) const {
    fail(at, "expected " + what + ", found " + doc::kind_name(at.kind));
  }

  template <typename F>
  void object(const Node& n, const char* what, F&& on_member) {
    if (n.kind != Node::Kind::object) expected(n, what);
    for (const auto& [key, value] : n.members) on_member(key, value);
  }
  template <typename F>
  void array(const Node& n, const char* what, F&& on_item) {
    if (n.kind != Node::Kind::array) expected(n, what);
    for (const Node& item : n.items) on_item(item);
  }
  const std::string& string(const Node& n, const char* what = "a string") const {
    if (n.kind != Node::Kind::string) expected(n, what);
    return n.text;
  }
  bool boolean(const Node& n) const {
    if (n.kind != Node::Kind::boolean) expected(n, "true or false");
    return n.text == "true";
  }
  long integer(const Node& n) const {
    bool digits = n.kind == Node::Kind::number && !n.text.empty() && n.text.size() < 8;
    for (std::size_t i = 0; digits && i < n.text.size(); ++i) {
      digits = (n.text[i] >= '0' && n.text[i] <= '9') || (i == 0 && n.text[i] == '-');
    }
    if (!digits || n.text == "-") expected(n, "an integer");
    return std::stol(n.text);
  }
  void types(const Node& n, std::vector<ContentType>& out) {
    out.clear();
    array(n, "an array of content types", [&](const Node& item) {
      const std::string& name = string(item, "a content type");
      auto t = parse_content_type(name);
      if (!t) fail(item, "unknown content type \"" + name + "\" (expected code, data or document)");
      out.push_back(*t);
    });
  }
  void words(const Node& n, std::vector<std::string>& out) {
    array(n, "an array of strings",
          [&](const Node& item) { out.push_back(normalise(string(item))); });
  }

  void top_member(const std::string& key, const Node& value) {
    if (key == "format") {
      if (integer(value) != 1) fail(value, "unsupported format (this mof-check reads format 1)");
      seen_format_ = true;
    } else if (key == "list_version") {
      d_.list_version = string(value);
    } else if (key == "source") {
      d_.source = string(value);
    } else if (key == "default_reason") {
      d_.default_reason = string(value);
    } else if (key == "ignored_words") {
      object(value, "an object", [&](const std::string& which, const Node& list) {
        if (which == "leading") words(list, d_.leading_words);
        if (which == "trailing") words(list, d_.trailing_words);
      });
    } else if (key == "licenses") {
      seen_licenses_ = true;
      array(value, "an array", [&](const Node& item) { license(item); });
    } else if (key == "exceptions") {
      array(value, "an array", [&](const Node& item) { exception(item); });
    } else if (key == "known") {
      array(value, "an array", [&](const Node& item) { known(item); });
    } else if (key == "alias_guesses") {
      array(value, "an array of strings", [&](const Node& item) {
        string(item);
        guesses_.push_back(&item);
      });
    } else if (key == "aliases") {
      object(value, "an object", [&](const std::string& spelling, const Node& id) {
        string(id, "a license id");
        aliases_.emplace_back(spelling, &id);
      });
    }
    // Members this version does not know are skipped.
  }

  void license(const Node& n) {
    LicenseInfo info;
    object(n, "a license object", [&](const std::string& field, const Node& v) {
      if (field == "id") {
        info.id = string(v);
      } else if (field == "name") {
        info.name = string(v);
      } else if (field == "osi") {
        info.osi_approved = boolean(v);
      } else if (field == "fsf") {
        info.fsf_libre = boolean(v);
      } else if (field == "deprecated") {
        info.deprecated = boolean(v);
      } else if (field == "open") {
        info.open = boolean(v);
      } else if (field == "suits") {
        types(v, info.suits);
      } else if (field == "note") {
        info.note = string(v);
      } else if (field == "note_for") {
        types(v, info.note_for);
      } else if (field == "replacement") {
        info.replacement = string(v);
      } else if (field == "reason") {
        info.reason = string(v);
      }
    });
    // "GPL-2.0+" is itself a (deprecated) id in the SPDX list.
    std::string_view bare = info.id;
    if (bare.size() > 1 && bare.back() == '+') bare.remove_suffix(1);
    if (!is_plain_id(bare)) fail(n, "license needs an \"id\" made of letters, digits, '.' and '-'");
    if (info.name.empty()) fail(n, info.id + ": license needs a \"name\"");
    if (info.open && info.suits.empty()) fail(n, info.id + ": an open license needs \"suits\"");
    if (info.deprecated && info.replacement.empty()) {
      fail(n, info.id + ": a deprecated id needs a \"replacement\"");
    }
    int index = static_cast<int>(d_.licenses.size());
    if (!d_.license_by_lower.map.emplace(text::lower(info.id), index).second) {
      fail(n, "duplicate license id " + info.id);
    }
    d_.suits_mask.push_back(type_mask(info.suits));
    d_.licenses.push_back(std::move(info));
  }

  void exception(const Node& n) {
    ExceptionInfo info;
    object(n, "an exception object", [&](const std::string& field, const Node& v) {
      if (field == "id") {
        info.id = string(v);
      } else if (field == "name") {
        info.name = string(v);
      } else if (field == "deprecated") {
        info.deprecated = boolean(v);
      }
    });
    if (!is_plain_id(info.id)) fail(n, "exception needs an \"id\"");
    int index = static_cast<int>(d_.exceptions.size());
    if (!d_.exception_by_lower.map.emplace(text::lower(info.id), index).second) {
      fail(n, "duplicate exception id " + info.id);
    }
    d_.exceptions.push_back(std::move(info));
  }

  void known(const Node& n) {
    KnownLicense k;
    std::vector<const Node*> pattern_at;
    object(n, "a known-license object", [&](const std::string& field, const Node& v) {
      if (field == "key") {
        k.key = string(v);
      } else if (field == "name") {
        k.name = string(v);
      } else if (field == "kind") {
        k.kind = string(v);
      } else if (field == "reason") {
        k.reason = string(v);
      } else if (field == "patterns") {
        array(v, "an array of strings", [&](const Node& p) {
          pattern_at.push_back(&p);
          k.patterns.push_back(normalise(string(p)));
        });
      }
    });
    if (k.key.empty() || k.reason.empty())
      fail(n, "known license needs a \"key\" and a \"reason\"");
    if (k.kind != kRestricted && k.kind != kSentinelUnlicensed && k.kind != kSentinelUndisclosed &&
        k.kind != kSentinelNotIncluded) {
      fail(n, k.key + ": unknown kind \"" + k.kind + "\"");
    }
    int value = -static_cast<int>(d_.known.size()) - 1;
    for (std::size_t i = 0; i < k.patterns.size(); ++i) {
      if (k.patterns[i].empty()) fail(*pattern_at[i], "pattern has no letters or digits");
      auto [it, inserted] = d_.phrases.map.emplace(k.patterns[i], value);
      if (!inserted && it->second != value) fail(*pattern_at[i], "pattern is already used");
    }
    d_.known.push_back(std::move(k));
  }

  // Aliases resolve after all licenses are known; keys are kept normalised.
  void resolve_aliases() {
    for (const auto& [spelling, id] : aliases_) {
      int target = d_.find_license(id->text);
      if (target < 0) fail(*id, "alias points at unknown id " + id->text);
      std::string key = normalise(spelling);
      if (key.empty()) fail(*id, "alias has no letters or digits");
      auto [it, inserted] = d_.phrases.map.emplace(std::move(key), target);
      if (!inserted && it->second != target) fail(*id, "alias is already used");
    }
    for (const Node* g : guesses_) {
      std::string key = normalise(g->text);
      const int* target = d_.phrases.find(key);
      if (key.empty() || !target || *target < 0) {
        fail(*g, "alias guess \"" + g->text + "\" is not an alias");
      }
      d_.guessed.map.emplace(std::move(key), 0);
    }
  }

  LicenseDb::Impl& d_;
  std::string_view origin_;
  bool seen_format_ = false, seen_licenses_ = false;
  std::vector<std::pair<std::string, const Node*>> aliases_;  // spelling, id
  std::vector<const Node*> guesses_;
};

}  // namespace

LicenseDb::LicenseDb() : impl_(std::make_unique<Impl>()) {
  impl_->serial = next_serial();
}
LicenseDb::~LicenseDb() = default;
LicenseDb::LicenseDb(LicenseDb&&) noexcept = default;
LicenseDb& LicenseDb::operator=(LicenseDb&&) noexcept = default;

LicenseDb LicenseDb::parse(std::string_view json_text, std::string_view origin) {
  // One byte order mark may open the file (the JSON reader refuses another).
  if (json_text.starts_with("\xEF\xBB\xBF")) json_text.remove_prefix(3);
  const Node root = doc::parse_json(json_text, origin, kMaxDepth, kMaxString);
  LicenseDb db;
  db.impl_->license_by_lower.map.reserve(1024);
  db.impl_->phrases.map.reserve(2048);
  Loader(*db.impl_, origin).read(root);
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
  return impl_->licenses.all();
}
const std::vector<ExceptionInfo>& LicenseDb::exceptions() const {
  return impl_->exceptions.all();
}
const std::vector<KnownLicense>& LicenseDb::known() const {
  return impl_->known.all();
}

}  // namespace mofcheck
