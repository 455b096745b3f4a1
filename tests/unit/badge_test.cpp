// SPDX-License-Identifier: Apache-2.0
#include "report/badge.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "xml_reader.hpp"

namespace mofcheck {
namespace {

using testing::judge;
using testing::manifest_json;
using testing::required_down_to;

TEST(Badge, MessageAndColourFollowTheClass) {
  Badge one = make_badge(judge(manifest_json(required_down_to(1))), "MOF");
  Badge three = make_badge(judge(manifest_json(required_down_to(3))), "MOF");
  Badge none = make_badge(judge(manifest_json({})), "MOF");
  EXPECT_EQ(one.message, "Class I");
  EXPECT_EQ(three.message, "Class III");
  EXPECT_EQ(none.message, "unclassified");
  EXPECT_EQ(one.color, "brightgreen");
  EXPECT_EQ(three.color, "yellowgreen");
  EXPECT_EQ(none.color, "red");
}

TEST(Badge, SvgIsWellFormedAndSaysTheClass) {
  Badge b = make_badge(judge(manifest_json(required_down_to(2))), "M<O>F & co");
  testing::XmlElement svg = testing::XmlReader(badge_svg(b)).parse();
  EXPECT_EQ(svg.name, "svg");
  EXPECT_EQ(*svg.attr("aria-label"), "M<O>F & co: Class II");
  ASSERT_EQ(svg.all("title").size(), 1u);
  EXPECT_EQ(svg.all("title")[0]->text, "M<O>F & co: Class II");
  int width = std::stoi(*svg.attr("width"));
  EXPECT_GT(width, 60);
  EXPECT_LT(width, 200);
}

TEST(Badge, ShieldsEndpointJson) {
  Badge b = make_badge(judge(manifest_json(required_down_to(3))), "MOF");
  auto j = nlohmann::json::parse(badge_shields_json(b));
  EXPECT_EQ(j.at("schemaVersion"), 1);
  EXPECT_EQ(j.at("label"), "MOF");
  EXPECT_EQ(j.at("message"), "Class III");
  EXPECT_EQ(j.at("color"), "yellowgreen");
}

}  // namespace
}  // namespace mofcheck
