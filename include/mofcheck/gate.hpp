// SPDX-License-Identifier: Apache-2.0
// The release gate: whether an evaluation passes a pipeline's policy.
#pragma once

#include <string>
#include <vector>

#include <mofcheck/evaluate.hpp>

namespace mofcheck {

struct GatePolicy {
  int min_class = 0;  ///< 0 = no class required; else the level to reach (3 = Class III)
};

struct GateResult {
  bool passed = true;
  std::vector<std::string> failures;  ///< one sentence each
};

/// Applies the policy to an evaluation. Pure; never prints.
GateResult check_gate(const Evaluation& evaluation, const GatePolicy& policy);

/// Parses "I", "II", "III", "1", "2", "3" (any case) against the framework's
/// levels; returns 0 when the text names no class.
int parse_class_level(const std::string& text, const Framework& framework);

}  // namespace mofcheck
