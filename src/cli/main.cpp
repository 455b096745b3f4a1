// SPDX-License-Identifier: Apache-2.0
#include <unistd.h>

#include <iostream>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return mofcheck::run_cli(argc, argv, std::cout, std::cerr, isatty(STDOUT_FILENO) != 0);
}
