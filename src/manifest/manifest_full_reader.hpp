// SPDX-License-Identifier: Apache-2.0
// The full manifest reader: every warning, every exact error message, JSON
// and YAML alike. parse_manifest() tries the plain JSON path first and comes
// here for everything else; tests and the differential fuzzer call it
// directly to hold the two to the same answers. Private to the library.
#pragma once

#include <string_view>

#include <mofcheck/manifest.hpp>

namespace mofcheck {

/// parse_manifest() without the plain JSON path.
Manifest read_manifest_fully(std::string_view text, std::string_view origin, InputSyntax syntax,
                             const ReadLimits& limits);

}  // namespace mofcheck
