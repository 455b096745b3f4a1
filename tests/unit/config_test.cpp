// SPDX-License-Identifier: Apache-2.0
#include "cli/config.hpp"

#include <cstdlib>
#include <ctime>
#include <string>

#include <gtest/gtest.h>

namespace mofcheck {
namespace {

TEST(Config, ReadsGateSettingsAndWaivers) {
  ProjectConfig c = parse_config(R"(# gate
min-class: II
strict: true
require: [Model card, Datasets]
waivers:
  - code: license-type-unsuited
    component: Model architecture
    reason: "appendix | under CC-BY"
    expires: 2026-12-31
  - code: unknown-component
    reason: legacy names
    expires: '2027-01-01'
)",
                                 ".mof-check.yaml");
  EXPECT_TRUE(c.has_min_class);
  EXPECT_EQ(c.min_class.value, "II");
  EXPECT_EQ(c.min_class.where.line, 2);
  EXPECT_TRUE(c.has_fail_on);
  EXPECT_EQ(c.fail_on, Severity::warning);  // strict: true
  ASSERT_EQ(c.require.size(), 2u);
  EXPECT_EQ(c.require[1].value, "Datasets");
  ASSERT_EQ(c.waivers.size(), 2u);
  EXPECT_EQ(c.waivers[0].component, "Model architecture");
  EXPECT_EQ(c.waivers[0].reason, "appendix | under CC-BY");
  EXPECT_EQ(c.waivers[0].expires, "2026-12-31");
  EXPECT_EQ(c.waivers[0].where.str(), ".mof-check.yaml:6:5");
  EXPECT_TRUE(c.waivers[1].component.empty());
}

TEST(Config, EmptyFileSetsNothing) {
  ProjectConfig c = parse_config("# nothing yet\n{}\n", "c.yaml");
  EXPECT_FALSE(c.has_min_class);
  EXPECT_FALSE(c.has_fail_on);
  EXPECT_TRUE(c.waivers.empty());
}

void expect_error(const std::string& text, const std::string& what) {
  try {
    parse_config(text, "c.yaml");
    ADD_FAILURE() << "no error for: " << text;
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), what);
  }
}

TEST(Config, ErrorsNameFileLineAndColumn) {
  expect_error(
      "min_class: III\n",
      "c.yaml:1:1: unknown key 'min_class' (known: min-class, fail-on, strict, profile, require, "
      "waivers)");
  expect_error("strict: maybe\n", "c.yaml:1:9: 'strict' must be true or false");
  expect_error("require: Datasets\n", "c.yaml:1:10: 'require' must be a list, not a string");
  expect_error("waivers:\n  - code: x\n    reason: y\n",
               "c.yaml:2:5: the waiver has no 'expires'; a waiver needs code, reason and expires");
  expect_error("waivers:\n  - {code: x, reason: y, expires: 2026-02-30}\n",
               "c.yaml:2:35: 'waivers.expires' must be a date written YYYY-MM-DD, not "
               "'2026-02-30'");
  expect_error("waivers:\n  - {code: x, reason: y, expires: 2026-01-01, until: 1}\n",
               "c.yaml:2:47: unknown key 'waivers.until' (known: code, component, reason, "
               "expires)");
  expect_error("- a\n", "c.yaml:1:1: the configuration must be a mapping, not a list");
}

TEST(Config, TodayComesFromTheEnvironmentWhenSet) {
  ::setenv("MOFCHECK_TODAY", "2030-01-02", 1);
  EXPECT_EQ(waiver_today(), "2030-01-02");
  ::setenv("MOFCHECK_TODAY", "2030-1-2", 1);
  EXPECT_THROW(waiver_today(), Error);
  ::unsetenv("MOFCHECK_TODAY");
  EXPECT_TRUE(is_iso_date(waiver_today()));
}

// Without MOFCHECK_TODAY, today is the UTC date the C library gives (the
// two are read a moment apart: around midnight they may differ by a day).
TEST(Config, TodayIsTheUtcDate) {
  ::unsetenv("MOFCHECK_TODAY");
  const auto utc_date = [] {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
    return std::string(buf);
  };
  std::string before = utc_date();
  std::string today = waiver_today();
  std::string after = utc_date();
  EXPECT_TRUE(today == before || today == after) << today << " " << before << " " << after;
}

}  // namespace
}  // namespace mofcheck
