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
/// leaves no temporary file behind.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace mofcheck
