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

std::string json_fault_of(const std::string& text) {
  try {
    check_text_encoding(text, "m.json", TextRules::json);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// JSON lets DEL stand in a string; YAML's printable set leaves it out. A
// run of DEL is text in JSON, not "binary data".
TEST(TextEncoding, DelIsTextInJsonOnly) {
  const std::string del = "{\"a\": \"x\x7F\x7F\x7F\x7F\x7F\x7F\x7F\x7F\"}";
  EXPECT_EQ(json_fault_of(del), "");
  EXPECT_EQ(json_fault_of(std::string(40, '\x7F')), "");
  EXPECT_EQ(fault_of("release:\n  name: \"x\x7F\"\n"),
            "m.json:2:11: the control character 0x7F; write it escaped inside a quoted string, or "
            "remove it");
  EXPECT_EQ(fault_of(del), "m.json: is binary data, not a JSON or YAML manifest");
}

// In JSON a byte JSON forbids is a JSON error; real binary data stays binary.
TEST(TextEncoding, JsonFaultsAreJsonErrors) {
  EXPECT_EQ(json_fault_of("{\"release\": \"\x01\"}"),
            "m.json:1:14: invalid JSON: the control character 0x01; write it escaped inside a "
            "quoted string, or remove it");
  EXPECT_EQ(json_fault_of("{\"release\": \"\xFF\"}"),
            "m.json:1:14: invalid JSON: invalid UTF-8 (byte 0xFF); save the manifest as UTF-8");
  EXPECT_EQ(json_fault_of(""),
            "m.json: invalid JSON: the file is empty; a manifest needs a 'release'");
  EXPECT_EQ(json_fault_of("# a comment\n"), "");  // '#' is no comment: the parser reports it
  EXPECT_EQ(json_fault_of("\x89PNG\r\n"), "m.json: is a PNG image, not a JSON or YAML manifest");
  EXPECT_EQ(json_fault_of(std::string("\x01\x02\x03\x04\x05\x06", 6)),
            "m.json: is binary data, not a JSON or YAML manifest");
}

}  // namespace
}  // namespace mofcheck
