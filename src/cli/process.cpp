// SPDX-License-Identifier: Apache-2.0
#include "cli/process.hpp"

#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <cerrno>
#include <csignal>
#include <ios>
#include <ostream>

#include "cli/atomic_file.hpp"
#include "cli/cli.hpp"
#include "cli/fd_stream.hpp"

namespace mofcheck {

int run_process(int argc, char** argv) {
  // (No std::ios::sync_with_stdio(false): nothing writes through std::cout,
  // and it would make six stream buffers at every start.)
#ifdef __GLIBC__
  // Scoring threads free what others allocated: without this, each thread's
  // heap is trimmed and grown again batch after batch (page faults, mprotect).
  // Freed memory is kept for reuse, not returned. Setting one threshold
  // fixes the other, so read buffers (64 kB and more) must be told to stay
  // on the heap too, or every file read maps and unmaps its own.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
  // A closed pipe becomes EPIPE from write(2), handled like any failed write.
  std::signal(SIGPIPE, SIG_IGN);
  remove_temporary_file_on_signal();
  FdStreamBuf out_buf(STDOUT_FILENO);
  FdStreamBuf err_buf(STDERR_FILENO);
  std::ostream out(&out_buf);
  std::ostream err(&err_buf);
  // run_cli has flushed standard output and reported a failed write.
  int code = run_cli(argc, argv, out, err, isatty(STDOUT_FILENO) != 0);
  if (out.good()) {
    // close(2) reports what a deferred write (NFS, some pipes) could not do.
    if (::close(STDOUT_FILENO) != 0 && errno != EBADF && errno != EINTR) {
      int failed = errno;
      if (failed == EPIPE) return exit_broken_pipe;
      err << "mof-check: error: " << stdout_error_text(failed) << '\n';
      code = exit_invalid;
    }
  }
  err.flush();
  return code;
}

}  // namespace mofcheck
