// SPDX-License-Identifier: Apache-2.0
// The built-in knowledge base and MOT profile, made from the constant tables
// the build generated from data/licenses.json and data/mot-profile.json
// (builtin_tables.hpp): no text is parsed at start-up, and the lookup tables
// of the knowledge base are used in place, already sorted.
#include <string>
#include <vector>

#include "license/builtin_tables.hpp"
#include "license/license_tables.hpp"

namespace mofcheck {

namespace {

std::vector<ContentType> types(std::span<const builtin::TypeCode> codes) {
  std::vector<ContentType> out;
  out.reserve(codes.size());
  for (builtin::TypeCode c : codes) out.push_back(static_cast<ContentType>(c));
  return out;
}

template <typename Out>
Out strings(std::span<const std::string_view> in) {
  Out out;
  out.reserve(in.size());
  for (std::string_view s : in) out.insert(out.end(), std::string(s));
  return out;
}

}  // namespace

// The built-in objects are made once and never destroyed: freeing a few
// thousand strings at exit is most of what `mof-check FILE` would do after
// its report (still reachable through the static reference, so leak checkers
// stay quiet).
const LicenseDb& LicenseDb::builtin() {
  static const LicenseDb& db = *new LicenseDb([] {
    const builtin::LicenseTables& t = builtin::kLicenses;
    LicenseDb out;
    Impl& d = *out.impl_;
    d.list_version = t.list_version;
    d.source = t.source;
    d.default_reason = t.default_reason;
    // Each LicenseInfo is made from its row when first asked for.
    d.licenses.make_on_demand(t.licenses.size(), [](std::size_t i) {
      const builtin::LicenseRow& r = builtin::kLicenses.licenses[i];
      return LicenseInfo{
          .id = std::string(r.id),
          .name = std::string(r.name),
          .osi_approved = r.osi_approved,
          .fsf_libre = r.fsf_libre,
          .deprecated = r.deprecated,
          .open = r.open,
          .suits = types(r.suits),
          .replacement = std::string(r.replacement),
          .note = std::string(r.note),
          .note_for = types(r.note_for),
          .reason = std::string(r.reason),
      };
    });
    d.suits_mask.assign(t.suits_mask.begin(), t.suits_mask.end());
    d.exceptions.make_on_demand(t.exceptions.size(), [](std::size_t i) {
      const builtin::ExceptionRow& r = builtin::kLicenses.exceptions[i];
      return ExceptionInfo{std::string(r.id), std::string(r.name), r.deprecated};
    });
    d.known.make_on_demand(t.known.size(), [](std::size_t i) {
      const builtin::KnownRow& r = builtin::kLicenses.known[i];
      return KnownLicense{std::string(r.key), std::string(r.name),
                          strings<std::vector<std::string>>(r.patterns), std::string(r.reason),
                          std::string(r.kind)};
    });
    d.license_by_lower.rows = t.license_by_lower;
    d.exception_by_lower.rows = t.exception_by_lower;
    d.phrases.rows = t.phrases;
    d.guessed.rows = t.guessed;  // (empty rows read the empty map: nothing found)
    d.leading_words = strings<std::vector<std::string>>(t.leading_words);
    d.trailing_words = strings<std::vector<std::string>>(t.trailing_words);
    return out;
  }());
  return db;
}

const MotRules& MotRules::builtin() {
  static const MotRules& rules = *new MotRules([] {
    const builtin::MotTables& t = builtin::kMot;
    MotRules r;
    r.source_ = t.source;
    r.filed_under_ = t.filed_under;
    r.labels_ = strings<std::vector<std::string>>(t.labels);
    // The views keep to the constant tables; the generator wrote the sets sorted.
    r.open_ = sorted({t.open.begin(), t.open.end()});
    r.unlicensed_ = sorted({t.unlicensed.begin(), t.unlicensed.end()});
    for (int i = 0; i < 3; ++i) r.suits_[i] = sorted({t.suits[i].begin(), t.suits[i].end()});
    for (const builtin::SpellingRow& s : t.spellings) {
      r.spellings_.emplace_back(std::string(s.spdx_id), std::string(s.mot_id));
    }
    return r;
  }());
  return rules;
}

}  // namespace mofcheck
