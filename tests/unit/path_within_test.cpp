// SPDX-License-Identifier: Apache-2.0
#include "util/path_within.hpp"

#include <gtest/gtest.h>

namespace mofcheck {
namespace {

TEST(PathWithin, ComparesWholeElements) {
  EXPECT_TRUE(path_within("/a/b", "/a/b"));
  EXPECT_TRUE(path_within("/a/b", "/a/b/c/d.txt"));
  EXPECT_FALSE(path_within("/a/b", "/a/bc"));  // a name that only starts the same
  EXPECT_FALSE(path_within("/a/b", "/a"));
  EXPECT_FALSE(path_within("/a/b", "/x/b/c"));
  EXPECT_TRUE(path_within("/", "/etc/passwd"));
}

}  // namespace
}  // namespace mofcheck
