// SPDX-License-Identifier: Apache-2.0
// The common case of a JSON manifest, read straight into a Manifest by a
// reader of the plain shape alone: no tree, no per-field path strings. It takes only plain input
// (known keys once each, strings or null where text goes, within the
// limits) and declines everything else, so the full reader, which gives
// every warning and the exact error message, stays the one authority on
// what a manifest means. Private to the library.
#pragma once

#include <string_view>

#include <mofcheck/manifest.hpp>

namespace mofcheck {

/// Reads `text` (JSON, without a byte order mark) into `out` and returns
/// true when it is a plain manifest (`out` is a default Manifest, or one
/// emptied for reuse by parse_manifest_into()); returns false, leaving `out` in an
/// unspecified state, when the full reader must decide: any syntax error,
/// unknown, legacy or duplicate key, value of another type, empty name,
/// limit reached, NUL byte, or escaped surrogate. When it returns
/// true, parse_manifest() with the full reader gives the same Manifest.
/// Each thread keeps its own buffers between calls.
bool read_plain_json_manifest(std::string_view text, std::string_view origin,
                              const ReadLimits& limits, Manifest& out);

}  // namespace mofcheck
