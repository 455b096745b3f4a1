// SPDX-License-Identifier: Apache-2.0
#include "util/text_util.hpp"

#include <gtest/gtest.h>

namespace mofcheck::text {
namespace {

TEST(TextUtil, EditDistanceCountsASwapOfNeighboursAsOneEdit) {
  EXPECT_EQ(edit_distance("MIT", "MIT"), 0u);
  EXPECT_EQ(edit_distance("MTI", "MIT"), 1u);  // swap
  EXPECT_EQ(edit_distance("apache", "apach"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(TextUtil, EditDistanceStopsPastTheCap) {
  EXPECT_EQ(edit_distance("abcdefgh", "zyxwvuts", 2), 3u);  // cap + 1
  EXPECT_EQ(edit_distance("a", "abcdef", 2), 3u);           // lengths alone exceed it
  EXPECT_EQ(edit_distance("GPL-2.0", "GPL-3.0", 2), 1u);
}

TEST(TextUtil, TrimRemovesAsciiWhitespaceOnly) {
  EXPECT_EQ(trim(" \t\r\n\f\vMIT \f"), "MIT");
  EXPECT_EQ(trim("\xC2\xA0MIT"), "\xC2\xA0MIT");  // no-break space is not trimmed
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(lower("Apache-2.0"), "apache-2.0");
}

}  // namespace
}  // namespace mofcheck::text
