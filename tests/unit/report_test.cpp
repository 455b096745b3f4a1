// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/report.hpp>

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace mofcheck {
namespace {

using testing::judge;
using testing::manifest_json;
using testing::required_down_to;
using testing::without;

std::string render(const std::string& format, const Evaluation& ev, const GateResult& gate = {}) {
  std::ostringstream out;
  auto reporter = make_reporter(format, {});
  reporter->add(ev, gate, out);
  reporter->finish(out);
  return out.str();
}

TEST(TerminalSafe, EscapesControlsEscapeSequencesAndBidiOverrides) {
  EXPECT_EQ(terminal_safe("plain"), "plain");
  EXPECT_EQ(terminal_safe("a\x1b[2Jb"), "a\\x1B[2Jb");
  EXPECT_EQ(terminal_safe("line\nbreak\r"), "line\\x0Abreak\\x0D");
  EXPECT_EQ(terminal_safe("\xE2\x80\xAE"
                          "evil"),
            "\\u{202E}evil");
  EXPECT_EQ(terminal_safe("\xC2\x9B"
                          "31m"),
            "\\u{9B}31m");
  EXPECT_EQ(terminal_safe("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(terminal_safe("bad\xFF"), "bad\\xFF");
  EXPECT_EQ(terminal_safe("\xE2\x82"), "\\xE2\\x82");
}

TEST(TextReport, ShowsVerdictProgressComponentsAndNextStep) {
  Evaluation ev = judge(manifest_json(without(required_down_to(3), "Data card")));
  std::string text = render("text", ev);
  EXPECT_NE(text.find("test-model 1 by Lab  (test.json)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("Verdict:  Unclassified\n"), std::string::npos);
  EXPECT_NE(text.find("Progress: Class III 83%, Class II 0%, Class I 0%\n"), std::string::npos);
  EXPECT_NE(text.find("  met              Model card                                CC-BY-4.0\n"),
            std::string::npos);
  EXPECT_NE(text.find("  missing          Data card\n"), std::string::npos);
  EXPECT_NE(text.find("To reach Class III - Open Model:\n  - Data card: missing: publish it under "
                      "an open content license such as CC-BY-4.0\n"),
            std::string::npos)
      << text;
}

TEST(TextReport, HostileNamesCannotReachTheTerminalRaw) {
  Evaluation ev = judge(
      R"({"release": {"name": "x\u001b]0;pwned\u0007", "producer": "\u202Eevil",
          "components": [{"name": "Model card", "license": "\u001b[31mMIT"}]}})");
  std::string text = render("text", ev);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_EQ(text.find('\x07'), std::string::npos);
  EXPECT_EQ(text.find("\xE2\x80\xAE"), std::string::npos);
  EXPECT_NE(text.find("x\\x1B]0;pwned\\x07"), std::string::npos);
}

TEST(TextReport, GateFailureIsShown) {
  Evaluation ev = judge(manifest_json(required_down_to(3)));
  GateResult gate;
  gate.passed = false;
  gate.failures = {"the model is Class III - Open Model, below the required Class II"};
  EXPECT_NE(render("text", ev, gate).find("Gate failed: the model is Class III"),
            std::string::npos);
}

TEST(JsonReport, CarriesClassProgressComponentsAndProvenance) {
  Evaluation ev = judge(manifest_json(required_down_to(2)));
  auto j = nlohmann::json::parse(render("json", ev));
  EXPECT_EQ(j["class"], 2);
  EXPECT_EQ(j["label"], "Class II - Open Tooling");
  EXPECT_EQ(j["progress"]["3"], 100.0);
  EXPECT_EQ(j["progress"]["2"], 100.0);
  EXPECT_DOUBLE_EQ(j["progress"]["1"].get<double>(), 100.0 * 10 / 14);
  EXPECT_EQ(j["framework"]["version"], "1.0");
  EXPECT_EQ(j["license_list_version"], LicenseDb::builtin().list_version());
  ASSERT_EQ(j["components"].size(), 17u);
  const auto& first = j["components"][0];
  EXPECT_EQ(first["name"], "Model architecture");
  EXPECT_EQ(first["type"], "code");
  EXPECT_EQ(first["class"], 3);
  EXPECT_EQ(first["required"], true);
  EXPECT_EQ(first["status"], "met");
  EXPECT_EQ(first["license"], "Apache-2.0");
  EXPECT_EQ(first["license_source"], "component");
  EXPECT_EQ(first["type_appropriate"], true);
  EXPECT_EQ(first["location"]["line"], 4);
  EXPECT_TRUE(j["diagnostics"].is_array());
  ASSERT_EQ(j["next"].size(), 1u);
  EXPECT_EQ(j["next"][0]["class"], 1);
}

TEST(JsonReport, ErrorsAreObjectsToo) {
  std::ostringstream out;
  auto reporter = make_reporter("json", {});
  reporter->add_error(Error({"bad.json", 3, 4}, "oops"), out);
  auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["input"], "bad.json");
  EXPECT_EQ(j["error"]["message"], "oops");
  EXPECT_EQ(j["error"]["location"]["line"], 3);
}

TEST(Reporters, UnknownFormatGivesNothing) {
  EXPECT_EQ(make_reporter("pdf", {}), nullptr);
}

}  // namespace
}  // namespace mofcheck
