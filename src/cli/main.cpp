// SPDX-License-Identifier: Apache-2.0
#include "cli/process.hpp"

int main(int argc, char** argv) {
  return mofcheck::run_process(argc, argv);
}
