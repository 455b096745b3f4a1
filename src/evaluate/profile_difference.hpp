// SPDX-License-Identifier: Apache-2.0
// Where the two profiles judge a manifest differently: one diagnostic
// (profile-difference) per component whose openness differs, naming the
// license text the MOT accepts and the class the model reaches with it.
// Private.
#pragma once

#include <vector>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/manifest.hpp>

#include "evaluate/license_memo.hpp"

namespace mofcheck {

/// Sets ev.other_class from `other` (the same manifest judged, class only,
/// under the other profile; model_class -1 when that profile refused it) and
/// adds a warning for each component listed in both whose openness differs.
/// `sources[i]` is the field component i's license came from (or nullptr).
/// Throws nothing beyond what judging a manifest already judged can.
void explain_profile_difference(const Manifest& manifest, LicenseMemo& memo,
                                const std::vector<const Field*>& sources, const Evaluation& other,
                                Evaluation& ev);

/// When the manifest is a record of the MOT's API that carries the MOT's
/// classification, adds a warning (code mot-verdict-differs) if its class or
/// a progress figure differs from ev's.
void compare_published(const Manifest& manifest, Evaluation& ev);

}  // namespace mofcheck
