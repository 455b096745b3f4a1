// SPDX-License-Identifier: Apache-2.0
#include "util/path_within.hpp"

namespace mofcheck {

bool path_within(const std::filesystem::path& root, const std::filesystem::path& p) {
  auto i = p.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++i) {
    if (i == p.end() || *i != *r) return false;
  }
  return true;
}

}  // namespace mofcheck
