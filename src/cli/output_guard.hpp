// SPDX-License-Identifier: Apache-2.0
// The rules every command that writes files follows: an output never
// replaces one of the run's inputs unless the user asked for that (fix
// --in-place), and never replaces any existing file without --force. Private.
#pragma once

#include <string>
#include <vector>

namespace mofcheck {

/// Throws Error naming `output` when it is the same file as one of `inputs`
/// (same path after resolving ".", ".." and symbolic links, or the same
/// file through a hard link), unless `in_place` is true. `flag` is the
/// option that named the output ("-o", "--output"), for the message.
/// Inputs "-" (standard input) never match.
void refuse_output_over_input(const std::string& output, const std::vector<std::string>& inputs,
                              const std::string& flag = "-o", bool in_place = false);

/// Throws Error naming `output` when a file (or anything else) already
/// exists there and `force` is false. "-" (standard output) never exists.
void refuse_overwrite(const std::string& output, bool force, const std::string& flag = "-o");

}  // namespace mofcheck
