// SPDX-License-Identifier: Apache-2.0
// The project configuration (.mof-check.yaml): gate settings and waivers.
// Private to the library.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <mofcheck/error.hpp>
#include <mofcheck/gate.hpp>

namespace mofcheck {

/// A setting with where it was written.
struct ConfigValue {
  std::string value;
  SourceLocation where;
};

struct ProjectConfig {
  std::string origin;
  bool has_min_class = false;
  ConfigValue min_class;  ///< as written ("III", "2", ...)
  bool has_fail_on = false;
  Severity fail_on = Severity::error;  ///< "fail-on: warning", or "strict: true"
  bool has_profile = false;
  ConfigValue profile;               ///< "mot" or "spdx" (checked when read)
  std::vector<ConfigValue> require;  ///< component names as written
  std::vector<Waiver> waivers;
};

/// The file name looked for in the current directory.
inline constexpr const char* kConfigFileName = ".mof-check.yaml";

/// Parses the configuration text. Throws Error with origin, line and column
/// on bad syntax, unknown keys, wrong types and invalid dates. Names of
/// classes and components are checked by the caller, against the framework.
ProjectConfig parse_config(std::string_view yaml_text, std::string_view origin);

/// Loads `path`, or, when it is empty, kConfigFileName from the current
/// directory if that exists (else an empty configuration). Throws Error.
ProjectConfig load_project_config(const std::string& path);

/// Throws Error (at the waiver, with a "did you mean") when a waiver names
/// a code mof-check never emits or a component `framework` does not define.
void check_waivers(const ProjectConfig& config, const Framework& framework);

/// The date waivers are judged on: MOFCHECK_TODAY (YYYY-MM-DD) when set,
/// else today's date in UTC. Throws Error when MOFCHECK_TODAY is malformed.
std::string waiver_today();

}  // namespace mofcheck
