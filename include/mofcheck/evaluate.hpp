// SPDX-License-Identifier: Apache-2.0
// Evaluation: a manifest judged against a framework definition and the
// license knowledge base. Returns data only; it never prints.
#pragma once

#include <string>
#include <vector>

#include <mofcheck/error.hpp>
#include <mofcheck/framework.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/manifest.hpp>
#include <mofcheck/profile.hpp>

namespace mofcheck {

enum class ComponentStatus {
  met,               ///< listed, under an open license suited to its type
  met_with_warning,  ///< listed, open license not suited to its type
  unlicensed,        ///< listed without a license
  not_open,          ///< listed under a license that is not open
  missing,           ///< not listed (or marked as not included)
};

/// "met", "met-with-warning", "unlicensed", "not-open", "missing".
const char* status_name(ComponentStatus s);
inline bool is_met(ComponentStatus s) {
  return s == ComponentStatus::met || s == ComponentStatus::met_with_warning;
}

/// Where a component's license came from.
enum class LicenseSource { none, component, type, distribution, host };
/// "none", "component", "type", "distribution", "included-in".
const char* license_source_name(LicenseSource s);

struct ComponentResult {
  std::size_t index = 0;  ///< into Framework::components
  ComponentStatus status = ComponentStatus::missing;
  bool listed = false;
  std::string license;            ///< as written (after inheritance)
  std::string license_canonical;  ///< canonical form, or as written
  LicenseSource license_source = LicenseSource::none;
  bool type_appropriate = true;
  std::string reason;          ///< why it is not open / which open choice counted
  std::string suggestion;      ///< license id the written text most likely means
  std::string included_in;     ///< host component name when published inside another
  std::string substituted_by;  ///< component that stands in for it, when one does
  /// When unmet: the components that, once met, would stand in for it (the
  /// framework's substitutions, stand_ins_for), for the advice on it.
  std::vector<std::size_t> stand_ins;
  SourceLocation where;          ///< manifest entry (or the release when missing)
  SourceLocation license_where;  ///< where the license text was written
};

/// What one class still lacks.
struct ClassGap {
  int level = 0;
  std::vector<std::size_t> unmet;  ///< indices into Framework::components, definition order
  /// What to do to reach the class: minimal_actions() of this gap.
  std::vector<std::size_t> actions;
};

/// One class to climb to and the actions it needs.
struct NextStep {
  int level = 0;
  std::vector<std::size_t> actions;     ///< the gap's actions
  std::vector<std::size_t> additional;  ///< those not already in the step before
};

struct ModelInfo {
  std::string origin, name, version, producer, date, type;
  SourceLocation release_where;
  std::size_t record = 0;  ///< Manifest::record: number in a stream input, 0 for a whole input
  std::string mot_id;      ///< `id` of a MOT API record, else empty
};

struct Evaluation {
  const Framework* framework = nullptr;  ///< borrowed; must outlive the evaluation
  Profile profile = Profile::mot;        ///< whose judgement this is
  std::string license_list_version;
  ModelInfo model;
  int model_class = 0;  ///< 0 = unclassified, else the class level reached
  /// progress[level] in percent for each defined level (index 0 unused).
  std::vector<double> progress;
  std::vector<ComponentResult> components;  ///< one per definition component, in its order
  std::vector<Diagnostic> diagnostics;      ///< manifest and license findings
  std::vector<ClassGap> gaps;               ///< classes above the reached one, nearest first
  /// The path every report ends with: the next class up, then the most
  /// complete class when it is another one. Empty when the model reached it.
  std::vector<NextStep> next_steps;
  /// The class under other_profile(profile); every component the profiles
  /// judge differently has a diagnostic (code profile-difference).
  int other_class = 0;

  bool has_warnings() const;
};

/// The actions one class still needs, as component indices ordered by class
/// (nearest first): the gap's unmet components, less those that an unmet
/// stand-in in the same list covers. evaluate() stores them in ClassGap::actions.
std::vector<std::size_t> minimal_actions(const Evaluation& ev, const ClassGap& gap);

/// The next steps of `ev` from its gaps; evaluate() stores them in
/// Evaluation::next_steps.
std::vector<NextStep> next_steps(const Evaluation& ev);

/// What to release a component of `type` under, from the framework's
/// recommended licenses: "an open data license such as CDLA-Permissive-2.0
/// or Apache-2.0". The one source of license advice in reports.
std::string license_advice(const Framework& framework, ContentType type);

/// The end of a license-type-unsuited diagnostic: "data is better under "
/// and license_advice().
std::string unsuited_advice(const Framework& framework, ContentType type);

/// The components that, once met, stand in for `component` (indices into
/// Framework::components, definition order): ComponentResult::stand_ins of
/// an unmet component.
std::vector<std::size_t> stand_ins_for(const Framework& framework, std::size_t component);

/// Judges `manifest` under `profile` (and says where the other profile
/// differs: a profile-difference diagnostic per component, other_class):
/// statuses, class, progress, gaps and diagnostics, and
/// what the suggested license fixes would do (every "did you mean"
/// diagnostic ends with the class that fix gives; a license-fix-class note
/// when all of them together change the class). Every command that judges a
/// manifest uses this one evaluation. Throws Error only when the manifest contradicts the
/// definition structurally (an `included_in` that the definition forbids or
/// that names a component not itself included).
Evaluation evaluate(const Manifest& manifest, const Framework& framework, const LicenseDb& licenses,
                    Profile profile = Profile::mot);

}  // namespace mofcheck
