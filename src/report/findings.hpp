// SPDX-License-Identifier: Apache-2.0
// The findings of one evaluation as a flat list with levels and locations,
// for the annotation formats (sarif, github). Rendering only: it reads the
// evaluation and the gate outcome, and judges nothing again. Private.
#pragma once

#include <string>
#include <vector>

#include <mofcheck/gate.hpp>

namespace mofcheck {

enum class FindingLevel { error, warning, note };

/// "error", "warning", "note".
const char* finding_level_name(FindingLevel level);

struct Finding {
  /// error: fails the gate; warning: a diagnostic, or what the next class
  /// lacks; note: the rest (waived diagnostics, gaps of classes further on).
  FindingLevel level = FindingLevel::note;
  std::string rule;     ///< "component/<id>", a diagnostic code, or "waiver-expired"
  std::string title;    ///< a few words
  std::string message;  ///< one or two sentences
  SourceLocation where;
  SourceLocation license_where;    ///< for components: where the license was written, if anywhere
  int component = -1;              ///< index into Framework::components, or -1
  const Waiver* waiver = nullptr;  ///< set for a waived diagnostic (points into the GateResult)
};

/// Rule id of a framework component: "component/<id>".
std::string component_rule(const ComponentDef& def);

/// Every unmet required component (nearest class first), every diagnostic and
/// every expired waiver of one evaluation. Locations default to the manifest.
std::vector<Finding> list_findings(const Evaluation& ev, const GateResult& gate);

}  // namespace mofcheck
