// SPDX-License-Identifier: Apache-2.0
// Release diffs: how a model's openness changed between two manifests
// (e.g. the base branch and a pull request). Pure data; never prints.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <mofcheck/evaluate.hpp>

namespace mofcheck {

/// One component whose status or license differs.
struct ComponentChange {
  std::size_t index = 0;  ///< into Framework::components
  ComponentStatus old_status = ComponentStatus::missing;
  ComponentStatus new_status = ComponentStatus::missing;
  std::string old_license;  ///< canonical form; empty when not listed
  std::string new_license;
  SourceLocation where;  ///< the component in the new manifest (or its release)
};

struct EvaluationDiff {
  const Framework* framework = nullptr;  ///< borrowed from the evaluations
  std::string old_origin, new_origin;
  int old_class = 0;  ///< 0 = unclassified
  int new_class = 0;
  std::vector<double> old_progress, new_progress;  ///< indexed by level, as in Evaluation
  std::vector<ComponentChange> changes;            ///< definition order

  /// The new class is less complete than the old one (or unclassified).
  bool downgraded() const;
  /// The new class is more complete than the old one.
  bool upgraded() const;
};

/// Compares two evaluations made with the same framework. Throws Error when
/// they were judged by different framework definitions.
EvaluationDiff diff_evaluations(const Evaluation& old_ev, const Evaluation& new_ev);

}  // namespace mofcheck
