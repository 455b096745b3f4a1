// SPDX-License-Identifier: Apache-2.0
// The release gate: whether an evaluation passes a pipeline's policy.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <mofcheck/evaluate.hpp>

namespace mofcheck {

/// An accepted diagnostic: it does not fail `strict`, but reports still show
/// it (as waived). Waivers never change the class.
struct Waiver {
  std::string code;       ///< diagnostic code it covers, e.g. "license-type-unsuited"
  std::string component;  ///< component the diagnostic concerns; empty covers every one
  std::string reason;     ///< why it is accepted
  std::string expires;    ///< last day it holds, YYYY-MM-DD
  SourceLocation where;   ///< where it was written (the project configuration)
};

struct GatePolicy {
  int min_class = 0;    ///< 0 = no class required; else the level to reach (3 = Class III)
  bool strict = false;  ///< warning diagnostics fail the gate unless waived
  /// How failures and reports name the strict setting ("fails strict"); the
  /// CLI passes its flag, "--strict".
  std::string strict_label = "strict";
  std::vector<std::size_t>
      require;  ///< components (indices into Framework::components) that must be met
  std::vector<Waiver> waivers;
  /// The date waivers are judged on, YYYY-MM-DD; a waiver whose `expires`
  /// is before it has expired. Empty: no waiver expires.
  std::string today;
};

/// A diagnostic a waiver covers.
struct WaivedDiagnostic {
  std::size_t diagnostic = 0;  ///< index into Evaluation::diagnostics
  Waiver waiver;
};

struct GateResult {
  bool passed = true;
  std::vector<std::string> failures;    ///< one sentence each
  int min_class = 0;                    ///< the class the policy required (0: none)
  std::string strict_label = "strict";  ///< GatePolicy::strict_label, for reports
  /// Components whose not being met fails the gate (the gap to the minimum
  /// class, and required components), in definition order.
  std::vector<std::size_t> blocking;
  /// Diagnostics (indices into Evaluation::diagnostics) that fail the gate under `strict`.
  std::vector<std::size_t> failing_diagnostics;
  std::vector<WaivedDiagnostic> waived;  ///< diagnostics a valid waiver covers
  std::vector<Waiver> expired;           ///< waivers past their date (each fails the gate)

  /// True when `component` is in `blocking`.
  bool blocks(std::size_t component) const;
  /// The waiver covering diagnostic `index`, or nullptr.
  const Waiver* waiver_for(std::size_t index) const;
  /// True when diagnostic `index` is in `failing_diagnostics`.
  bool fails_on(std::size_t index) const;
};

/// Applies the policy to an evaluation. Pure; never prints, never throws.
GateResult check_gate(const Evaluation& evaluation, const GatePolicy& policy);

/// Parses "I", "II", "III", "1", "2", "3" (any case) against the framework's
/// levels; returns 0 when the text names no class.
int parse_class_level(const std::string& text, const Framework& framework);

/// True when `text` is a valid calendar date written YYYY-MM-DD.
bool is_iso_date(const std::string& text);

}  // namespace mofcheck
