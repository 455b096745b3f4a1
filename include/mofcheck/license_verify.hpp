// SPDX-License-Identifier: Apache-2.0
// 'check --paths ROOT --verify-licenses': the license a manifest claims
// against the license text its local license_path points to.
#pragma once

#include <string>
#include <vector>

#include <mofcheck/error.hpp>
#include <mofcheck/evaluate.hpp>
#include <mofcheck/gate.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/license_text.hpp>
#include <mofcheck/manifest.hpp>

namespace mofcheck {

/// For every `release.license.*` and component whose license path is a
/// local file inside `root`, identifies the file's license text (matcher)
/// and compares it with the claimed license (a component without its own
/// `license` claims the distribution license). Findings:
///   error   "license-text-differs"    the file holds a license the claim does not name;
///   error   "license-text-adds-terms" an open license is claimed, the text adds terms to it;
///   warning "license-text-unrecognised" the text is no license the matcher knows;
///   note    "license-text-verified"   the text is the claimed license.
/// URLs, missing files and paths leaving `root` give no finding here
/// (check_paths reports them); nothing is ever fetched. Throws Error when
/// `root` is not a readable folder.
std::vector<Diagnostic> verify_licenses(const Manifest& manifest, const std::string& root,
                                        const LicenseDb& db,
                                        const LicenseMatcher& matcher = LicenseMatcher::builtin());

/// Adds verify_licenses() findings to `evaluation`; each error fails `gate`.
void apply_license_verification(const Manifest& manifest, const std::string& root,
                                const LicenseDb& db, Evaluation& evaluation, GateResult& gate);

}  // namespace mofcheck
