// SPDX-License-Identifier: Apache-2.0
// The inputs of a run: files as given, directories searched for manifests,
// '-' for standard input. Private to the library.
#pragma once

#include <string>
#include <vector>

namespace mofcheck {

/// One input to read.
struct InputItem {
  std::string path;     ///< as opened; "-" for standard input
  std::string shown;    ///< as named in reports ("<stdin>" for "-")
  std::string problem;  ///< non-empty: the input cannot be used (message for an Error)
};

/// File names a directory search takes: *.json, *.yml, *.yaml.
bool is_manifest_name(const std::string& name);

/// True when `path` (relative to the directory searched) or its last part
/// matches one of the shell globs in `excludes` ('*' also matches '/').
bool is_excluded(const std::string& path, const std::vector<std::string>& excludes);

/// Expands the command-line arguments in order. A directory becomes the
/// manifests below it (recursively, in byte order of their paths at each
/// level; hidden entries and symbolic links to directories are skipped;
/// `excludes` prune files and directories); other arguments are kept as they
/// are, to be opened (and reported) later. A directory without manifests,
/// or one that cannot be read, becomes an item with a problem.
std::vector<InputItem> expand_inputs(const std::vector<std::string>& args,
                                     const std::vector<std::string>& excludes);

}  // namespace mofcheck
