// SPDX-License-Identifier: Apache-2.0
// The program's entry point as a library function: standard streams that
// check every write, signal handling, and the final check that standard
// output was written and closed. Private.
#pragma once

namespace mofcheck {

/// Runs mof-check as a process: run_cli over checked standard output and
/// error, then flushes and closes standard output. A write or close that
/// fails is "mof-check: error: <stdout>: ..." and exit 2; a closed pipe
/// (EPIPE) ends the run quietly with exit 141, as a process killed by
/// SIGPIPE would. Returns the exit code.
int run_process(int argc, char** argv);

}  // namespace mofcheck
