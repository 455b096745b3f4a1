// SPDX-License-Identifier: Apache-2.0
// The common case of a YAML manifest (a record of the MOT's stream, say),
// read straight from parse events into a Manifest: no tree, no per-field
// path strings. The events come from the block scanner when the text is in
// the block layout records are written in (syntax/yaml_block_scanner.hpp),
// from libfyaml otherwise. As the plain JSON path, it takes only plain input
// (known keys once each, strings or null where text goes, no anchors, tags,
// block scalars, tabs or carriage returns, within the limits) and declines
// everything else, so the full reader stays the one authority on what a
// manifest means. Private to the library.
#pragma once

#include <string_view>

#include <mofcheck/manifest.hpp>

namespace mofcheck {

/// Where the plain path takes its parse events from: the block scanner
/// for texts in the block layout and libfyaml for the others (the default),
/// or only one of them (for tests that hold each to the full reader).
enum class PlainYamlEvents { either, block_scanner, libfyaml };

/// Reads `text` (YAML without a byte order mark, whose encoding
/// check_text_encoding() passed) into `out` and returns true when it is a
/// plain manifest (`out` is a default Manifest, or one emptied for reuse);
/// returns false, leaving `out` in an unspecified state, when the full
/// reader must decide. When it returns true, the full reader gives the same
/// Manifest.
bool read_plain_yaml_manifest(std::string_view text, std::string_view origin,
                              const ReadLimits& limits, Manifest& out,
                              PlainYamlEvents from = PlainYamlEvents::either);

}  // namespace mofcheck
