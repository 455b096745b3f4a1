// SPDX-License-Identifier: Apache-2.0
// Profiles: whose judgement a report gives. `mot` is the Model Openness
// Tool's own (license and component names compared exactly, its open list,
// its class labels); `spdx` is SPDX semantics (ids matched case-insensitively,
// expressions, OSI/FSF/MOF data). MotRules holds the MOT's facts, loaded from
// data (data/mot-profile.json). Immutable after loading; safe to share
// between threads.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <mofcheck/license.hpp>

namespace mofcheck {

enum class Profile { mot, spdx };

/// "mot", "spdx".
const char* profile_name(Profile p);
/// Inverse of profile_name; nullopt for anything else.
std::optional<Profile> parse_profile(std::string_view s);
/// The other profile (mot <-> spdx).
inline Profile other_profile(Profile p) {
  return p == Profile::mot ? Profile::spdx : Profile::mot;
}

/// The MOT's license facts and class labels.
class MotRules {
 public:
  /// Parses data/mot-profile.json's format. Throws Error naming `origin`.
  static MotRules parse(std::string_view json_text, std::string_view origin);
  /// The data built into the binary.
  static const MotRules& builtin();

  /// Whether the MOT counts `written` as an open license: exact comparison.
  bool open(std::string_view written) const;
  /// Whether the MOT lists `id` as suited to `type` (its isTypeAppropriate).
  bool suits(std::string_view id, ContentType type) const;
  /// The component types the MOT lists `id` as suited to (may be empty).
  std::vector<ContentType> suited_types(std::string_view id) const;
  /// The id the MOT's list gives a license SPDX names `spdx_id`, when the
  /// two differ (PDDL-1.0 is ODC-PDDL-1.0 there); empty otherwise.
  std::string spelling(std::string_view spdx_id) const;
  /// Whether the MOT stores `written` as no license ("", "0", "unlicensed").
  bool unlicensed(std::string_view written) const;
  /// The MOT's label of a class level (0: "Unclassified"); empty if it has none.
  const std::string& label(int level) const;
  /// The component the MOT files a component name it does not know under.
  const std::string& unknown_component_filed_under() const { return filed_under_; }
  /// The open ids, sorted.
  const std::vector<std::string_view>& open_ids() const { return open_; }
  const std::string& source() const { return source_; }

  /// Same facts (the built-in tables against the parsed file, in the tests).
  friend bool operator==(const MotRules& a, const MotRules& b);

  /// The MOT's verdict on a written license for a component of `type`:
  /// open (suits_type as its type data says), unlicensed, or not open. Never
  /// throws; findings and suggestion stay empty (the caller compares with
  /// the spdx verdict to advise).
  LicenseAssessment assess(std::string_view written, ContentType type) const;

 private:
  friend struct BuiltinTablesAccess;  // the build's table generator
  // Sorted views, searched by bisection: the built-in rules view the constant
  // tables, so making them allocates no string; parsed rules view text_.
  using Set = std::vector<std::string_view>;
  static bool has(const Set& set, std::string_view s);
  /// Sorted, without repeats.
  static Set sorted(Set v);
  /// Views `s` for the life of this object and its copies.
  std::string_view keep(std::string s);
  std::shared_ptr<std::deque<std::string>> text_;  // a parsed file's strings
  Set open_;
  Set suits_[3];
  Set unlicensed_;
  std::vector<std::pair<std::string, std::string>> spellings_;
  std::vector<std::string> labels_;
  std::string filed_under_;
  std::string source_;
};

}  // namespace mofcheck
