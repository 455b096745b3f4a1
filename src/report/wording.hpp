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

/// A component's license as the tables show it: "Apache-2.0 (type-wide
/// license)", "no license", "counted through Research paper"; empty for a
/// component not listed and not stood in for. `safe` as for waived().
std::string license_cell(const ComponentResult& r, std::string (*safe)(std::string_view) = nullptr);

}  // namespace mofcheck::wording
