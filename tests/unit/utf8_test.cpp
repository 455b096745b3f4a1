// SPDX-License-Identifier: Apache-2.0
#include "util/utf8.hpp"

#include <gtest/gtest.h>

namespace mofcheck {
namespace {

std::size_t decode(std::string_view s, char32_t* out = nullptr) {
  char32_t cp = 0;
  std::size_t n = utf8_decode(s, 0, cp);
  if (out) *out = cp;
  return n;
}

TEST(Utf8, DecodesEachLength) {
  char32_t cp = 0;
  EXPECT_EQ(decode("A", &cp), 1u);
  EXPECT_EQ(cp, U'A');
  EXPECT_EQ(decode("\xC3\xA9", &cp), 2u);
  EXPECT_EQ(cp, U'\u00E9');
  EXPECT_EQ(decode("\xE2\x80\xAE", &cp), 3u);
  EXPECT_EQ(cp, U'\u202E');
  EXPECT_EQ(decode("\xF0\x9F\x98\x80", &cp), 4u);
  EXPECT_EQ(cp, U'\U0001F600');
  EXPECT_EQ(decode("\xF4\x8F\xBF\xBF", &cp), 4u);
  EXPECT_EQ(cp, U'\U0010FFFF');
}

TEST(Utf8, RejectsWhatIsNotWellFormed) {
  EXPECT_EQ(decode("\x80"), 0u);              // stray continuation byte
  EXPECT_EQ(decode("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(decode("\xE0\x80\xAF"), 0u);      // overlong
  EXPECT_EQ(decode("\xF0\x80\x80\xAF"), 0u);  // overlong
  EXPECT_EQ(decode("\xED\xA0\x80"), 0u);      // surrogate U+D800
  EXPECT_EQ(decode("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(decode("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(decode("\xE2\x80"), 0u);      // cut short by the end
  EXPECT_EQ(decode("\xE2\x80\x41"), 0u);  // third byte no continuation
  EXPECT_EQ(utf8_length(std::string_view("\xC3\xA9", 1), 0), 0u);
}

}  // namespace
}  // namespace mofcheck
