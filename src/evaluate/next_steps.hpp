// SPDX-License-Identifier: Apache-2.0
// minimal_actions() and next_steps() into lists an evaluation reused record
// after record already holds, keeping their room. Private.
#pragma once

#include <cstddef>
#include <vector>

#include <mofcheck/evaluate.hpp>

namespace mofcheck {

/// minimal_actions(ev, gap), written over `actions`.
void minimal_actions_into(const Evaluation& ev, const ClassGap& gap,
                          std::vector<std::size_t>& actions);
/// next_steps(ev), written over `steps`.
void next_steps_into(const Evaluation& ev, std::vector<NextStep>& steps);

}  // namespace mofcheck
