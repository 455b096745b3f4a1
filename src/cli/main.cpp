// SPDX-License-Identifier: Apache-2.0
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <cstring>
#include <iostream>

#include "cli/cli.hpp"
#include "cli/output_buffer.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
#ifdef __GLIBC__
  // Scoring threads free what others allocated: without this, each thread's
  // heap is trimmed and grown again batch after batch (page faults, mprotect).
  // Freed memory is kept for reuse, not returned. Setting one threshold
  // fixes the other, so read buffers (64 kB and more) must be told to stay
  // on the heap too, or every file read maps and unmaps its own.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
  const bool terminal = isatty(STDOUT_FILENO) != 0;
  // A terminal gets each line as before; anything else gets 1 MiB blocks.
  mofcheck::OutputBuffer block(STDOUT_FILENO);
  std::ostream piped(&block);
  std::ostream& out = terminal ? std::cout : piped;
  int rc = mofcheck::run_cli(argc, argv, out, std::cerr, terminal);
  if (!out.flush() && !terminal) {
    std::cerr << "mof-check: error: cannot write standard output: " << std::strerror(block.error())
              << '\n';
    return 2;
  }
  return rc;
}
