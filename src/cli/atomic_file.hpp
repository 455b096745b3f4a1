// SPDX-License-Identifier: Apache-2.0
// Writing output files so that a reader never sees half a file and a failed
// run never destroys the previous one. Private.
#pragma once

#include <string>
#include <string_view>

namespace mofcheck {

/// Writes `content` to `path` atomically: a temporary file in the same
/// folder, flushed and synced, then renamed over `path`. Keeps the mode of
/// an existing file. Throws Error naming the path on any failure, and
/// leaves no temporary file behind. Not thread-safe: one file at a time.
void write_file_atomically(const std::string& path, std::string_view content);

/// Makes SIGINT, SIGTERM and SIGHUP remove the temporary file of a write in
/// progress before the process dies of the signal (the target is left as it
/// was). Process-wide; call once from the program's entry point.
void remove_temporary_file_on_signal();

/// The temporary file a write in progress holds ("" when none), so a
/// signal handler can remove it. Public for the tests of that handler.
class PendingTemporaryFile {
 public:
  explicit PendingTemporaryFile(const std::string& path);
  ~PendingTemporaryFile();  ///< forgets the path (the caller renamed or removed the file)
  PendingTemporaryFile(const PendingTemporaryFile&) = delete;
  PendingTemporaryFile& operator=(const PendingTemporaryFile&) = delete;
};

}  // namespace mofcheck
