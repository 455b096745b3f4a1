// SPDX-License-Identifier: Apache-2.0
// Help text for each diagnostic code, for rule descriptions in machine
// reports (SARIF). Private.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mofcheck {

struct DiagnosticHelp {
  std::string summary;  ///< one line: what the code means
  std::string help;     ///< what to do about it
};

/// The help for `code`; a generic text for a code it does not know.
DiagnosticHelp diagnostic_help(std::string_view code);

/// Every diagnostic code mof-check emits (what a waiver may name).
std::vector<std::string> diagnostic_codes();

}  // namespace mofcheck
