// SPDX-License-Identifier: Apache-2.0
#include "util/known_keys.hpp"

#include <gtest/gtest.h>

#include <map>
#include <vector>

namespace mofcheck {
namespace {

TEST(KnownKeys, ReportsEachUnknownKeyInOrderWithTheKnownList) {
  std::vector<std::pair<std::string, int>> members = {{"name", 1}, {"nmae", 2}, {"x", 3}};
  std::vector<std::string> seen;
  check_keys(
      members, {"name", "version"}, [](const auto& m) { return m.first; },
      [&](std::size_t i, const auto& m, const std::string& key, const std::string& list) {
        seen.push_back(std::to_string(i) + ":" + key + ":" + std::to_string(m.second) + ":" + list);
      });
  EXPECT_EQ(seen, (std::vector<std::string>{"1:nmae:2:name, version", "2:x:3:name, version"}));
}

TEST(KnownKeys, KnownKeysAreSilentAndErrorsPassThrough) {
  std::map<std::string, int> ok = {{"a", 1}, {"b", 2}};
  EXPECT_NO_THROW(check_keys(
      ok, {"a", "b"}, [](const auto& m) { return m.first; },
      [](std::size_t, const auto&, const std::string&, const std::string&) { throw 1; }));
  std::map<std::string, int> bad = {{"c", 1}};
  EXPECT_THROW(
      check_keys(
          bad, {"a"}, [](const auto& m) { return m.first; },
          [](std::size_t, const auto&, const std::string&, const std::string&) { throw 1; }),
      int);
  EXPECT_EQ(list_keys({"a", "b", "c"}), "a, b, c");
}

}  // namespace
}  // namespace mofcheck
