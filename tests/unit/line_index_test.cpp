// SPDX-License-Identifier: Apache-2.0
#include "util/line_index.hpp"

#include <gtest/gtest.h>

namespace mofcheck {
namespace {

using Pos = std::pair<int, int>;

TEST(LineIndex, OffsetsBecomeLinesAndColumnsInAnyOrder) {
  LineIndex lines("ab\ncd\n\nefg");
  EXPECT_EQ(lines.at(0), Pos(1, 1));
  EXPECT_EQ(lines.at(2), Pos(1, 3));  // the line feed ends line 1
  EXPECT_EQ(lines.at(9), Pos(4, 3));
  EXPECT_EQ(lines.at(3), Pos(2, 1));  // asking backwards works too
  EXPECT_EQ(lines.at(6), Pos(3, 1));
  EXPECT_EQ(lines.at(12), Pos(4, 6));  // past the end counts on along the last line
}

TEST(LineIndex, PositionsBecomeOffsetsOrNposOutsideTheText) {
  LineIndex lines("ab\ncd\n");
  EXPECT_EQ(lines.offset(1, 1), 0u);
  EXPECT_EQ(lines.offset(2, 2), 4u);
  EXPECT_EQ(lines.offset(2, 3), 5u);  // the line feed
  EXPECT_EQ(lines.offset(3, 1), std::string_view::npos);
  EXPECT_EQ(lines.offset(9, 1), std::string_view::npos);
  EXPECT_EQ(lines.offset(0, 1), std::string_view::npos);
  EXPECT_EQ(lines.offset(1, 0), std::string_view::npos);
  EXPECT_EQ(lines.at(lines.offset(2, 2)), Pos(2, 2));
}

TEST(LineIndex, EmptyText) {
  LineIndex lines("");
  EXPECT_EQ(lines.at(0), Pos(1, 1));
  EXPECT_EQ(lines.offset(1, 1), std::string_view::npos);
}

}  // namespace
}  // namespace mofcheck
