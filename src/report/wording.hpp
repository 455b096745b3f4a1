// SPDX-License-Identifier: Apache-2.0
// Phrases several report formats share, written once so they cannot drift
// apart. Private to the report layer; pure, never throw.
#pragma once

#include <string>
#include <string_view>

#include <mofcheck/gate.hpp>

namespace mofcheck::wording {

/// A progress figure as a whole percentage: "50%".
std::string percent(double p);

/// What a report appends to a waived diagnostic: "waived until DATE: REASON".
/// `safe` escapes the input-derived parts for the format (identity when null).
std::string waived(const Waiver& waiver, std::string (*safe)(std::string_view) = nullptr);

}  // namespace mofcheck::wording
