// SPDX-License-Identifier: Apache-2.0
// The writer must produce exactly nlohmann's dump of the same document.
#include "report/json_writer.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <iterator>
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

// The same document written both ways:
// {"s": <text>, "n": [numbers], "e": {}, "m": {plain members}, "a": [[], {}]}.
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
    // Plain members first in an object and after others.
    j["m"] = {{"status", "met"}, {"license_source", ""}};
    w.key("m");
    w.begin_object();
    w.plain_member("status", "met");
    w.plain_member("license_source", "");
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

// Longer texts, mostly plain with a special byte here and there: the
// sixteen-byte scan, its overlapping tail and the runs between escapes.
TEST(JsonWriter, LongTextsLikeNlohmann) {
  std::mt19937 rng(11);
  const std::string specials[] = {
      "\"",      "\\",       "\n",           std::string(1, '\0'), "\x1f",
      "\x7f",    "\xC3\xA9", "\xE2\x98\x83", "\xF0\x9F\x98\x80",   "\xFF",
      "\xE2\x82"};
  std::vector<std::string> texts;
  for (int n = 0; n < 3000; ++n) {
    std::string t;
    std::size_t length = rng() % 80;
    while (t.size() < length) {
      if (rng() % 12 == 0) {
        t += specials[rng() % std::size(specials)];
      } else {
        t += static_cast<char>(0x20 + rng() % 0x5F);
      }
    }
    texts.push_back(t);
  }
  expect_same(texts, {});
}

// One special byte at every place of plain texts up to 100 bytes long: each
// step of the wide scans (16 and, on AVX2 processors, 32 bytes), their
// overlapping tails, and the scan going on after an escape.
TEST(JsonWriter, EverySpecialPlaceLikeNlohmann) {
  std::vector<std::string> texts;
  for (std::size_t length = 1; length <= 100; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (const char* special : {"\"", "\x01", "\xC3\xA9"}) {
        std::string t(length, 'a');
        t.replace(at, 1, special);
        texts.push_back(t);
      }
    }
  }
  expect_same(texts, {});
}

TEST(JsonWriter, KeysThatNeedEscaping) {
  const std::string long_key(40, 'k');
  for (int indent : {-1, 2}) {
    ojson j;
    j["plain"] = 1;
    j["quote\"d"] = 2;
    j["ctl\x01"] = 3;
    j[long_key] = 4;
    j["Z\xC3\xBCrich"] = 5;
    std::string out;
    JsonWriter w(out, indent);
    w.begin_object();
    w.member("plain", 1);
    w.member("quote\"d", 2);
    w.member(std::string("ctl\x01"), 3);
    w.member(long_key, 4);
    w.member("Z\xC3\xBCrich", 5);
    w.end_object();
    EXPECT_EQ(out, dumped(j, indent)) << "indent " << indent;
  }
}

// The writer makes room at the end of its string: what was there stays,
// nothing of the room is left over once the document is complete, and a
// string reused for another document holds only that one.
TEST(JsonWriter, AppendsExactlyTheDocument) {
  std::string out = "prefix ";
  {
    JsonWriter w(out);
    w.value("scalar");
    EXPECT_EQ(out, "prefix \"scalar\"");
  }
  out.clear();
  {
    JsonWriter w(out);
    w.begin_array();
    for (int i = 0; i < 20000; ++i) w.value("0123456789");  // grows past the first room
    w.end_array();
  }
  EXPECT_EQ(out.size(), 2 + 20000 * 13 - 1);
  EXPECT_EQ(out.substr(0, 26), "[\"0123456789\",\"0123456789\"");
  EXPECT_EQ(out.back(), ']');
  out.clear();  // keeps the large capacity
  {
    JsonWriter w(out);
    w.begin_object();
    w.member("a", true);
    w.member("b", false);
    w.key("c");
    w.null();
    w.end_object();
    out += '\n';  // as the reporters do while the writer still exists
  }
  EXPECT_EQ(out, "{\"a\":true,\"b\":false,\"c\":null}\n");
  std::string s = "x";
  append_json_string(s, "a\"b");
  append_json_string(s, "");
  EXPECT_EQ(s, "x\"a\\\"b\"\"\"");
}

TEST(JsonWriter, DeepNestingLikeNlohmann) {
  for (int indent : {-1, 4}) {
    ojson j = 7;
    for (int d = 0; d < 100; ++d) j = d % 2 ? ojson::array({j}) : ojson{{"k", j}};
    std::string out;
    JsonWriter w(out, indent);
    for (int d = 99; d >= 0; --d) {
      if (d % 2) {
        w.begin_array();
      } else {
        w.begin_object();
        w.key("k");
      }
    }
    w.value(7);
    for (int d = 0; d < 100; ++d) {
      if (d % 2) {
        w.end_array();
      } else {
        w.end_object();
      }
    }
    EXPECT_EQ(out, dumped(j, indent)) << "indent " << indent;
  }
}

TEST(JsonWriter, NumbersLikeNlohmann) {
  expect_same({}, {0.0, -0.0, 100.0, 50.0, 100.0 / 3.0, 250.0 / 3.0, 1e-7, 1e15, 1e16, 1e21, 0.1,
                   123456.789, std::numeric_limits<double>::max(),
                   std::numeric_limits<double>::denorm_min(), std::nan(""),
                   std::numeric_limits<double>::infinity()});
}

}  // namespace
}  // namespace mofcheck
