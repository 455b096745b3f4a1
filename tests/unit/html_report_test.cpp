// SPDX-License-Identifier: Apache-2.0
// --format html without a browser: the page's structure, its
// Content-Security-Policy against the inline assets, the JSON data the script
// draws (a round trip of hostile text), and strings stored once. The browser
// tests (tests/html/) check what a reader sees.
#include <cmath>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <mofcheck/gate.hpp>
#include <mofcheck/report.hpp>

#include "report/html_assets.hpp"
#include "report/reporters.hpp"
#include "test_support.hpp"

namespace mofcheck {
namespace {

using testing::Entry;

Evaluation evaluate_text(const std::string& text, const std::string& origin) {
  return evaluate(parse_manifest(text, origin), builtin_framework(), LicenseDb::builtin());
}

std::string render(const std::vector<Evaluation>& evs, const std::vector<Error>& errors = {}) {
  ReportOptions options;
  options.framework = &builtin_framework();
  auto reporter = make_reporter("html", options);
  EXPECT_NE(reporter, nullptr);
  std::ostringstream out;
  for (const auto& ev : evs) reporter->add(ev, check_gate(ev, {}), out);
  for (const auto& e : errors) reporter->add_error(e, out);
  reporter->finish(out);
  return out.str();
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The text between `open` and the next `close`.
std::string between(const std::string& text, const std::string& open, const std::string& close) {
  auto start = text.find(open);
  if (start == std::string::npos) return {};
  start += open.size();
  return text.substr(start, text.find(close, start) - start);
}

nlohmann::json page_data(const std::string& page) {
  return nlohmann::json::parse(
      between(page, "<script type=\"application/json\" id=\"mof-data\">", "</script>"));
}

const char* kHostileName = "</script><script>alert(1)</script><!--";
const char* kHostileVersion = "\"><img src=x onerror=alert(2)>";

TEST(HtmlReport, HostileTextStaysDataAndRoundTrips) {
  std::string text = testing::manifest_json({{"Model card", "<img src=x onerror=alert(3)>"}});
  text.replace(text.find("\"test-model\""), 12, testing::quote(kHostileName));
  text.replace(text.find("\"1\""), 3, testing::quote(kHostileVersion));
  std::string page = render({evaluate_text(text, "m.json")});

  // Only the data and the page's own script; no manifest text can open or close one.
  EXPECT_EQ(count(page, "<script"), 2u);
  EXPECT_EQ(count(page, "</script"), 2u);
  EXPECT_EQ(count(page, "<img"), 0u);
  std::string title = between(page, "<title>", "</title>");
  EXPECT_EQ(title.find('<'), std::string::npos) << title;
  EXPECT_NE(title.find("&lt;/script&gt;"), std::string::npos) << title;

  nlohmann::json data = page_data(page);
  const auto& strings = data["S"];
  const auto& model = data["m"][0];
  EXPECT_EQ(strings[model["n"].get<int>()], kHostileName);
  EXPECT_EQ(strings[model["v"].get<int>()], kHostileVersion);
}

TEST(HtmlReport, PolicyAllowsExactlyTheInlineScriptAndStyle) {
  std::string page = render({evaluate_text(testing::manifest_json({}), "m.json")});
  std::string policy = between(page, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
  EXPECT_NE(policy.find("default-src 'none'"), std::string::npos) << policy;
  EXPECT_NE(policy.find(std::string("script-src ") + std::string(html_assets::js_csp_source())),
            std::string::npos)
      << policy;
  EXPECT_NE(policy.find(std::string("style-src ") + std::string(html_assets::css_csp_source())),
            std::string::npos)
      << policy;
  EXPECT_NE(policy.find("form-action 'none'"), std::string::npos) << policy;
  // The hashed texts are the ones the page carries, byte for byte.
  EXPECT_EQ(between(page, "</script>\n<script>", "</script>"), html_assets::js());
  EXPECT_EQ(between(page, "<style>", "</style>"), html_assets::css());
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
}

TEST(HtmlReport, DataHoldsTheEvaluation) {
  Evaluation ev =
      evaluate_text(testing::manifest_json(testing::required_down_to(3)), "class3.json");
  std::string page = render({ev});
  nlohmann::json data = page_data(page);
  const Framework& fw = builtin_framework();
  ASSERT_EQ(data["fw"]["c"].size(), fw.components.size());
  ASSERT_EQ(data["fw"]["classes"].size(), fw.classes.size());
  const auto& model = data["m"][0];
  EXPECT_EQ(model["c"], ev.model_class);
  std::string letters = model["s"];
  ASSERT_EQ(letters.size(), fw.components.size());
  for (std::size_t i = 0; i < letters.size(); ++i) {
    EXPECT_EQ(data["st"][std::string(1, letters[i])], status_name(ev.components[i].status)) << i;
  }
  for (std::size_t k = 0; k < fw.classes.size(); ++k) {
    EXPECT_DOUBLE_EQ(
        model["g"][k].get<double>(),
        std::round(ev.progress[static_cast<std::size_t>(fw.classes[k].level)] * 10) / 10);
  }
  // The next steps: the same components, in the same order, as next_steps().
  auto steps = next_steps(ev);
  ASSERT_EQ(model["x"].size(), steps.size());
  for (std::size_t s = 0; s < steps.size(); ++s) {
    EXPECT_EQ(model["x"][s][0], steps[s].level);
    ASSERT_EQ(model["x"][s][1].size(), steps[s].additional.size());
    for (std::size_t a = 0; a < steps[s].additional.size(); ++a) {
      std::size_t i = steps[s].additional[a];
      EXPECT_EQ(model["x"][s][1][a][0], i);
      EXPECT_EQ(data["S"][model["x"][s][1][a][1].get<int>()], describe_action(ev, i));
    }
  }
}

TEST(HtmlReport, ManyModelsShareStringsAndListErrors) {
  std::vector<Evaluation> evs;
  const std::string text =
      testing::manifest_json({{"Model card", "CC-BY-NC-4.0"}, {"Model architecture", "MIT"}});
  for (int i = 0; i < 50; ++i) {
    std::string origin = std::to_string(i);
    origin += ".json";
    evs.push_back(evaluate_text(text, origin));
  }
  std::string page = render(evs, {Error({"bad.json", 3, 7}, "invalid JSON: unexpected end")});
  nlohmann::json data = page_data(page);
  EXPECT_EQ(data["m"].size(), 50u);
  ASSERT_EQ(data["e"].size(), 1u);
  EXPECT_EQ(data["S"][data["e"][0].get<int>()], "bad.json:3:7: invalid JSON: unexpected end");
  std::size_t nc = 0;
  for (const auto& s : data["S"]) nc += s == "CC-BY-NC-4.0";
  EXPECT_EQ(nc, 1u);
  EXPECT_NE(between(page, "<title>", "</title>").find("50 models"), std::string::npos);
}

}  // namespace
}  // namespace mofcheck
