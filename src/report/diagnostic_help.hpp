// SPDX-License-Identifier: Apache-2.0
// Help text for each diagnostic code, for rule descriptions in machine
// reports (SARIF). Private.
#pragma once

#include <string>
#include <string_view>

namespace mofcheck {

struct DiagnosticHelp {
  std::string summary;  ///< one line: what the code means
  std::string help;     ///< what to do about it
};

/// The help for `code`; a generic text for a code it does not know.
DiagnosticHelp diagnostic_help(std::string_view code);

}  // namespace mofcheck
