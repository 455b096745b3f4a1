// SPDX-License-Identifier: Apache-2.0
// Reading record after record into one Manifest, so that its strings and
// lists keep their room instead of being allocated afresh for each (a
// scoring thread of a stream). Private.
#pragma once

#include <string_view>

#include <mofcheck/manifest.hpp>

namespace mofcheck {

/// parse_manifest(text, origin, syntax, limits) into `out`, whatever `out`
/// held before: afterwards `out` equals what parse_manifest() returns.
/// Throws as parse_manifest(), leaving `out` unspecified (but reusable).
void parse_manifest_into(Manifest& out, std::string_view text, std::string_view origin,
                         InputSyntax syntax, const ReadLimits& limits);

}  // namespace mofcheck
