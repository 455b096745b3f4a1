// SPDX-License-Identifier: Apache-2.0
#include "util/diagnostic_codes.hpp"

#include <array>

namespace mofcheck {

namespace {

constexpr Severity E = Severity::error;
constexpr Severity W = Severity::warning;
constexpr Severity N = Severity::note;

constexpr std::array<DiagnosticCode, 27> kCodes = {{
    // Manifest readers.
    {"unknown-key", W, "The manifest has a key mof-check does not know",
     "Remove the key or correct its spelling; it is ignored."},
    {"not-a-string", W, "A value is a number or boolean where a string belongs",
     "Quote the value."},
    {"yaml-alias", W, "The YAML manifest repeats a value through an alias",
     "Write the value out where it is used; mof-check expands aliases, but readers of the "
     "manifest may not."},
    // License layer.
    {"license-not-open", E, "The license is not open under the MOF",
     "Release the component under an open license suited to its type (OSI-approved for code, "
     "an open data license for data, an open content license for documents)."},
    {"license-alias", E, "The license is written with a name that is not an SPDX id",
     "Write the SPDX id the message suggests, so tools can recognise the license.", true},
    {"license-unknown", E, "The license id is not on the SPDX License List",
     "Write an SPDX license id, or a LicenseRef- for a license that has none.", true},
    {"license-syntax", E, "The license is not a valid SPDX license expression",
     "Fix the expression at the column shown: ids joined by AND, OR and WITH, with parentheses."},
    {"license-not-canonical", W, "The license id or operator is not written in canonical form",
     "Write the SPDX id with its canonical spelling and operators in upper case."},
    {"license-deprecated", W, "The SPDX license id is deprecated",
     "Write the id SPDX lists as its replacement."},
    {"license-type-unsuited", W, "The open license is not suited to the component's type",
     "Prefer a license made for the type (a software license for code, a data license for "
     "data, a content license for documents)."},
    // Evaluator.
    {"unknown-component", W, "The manifest lists a component the framework does not define",
     "Write the component's name as 'mof-check components' lists it; it is not counted."},
    {"duplicate-component", W, "The manifest lists a component twice",
     "Keep one entry per component; the last one counts, as in the MOT."},
    {"profile-difference", W, "The mot and spdx profiles judge a component differently",
     "Write the license as the MOT accepts it (the exact SPDX id the message names) so that both "
     "profiles agree."},
    {"mot-verdict-differs", W,
     "The record's published MOT classification differs from this verdict",
     "Check the record against the MOT's current data; the published class may be stale."},
    {"component-name", W, "The component is written with another name than the framework's",
     "Write the name exactly as the framework does."},
    {"framework-version", W, "The manifest was written for another framework version",
     "Update the manifest's framework section, or judge it with the matching definition."},
    {"included-in-license", W,
     "A component published inside another also states a license of its own",
     "Remove its license (it takes the license of the component it is included in), or drop "
     "'included_in' to publish it separately."},
    {"license-fix-class", N, "Writing the suggested license ids would change the class",
     "Write the ids the license-alias and license-unknown diagnostics suggest; 'mof-check fix' "
     "writes the certain ones."},
    // License texts against the claims (check --paths ROOT --verify-licenses).
    {"license-text-differs", E, "A license file holds another license than the manifest claims",
     "Claim the license the file holds, or point license_path at the text of the claimed "
     "license; 'mof-check license --file PATH' shows what the file reads as."},
    {"license-text-adds-terms", E,
     "A license file adds terms (a rider, use restrictions) to the open license claimed",
     "The text is not the plain open license: remove the added terms, or claim the license "
     "as it is (a LicenseRef) and accept that it is not open."},
    {"license-text-unrecognised", W, "A license file holds no license text mof-check knows",
     "Check by hand that the file is the claimed license."},
    {"license-text-verified", N, "A license file holds the claimed license", "Nothing to do."},
    // Path check against a checkout.
    {"path-url", N, "A path of the manifest is a URL, which is not fetched",
     "Nothing to do; only local paths are checked against the checkout."},
    {"path-escapes", E, "A path of the manifest leaves the checkout",
     "Write the path relative to the checkout root, without '..' or a symbolic link that "
     "points outside it."},
    {"path-missing", E, "A path of the manifest does not exist in the checkout",
     "Add the file to the checkout, or correct the path."},
    // Rules reports add.
    {"waiver-expired", E, "A waiver in the project configuration has expired",
     "Fix what the waiver accepted, or renew the waiver with a new reason and date."},
    {"input-error", E, "The input could not be read or evaluated",
     "Fix the manifest at the location shown; nothing else about it was judged."},
}};

}  // namespace

std::span<const DiagnosticCode> diagnostic_codes() {
  return kCodes;
}

const DiagnosticCode* find_diagnostic_code(std::string_view code) {
  for (const auto& c : kCodes) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

}  // namespace mofcheck
