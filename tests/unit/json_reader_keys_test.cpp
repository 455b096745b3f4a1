// SPDX-License-Identifier: Apache-2.0
// Duplicate keys are found both in small mappings (scanned) and large ones (hashed).
#include <gtest/gtest.h>

#include <string>

#include "syntax/doc_tree.hpp"

namespace mofcheck {
namespace {

// A mapping of `count` keys k0..k{count-1}, one per line, then `extra`.
std::string mapping(int count, const std::string& extra) {
  std::string text = "{\n";
  for (int i = 0; i < count; ++i)
    text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ",\n";
  return text + extra + "\n}\n";
}

std::string error_of(const std::string& text) {
  try {
    doc::parse_json(text, "m.json", 64, 1 << 20);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(JsonReaderKeys, DuplicateFoundInSmallAndLargeMappings) {
  for (int count : {1, 3, 15, 16, 17, 40}) {
    for (int dup : {0, count / 2, count - 1}) {
      std::string err = error_of(mapping(count, "\"k" + std::to_string(dup) + "\": true"));
      EXPECT_NE(err.find("duplicate key \"k" + std::to_string(dup) + "\" (first written at line " +
                         std::to_string(dup + 2) + ")"),
                std::string::npos)
          << count << " " << dup << ": " << err;
    }
    EXPECT_EQ(error_of(mapping(count, "\"other\": true")), "") << count;
    doc::Node n = doc::parse_json(mapping(count, "\"other\": true"), "m.json", 64, 1 << 20);
    EXPECT_EQ(n.members.size(), static_cast<std::size_t>(count) + 1);
  }
}

}  // namespace
}  // namespace mofcheck
