// SPDX-License-Identifier: Apache-2.0
// Verifying a manifest's local paths against a checkout ('check --paths').
#pragma once

#include <string>
#include <vector>

#include <mofcheck/error.hpp>
#include <mofcheck/evaluate.hpp>
#include <mofcheck/gate.hpp>
#include <mofcheck/manifest.hpp>

namespace mofcheck {

/// Checks every `component_path` and `license_path` of the components and
/// every `release.license.*.path` against the folder `root`. Returns one
/// finding per path that is not a plain existing local path:
///   error   "path-missing"  the path does not exist under root;
///   error   "path-escapes"  absolute, or leaves root through ".." or a symbolic link;
///   note    "path-url"      a URL, listed and never fetched.
/// Existing paths give no finding. Never reads file contents. Throws Error
/// when `root` is not a readable folder.
std::vector<Diagnostic> check_paths(const Manifest& manifest, const std::string& root);

/// Adds the check_paths() findings to `evaluation`'s diagnostics; each error
/// also fails `gate` with its message.
void apply_path_check(const Manifest& manifest, const std::string& root, Evaluation& evaluation,
                      GateResult& gate);

}  // namespace mofcheck
