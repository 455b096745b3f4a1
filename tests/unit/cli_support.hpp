// SPDX-License-Identifier: Apache-2.0
// Running the CLI in-process from a test, with its output captured.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

namespace mofcheck::testing {

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

/// Runs `mof-check ARGS...` through run_cli.
inline CliRun run(std::vector<std::string> args) {
  args.insert(args.begin(), "mof-check");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  int code = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

}  // namespace mofcheck::testing
