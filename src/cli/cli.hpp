// SPDX-License-Identifier: Apache-2.0
// The command-line front end as a library function, so tests run it in-process.
#pragma once

#include <iosfwd>

namespace mofcheck {

/// Exit codes: the interface scripts rely on.
enum ExitCode : int {
  exit_ok = 0,           ///< evaluated, and every gate passed
  exit_gate_failed = 1,  ///< evaluated, but a gate (e.g. --min-class) failed
  exit_invalid = 2,      ///< usage error, or an input that is invalid or unreadable
};

/// Runs mof-check with the given arguments. `out` receives reports, `err`
/// errors. `out_is_terminal` enables colour unless NO_COLOR is set.
/// Never calls exit(); returns the exit code.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
            bool out_is_terminal = false);

}  // namespace mofcheck
