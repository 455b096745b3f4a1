// SPDX-License-Identifier: Apache-2.0
// License fixes: the canonical rewrite of every license a manifest writes,
// applied to the manifest's text byte for byte (mof-check fix), or to the
// parsed manifest to tell what class the fixes would give (the "what if" of
// every "did you mean" diagnostic, which evaluate() adds).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <mofcheck/error.hpp>
#include <mofcheck/evaluate.hpp>
#include <mofcheck/framework.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/manifest.hpp>

namespace mofcheck {

/// One license value of a manifest and the canonical text it should have.
struct LicenseEdit {
  std::string field;  ///< e.g. "release.license.distribution.name", "release.components[2].license"
  SourceLocation where;     ///< where the value is written (its first character or opening quote)
  std::string written;      ///< the value as the manifest says it
  std::string replacement;  ///< canonical SPDX id or expression
  /// The replacement means exactly what is written (case, an alias or full
  /// name, a deprecated id's SPDX replacement); false for a guess (nearest
  /// id by edit distance, an alias that leaves the version open).
  bool certain = false;
  /// Under the profile of the fix, the written text is not open and the
  /// replacement is: the rewrite changes the verdict, and says so.
  bool opens = false;
  /// Why fix_manifest_text() left it as written (empty for an applied edit).
  std::string left_because;
};

/// Every license value of `manifest` (the global license names and the
/// components' own licenses) that LicenseDb would rewrite, in the order they
/// are written. Values needing no change, and values nothing fits (unknown
/// text, malformed expressions, known non-open licenses), are not listed.
std::vector<LicenseEdit> plan_license_edits(const Manifest& manifest, const LicenseDb& licenses);

/// `manifest` with the license values of `edits` replaced (positions kept).
Manifest apply_license_edits(Manifest manifest, const std::vector<LicenseEdit>& edits);

/// Outcome of fix_manifest_text().
struct FixResult {
  std::string text;                  ///< the fixed text; equal to the input when nothing applied
  std::vector<LicenseEdit> applied;  ///< certain edits, written into `text`
  std::vector<LicenseEdit> skipped;  ///< guesses, left as written for the producer to decide
};

/// Rewrites the certain license edits of a manifest text, and under the mot
/// profile only those whose replacement the MOT can record (one license id,
/// not an expression); the others are `skipped` with the reason. Only the bytes of
/// each edited value change: a JSON string is replaced by the JSON-encoded
/// new text; a YAML scalar keeps its style (plain, single or double quoted).
/// Throws Error (origin, line, column) when the text is not a valid manifest
/// or a value to edit cannot be rewritten safely: a YAML block scalar, an
/// anchored or aliased value, a value spread over several lines, a number or
/// boolean. Nothing is partly fixed: it rewrites every certain edit or throws.
/// `syntax` is the manifest's (resolve_syntax() of its file); automatic
/// decides by content.
FixResult fix_manifest_text(std::string_view text, std::string_view origin,
                            const LicenseDb& licenses, const ReadLimits& limits = {},
                            Profile profile = Profile::mot,
                            InputSyntax syntax = InputSyntax::automatic);

}  // namespace mofcheck
