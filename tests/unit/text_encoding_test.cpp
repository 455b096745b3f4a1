// SPDX-License-Identifier: Apache-2.0
// The encoding check skips plain ASCII eight bytes at a time; a fault after
// or inside such a run must still be found at its exact line and column.
#include "util/text_encoding.hpp"

#include <gtest/gtest.h>

#include <string>

#include <mofcheck/error.hpp>

namespace mofcheck {
namespace {

std::string fault_of(const std::string& text) {
  try {
    check_text_encoding(text, "m.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(TextEncoding, FaultsAfterLongAsciiRunsKeepTheirPlace) {
  for (std::size_t pad = 0; pad < 20; ++pad) {
    const std::string head = "{\"release\": 1,\n" + std::string(pad, 'x');
    const std::string col = ":2:" + std::to_string(pad + 1) + ":";
    for (const std::string& bad : {std::string("\x01"), std::string("\x7F"), std::string("\xFF"),
                                   std::string(1, '\0'), std::string("\xC3")}) {
      std::string err = fault_of(head + bad + std::string(pad, 'y') + "}\n");
      EXPECT_NE(err.find("m.json" + col), std::string::npos) << pad << ": " << err;
    }
    EXPECT_EQ(fault_of(head + "\xC3\xBC\t\r\n" + std::string(pad, 'y') + "}\n"), "") << pad;
  }
}

}  // namespace
}  // namespace mofcheck
