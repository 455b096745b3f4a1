// SPDX-License-Identifier: Apache-2.0
// The tables of a loaded LicenseDb and the small rules shared by the files
// that fill them (license_load.cpp) and read them (license_match.cpp,
// license_suggest.cpp, license_assess.cpp). Immutable once loaded, so the
// const members are safe to call from any thread. Private.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <mofcheck/license.hpp>
#include <mofcheck/profile.hpp>

#include "license/builtin_tables.hpp"

namespace mofcheck::license_detail {

inline constexpr std::size_t kMaxIdLength = 128;      ///< longer single tokens skip the fast path
inline constexpr std::size_t kMaxPhraseLength = 512;  ///< longer texts are no license name

/// The kinds a known license may have (data/licenses.json "known[].kind").
inline constexpr std::string_view kRestricted = "restricted";
inline constexpr std::string_view kSentinelUnlicensed = "sentinel-unlicensed";
inline constexpr std::string_view kSentinelUndisclosed = "sentinel-undisclosed";
inline constexpr std::string_view kSentinelNotIncluded = "sentinel-not-included";

/// Aliases, names and patterns are matched by lower-case letters, digits and
/// '+' only: "Apache License, Version 2.0" -> "apachelicenseversion20".
std::string normalise(std::string_view s);

/// Letters, digits, '.' and '-', at most kMaxIdLength bytes: the shape of a
/// single SPDX id.
bool is_plain_id(std::string_view s);

/// One bit per ContentType, for sets of types.
std::uint8_t type_bit(ContentType t);
std::uint8_t type_mask(const std::vector<ContentType>& types);
/// "code", "data and documents", "code, data and documents".
std::string describe_types(std::uint8_t mask);
/// "code is", "data is", "documents are": the start of advice about a type.
std::string type_subject(ContentType t);

/// Hash and equality that let maps keyed by std::string be searched with a
/// string_view.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using Map = std::unordered_map<std::string, int, StringHash, std::equal_to<>>;

/// A key -> int lookup: the hash map the loader fills from a file, or, for
/// the built-in data, a sorted constant table (builtin_tables.hpp) that
/// costs nothing to set up.
struct Index {
  Map map;
  std::span<const builtin::IndexRow> rows;

  /// The value for `key`, or nullptr. The pointer lives as long as the index.
  const int* find(std::string_view key) const {
    if (rows.empty()) {
      auto it = map.find(key);
      return it == map.end() ? nullptr : &it->second;
    }
    auto it =
        std::lower_bound(rows.begin(), rows.end(), key,
                         [](const builtin::IndexRow& r, std::string_view k) { return r.key < k; });
    return it != rows.end() && it->key == key ? &it->value : nullptr;
  }
  std::size_t size() const { return rows.empty() ? map.size() : rows.size(); }
};

}  // namespace mofcheck::license_detail

namespace mofcheck {

/// Entries of a knowledge base (licenses, exceptions, known licenses), by
/// index. A loaded one holds them all; the built-in one makes each entry from
/// its constant row the first time it is asked for (from any thread), so that
/// `mof-check FILE` builds the few its manifest names instead of all 728
/// licenses, and every exception and known license, with their strings.
template <typename T>
class OnDemandList {
 public:
  using Make = T (*)(std::size_t);

  OnDemandList() = default;
  OnDemandList(const OnDemandList&) = delete;
  OnDemandList& operator=(const OnDemandList&) = delete;
  ~OnDemandList() {
    for (std::size_t i = 0; i < size_ && made_; ++i) delete made_[i].load();
  }

  std::size_t size() const { return make_ != nullptr ? size_ : items_.size(); }
  const T& operator[](std::size_t i) const {
    if (make_ == nullptr) return items_[i];
    const T* made = made_[i].load(std::memory_order_acquire);
    return made != nullptr ? *made : make_one(i);
  }
  /// All of them (made on demand: copies, made once).
  const std::vector<T>& all() const {
    if (make_ != nullptr) {
      std::call_once(all_made_, [&] {
        items_.reserve(size_);
        for (std::size_t i = 0; i < size_; ++i) items_.push_back((*this)[i]);
      });
    }
    return items_;
  }
  auto begin() const { return all().begin(); }
  auto end() const { return all().end(); }

  // Filling a loaded list.
  void reserve(std::size_t n) { items_.reserve(n); }
  void push_back(T item) { items_.push_back(std::move(item)); }

  /// `n` entries, entry i made by maker(i) when first asked for. Only a
  /// pointer per entry is kept until then.
  void make_on_demand(std::size_t n, Make maker) {
    items_.clear();
    size_ = n;
    made_ = std::make_unique<std::atomic<const T*>[]>(n);
    make_ = maker;
  }

 private:
  const T& make_one(std::size_t i) const {
    std::lock_guard<std::mutex> lock(mutex_);
    const T* made = made_[i].load(std::memory_order_relaxed);
    if (made == nullptr) {
      made = new T(make_(i));
      made_[i].store(made, std::memory_order_release);
    }
    return *made;
  }

  mutable std::vector<T> items_;  // a loaded list; all() of one made on demand
  std::size_t size_ = 0;          // entries made on demand
  std::unique_ptr<std::atomic<const T*>[]> made_;
  Make make_ = nullptr;
  mutable std::mutex mutex_;
  mutable std::once_flag all_made_;
};

using LicenseList = OnDemandList<LicenseInfo>;

struct LicenseDb::Impl {
  std::uint64_t serial = 0;
  std::string list_version;
  std::string source;
  std::string default_reason;
  LicenseList licenses;
  OnDemandList<ExceptionInfo> exceptions;
  OnDemandList<KnownLicense> known;
  std::vector<std::uint8_t> suits_mask;      // per license
  license_detail::Index license_by_lower;    // lower-case id -> licenses index
  license_detail::Index exception_by_lower;  // lower-case id -> exceptions index
  // Normalised phrase -> target. Values >= 0 are license indexes (aliases and
  // full names); values < 0 are -(known index) - 1.
  license_detail::Index phrases;
  license_detail::Index guessed;  // normalised aliases that leave a version open (value unused)
  std::vector<std::string> leading_words, trailing_words;

  // license_match.cpp
  int find_license(std::string_view id) const;
  int find_exception(std::string_view id) const;
  /// Looks a whole text up among aliases, full names and known licenses,
  /// then again without leading words such as "the" and trailing ones such
  /// as "license". `guess`, when given, tells whether the match is an alias
  /// that leaves a version open.
  const int* find_phrase(std::string_view text, bool* guess = nullptr) const;
  /// The license's own reason, or default_reason with its id filled in.
  std::string reason_for(const LicenseInfo& info) const;

  // license_suggest.cpp
  /// Up to three current ids (or exception ids) nearest to a misspelt `id`
  /// by edit distance, best first; none when nothing is near enough.
  std::vector<int> nearest(std::string_view id, bool exceptions_only) const;

  // license_assess.cpp
  /// Judges `text` (already trimmed). Columns count from its first byte.
  LicenseAssessment assess(std::string_view text, ContentType type) const;
};

/// The private tables of a loaded LicenseDb and MotRules, read by the
/// generator of the built-in tables (tools/gen_builtin_tables.cpp) and by the
/// test that holds the tables to the files.
struct BuiltinTablesAccess {
  static const LicenseDb::Impl& impl(const LicenseDb& db) { return *db.impl_; }

  /// MotRules' facts, every set sorted.
  struct MotFacts {
    std::string source, filed_under;
    std::vector<std::string> labels, open, unlicensed, suits[3];
    std::vector<std::pair<std::string, std::string>> spellings;
  };
  static MotFacts facts(const MotRules& m) {
    // (MotRules keeps its sets sorted.)
    auto strings = [](const MotRules::Set& set) {
      return std::vector<std::string>(set.begin(), set.end());
    };
    MotFacts f{m.source_, m.filed_under_, m.labels_, strings(m.open_), strings(m.unlicensed_),
               {},        m.spellings_};
    for (int t = 0; t < 3; ++t) f.suits[t] = strings(m.suits_[t]);
    return f;
  }
};

}  // namespace mofcheck
