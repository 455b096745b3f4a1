// SPDX-License-Identifier: Apache-2.0
// The CLI names the flag behind a library error's kind; the library never does.
#include "cli/flag_hints.hpp"

#include <gtest/gtest.h>

namespace mofcheck {
namespace {

TEST(FlagHints, EachKindNamesItsFlag) {
  Error size({"m.json", 0, 0}, "input exceeds the limit of 41 bytes", ErrorKind::input_too_large);
  EXPECT_STREQ(with_flag_hint(size).what(),
               "m.json: input exceeds the limit of 41 bytes (--max-input-size)");
  Error string({"m.json", 1, 22}, "a string of 17 bytes is longer than the limit of 16 bytes",
               ErrorKind::string_too_long);
  EXPECT_STREQ(with_flag_hint(string).what(),
               "m.json:1:22: a string of 17 bytes is longer than the limit of 16 bytes "
               "(--max-string-length)");
  Error root({"ckpt", 0, 0}, "not a folder; give the root of the model's checkout",
             ErrorKind::bad_checkout);
  EXPECT_EQ(with_flag_hint(root).message(),
            "--paths: not a folder; give the root of the model's checkout");
  EXPECT_EQ(with_flag_hint(root).kind(), ErrorKind::bad_checkout);
}

TEST(FlagHints, InvalidInputIsLeftAsItIs) {
  Error plain({"m.json", 3, 4}, "invalid JSON: unexpected end");
  EXPECT_EQ(plain.kind(), ErrorKind::invalid);
  EXPECT_STREQ(with_flag_hint(plain).what(), plain.what());
}

}  // namespace
}  // namespace mofcheck
