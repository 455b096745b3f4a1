// SPDX-License-Identifier: Apache-2.0
// The one containment check: whether a resolved path stays inside a folder,
// used wherever a path or symbolic link of a checkout must not lead out of
// it. Private to the library.
#pragma once

#include <filesystem>

namespace mofcheck {

/// True when `p` is `root` or lies below it, compared element by element
/// (so "/a/bc" is not within "/a/b"). Lexical only: pass both through
/// std::filesystem::canonical first, so that ".." and symbolic links are
/// resolved and cannot lead out. Never throws.
bool path_within(const std::filesystem::path& root, const std::filesystem::path& p);

}  // namespace mofcheck
