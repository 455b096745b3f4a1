// SPDX-License-Identifier: Apache-2.0
// Remembered license assessments for batch scoring, where the same few dozen
// license texts recur in every record; and evaluate()
// judging through such a memo, and the class a manifest would reach with
// some license values replaced. A memo takes no lock: give each thread its
// own. Private.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/manifest.hpp>
#include <mofcheck/profile.hpp>

namespace mofcheck {

/// LicenseDb::assess() with the verdicts kept for texts seen before. Bounded:
/// long texts are judged every time, and so is every new text once the memo
/// is full (it never forgets, so a reference into it stays valid).
/// It also names the profile an evaluation through it judges by.
class LicenseMemo {
 public:
  explicit LicenseMemo(const LicenseDb& db, Profile profile = Profile::mot);

  /// Whether this memo holds the verdicts of `db` (that very knowledge base,
  /// not another one loaded later at the same address) for `profile`.
  bool serves(const LicenseDb& db, Profile profile = Profile::mot) const;
  const LicenseDb& db() const { return *db_; }
  Profile profile() const { return profile_; }
  const MotRules& mot() const { return *mot_; }

  /// db().assess(written, type): the spdx verdict. The reference is valid
  /// until the next call of assess() or both().
  const LicenseAssessment& assess(std::string_view written, ContentType type);
  /// The verdict under profile `p`: assess() for spdx, the MOT's for mot
  /// (remembered as well). The reference is valid until the next call with
  /// the same profile, or of both().
  const LicenseAssessment& judge(std::string_view written, ContentType type, Profile p);

  /// The MOT's verdict and the spdx one, found with one look-up.
  struct Verdicts {
    const LicenseAssessment& mot;
    const LicenseAssessment& spdx;
  };
  /// Valid until the next call of any of assess(), judge() and both().
  Verdicts both(std::string_view written, ContentType type);

 private:
  // Both verdicts on one text, each judged when first asked for.
  struct Entry {
    LicenseAssessment spdx, mot;
    bool has_spdx = false, has_mot = false;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Table = std::unordered_map<std::string, Entry, Hash, std::equal_to<>>;

  // The entry of `written` (a scratch one for a text not kept), its verdicts
  // filled as `spdx` and `mot` ask.
  Entry& entry(std::string_view written, ContentType type, bool spdx, bool mot);

  const LicenseDb* db_;
  std::uint64_t serial_;
  Profile profile_;
  const MotRules* mot_;
  std::array<Table, 3> tables_;  // by ContentType
  std::size_t entries_ = 0;
  // The entries found last, by the address of the text looked up: judging
  // one record asks for the same field's text many times (both profiles,
  // each fix tried), and a hit skips hashing it and walking a bucket. A hit
  // still compares the text with the entry's key, so a text at an address
  // another text had is looked up afresh.
  struct Recent {
    const char* data = nullptr;
    std::size_t size = 0;
    const std::string* key = nullptr;
    Entry* entry = nullptr;
  };
  std::array<std::array<Recent, 32>, 3> recent_{};  // by ContentType, then address
  // Verdicts on texts not kept, one per kind, so that a verdict of one kind
  // outlives a look-up of the other.
  Entry uncached_spdx_, uncached_mot_, uncached_both_;
};

/// How much of an evaluation to compute.
enum class EvaluationDetail {
  full,  ///< everything
  /// The verdicts (class, progress, statuses, diagnostics, gaps, so every
  /// gate decides the same) without the text only some reports print: the
  /// class each suggested fix would reach (add_fix_outcomes), the actions of
  /// each gap and the next steps are left out.
  verdict,
};

/// evaluate(), judging licenses through `memo` (which names the knowledge
/// base and the profile).
Evaluation evaluate(const Manifest& manifest, const Framework& framework, LicenseMemo& memo,
                    EvaluationDetail detail = EvaluationDetail::full);
/// The same into `ev`, whatever it held (an earlier record's evaluation):
/// afterwards it equals what evaluate() returns, and its strings and lists
/// kept their room. Throws as evaluate(), leaving `ev` unspecified.
void evaluate_into(Evaluation& ev, const Manifest& manifest, const Framework& framework,
                   LicenseMemo& memo, EvaluationDetail detail = EvaluationDetail::full);

/// One license value of a manifest read as another text.
struct LicenseReplacement {
  const Field* field = nullptr;  ///< a license field of the manifest
  std::string_view text;
};

/// evaluate(manifest with the `replaced` values).model_class under `profile`,
/// computed without copying the manifest or writing any text. Throws as
/// evaluate().
int class_with_licenses(const Manifest& manifest, const Framework& framework, LicenseMemo& memo,
                        const std::vector<LicenseReplacement>& replaced, Profile profile);

/// The part of evaluate() that tells what the suggested license fixes would
/// do: every "did you mean" diagnostic (license-alias, license-unknown) of
/// `ev` ends with the class the model would reach with that fix, and when
/// several fixes together change the class a note (license-fix-class) says
/// so. `ev` is the judgement of `manifest`. Throws as evaluate().
void add_fix_outcomes(Evaluation& ev, const Manifest& manifest, const Framework& framework,
                      LicenseMemo& memo);

}  // namespace mofcheck
