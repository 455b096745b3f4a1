// SPDX-License-Identifier: Apache-2.0
// The writer must produce exactly nlohmann's dump of the same document.
#include "json_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace mofcheck {
namespace {

using ojson = nlohmann::ordered_json;

std::string dumped(const ojson& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The same document written both ways: {"s": <text>, "n": [numbers], "e": {}, "a": [[], {}]}.
void expect_same(const std::vector<std::string>& texts, const std::vector<double>& numbers) {
  for (int indent : {-1, 2}) {
    ojson j;
    std::string out;
    JsonWriter w(out, indent);
    w.begin_object();
    j["s"] = ojson::array();
    w.key("s");
    w.begin_array();
    for (const auto& t : texts) {
      j["s"].push_back(t);
      w.value(t);
    }
    w.end_array();
    j["n"] = ojson::array();
    w.key("n");
    w.begin_array();
    for (double x : numbers) {
      j["n"].push_back(x);
      w.value(x);
    }
    j["n"].push_back(static_cast<std::size_t>(42));
    w.value(static_cast<std::size_t>(42));
    j["n"].push_back(-7);
    w.value(-7);
    j["n"].push_back(true);
    w.value(true);
    j["n"].push_back(nullptr);
    w.null();
    w.end_array();
    j["e"] = ojson::object();
    w.key("e");
    w.begin_object();
    w.end_object();
    j["a"] = {ojson::array(), ojson::object()};
    w.key("a");
    w.begin_array();
    w.begin_array();
    w.end_array();
    w.begin_object();
    w.end_object();
    w.end_array();
    w.end_object();
    EXPECT_EQ(out, dumped(j, indent)) << "indent " << indent;
  }
}

TEST(JsonWriter, EscapesLikeNlohmann) {
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
  expect_same({"", "plain", "\"quoted\" \\ / \x7f", controls, "Z\xC3\xBCrich \xE2\x98\x83",
               "\xF0\x9F\x98\x80",
               "a\xFF"
               "b",
               "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "cut \xE2\x82", "cut \xF0\x9F\x98",
               "\xC3(", "\xE2\x82 x\n"},
              {});
}

TEST(JsonWriter, RandomBytesLikeNlohmann) {
  std::mt19937 rng(7);
  std::vector<std::string> texts;
  for (int n = 0; n < 2000; ++n) {
    std::string t(rng() % 12, ' ');
    for (auto& c : t) {
      unsigned r = rng() % 4;
      // Bias towards the bytes that matter: controls, ASCII and UTF-8 lead/continuation bytes.
      c = static_cast<char>(r == 0   ? rng() % 0x20
                            : r == 1 ? 0x20 + rng() % 0x60
                                     : 0x80 + rng() % 0x80);
    }
    texts.push_back(t);
  }
  expect_same(texts, {});
}

TEST(JsonWriter, NumbersLikeNlohmann) {
  expect_same({}, {0.0, -0.0, 100.0, 50.0, 100.0 / 3.0, 250.0 / 3.0, 1e-7, 1e15, 1e16, 1e21, 0.1,
                   123456.789, std::numeric_limits<double>::max(),
                   std::numeric_limits<double>::denorm_min(), std::nan(""),
                   std::numeric_limits<double>::infinity()});
}

}  // namespace
}  // namespace mofcheck
