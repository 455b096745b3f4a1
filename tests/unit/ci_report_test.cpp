// SPDX-License-Identifier: Apache-2.0
// The CI formats (sarif, junit, github, markdown): structure, positions on
// known fixture lines for JSON and YAML input, and escaping of hostile text.
#include <regex>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <mofcheck/gate.hpp>
#include <mofcheck/report.hpp>

#include "test_support.hpp"
#include "xml_reader.hpp"

namespace mofcheck {
namespace {

// Line 9: an entry with a non-open license written on the same line (its text at column 42).
const char* kJson = R"J({
  "framework": {"name": "Model Openness Framework", "version": "1.0"},
  "release": {
    "name": "Pos",
    "license": {"distribution": {"name": "Apache-2.0"}, "document": {"name": "CC-BY-4.0"}},
    "components": [
      {"name": "Model architecture"},
      {"name": "Model parameters (Final)"},
      {"name": "Model card", "license": "CC-BY-NC-4.0"},
      {"name": "Data card"},
      {"name": "Technical report"},
      {"name": "Evaluation results"}
    ]
  }
}
)J";

// The same release in YAML: the model card entry on line 10, its license on line 11.
const char* kYaml = R"(framework: {name: Model Openness Framework, version: '1.0'}
release:
  name: Pos
  license:
    distribution: {name: Apache-2.0}
    document: {name: CC-BY-4.0}
  components:
    - name: Model architecture
    - name: Model parameters (Final)
    - name: Model card
      license: CC-BY-NC-4.0
    - name: Data card
    - name: Technical report
    - name: Evaluation results
)";

struct Judged {
  Evaluation ev;
  GateResult gate;
};

Judged judge_text(const std::string& text, const std::string& origin, int min_class = 3) {
  Judged r{evaluate(parse_manifest(text, origin), builtin_framework(), LicenseDb::builtin(),
                    Profile::spdx),
           {}};
  GatePolicy p;
  p.min_class = min_class;
  r.gate = check_gate(r.ev, p);
  return r;
}

std::string render(const std::string& format, const std::vector<Judged>& runs) {
  auto reporter = make_reporter(format, {});
  EXPECT_NE(reporter, nullptr) << format;
  std::ostringstream out;
  for (const auto& r : runs) reporter->add(r.ev, r.gate, out);
  reporter->finish(out);
  return out.str();
}

const nlohmann::json* result_for(const nlohmann::json& results, const std::string& rule) {
  for (const auto& r : results) {
    if (r.at("ruleId") == rule) return &r;
  }
  return nullptr;
}

TEST(Sarif, HasTheRequiredStructure) {
  auto doc = nlohmann::json::parse(render("sarif", {judge_text(kJson, "m.json")}));
  EXPECT_EQ(doc.at("version"), "2.1.0");
  EXPECT_NE(doc.at("$schema").get<std::string>().find("sarif-schema-2.1.0.json"),
            std::string::npos);
  ASSERT_EQ(doc.at("runs").size(), 1u);
  const auto& run = doc["runs"][0];
  EXPECT_EQ(run.at("tool").at("driver").at("name"), "mof-check");
  const auto& rules = run["tool"]["driver"].at("rules");
  // One rule per framework component, and one per diagnostic code met.
  EXPECT_EQ(rules.size(), builtin_framework().components.size() + 1);
  for (const auto& rule : rules) {
    EXPECT_TRUE(rule.contains("id"));
    EXPECT_FALSE(rule.at("help").at("text").get<std::string>().empty()) << rule["id"];
    EXPECT_FALSE(rule.at("shortDescription").at("text").get<std::string>().empty());
  }
  const auto& results = run.at("results");
  ASSERT_FALSE(results.empty());
  for (const auto& r : results) {
    const auto& index = r.at("ruleIndex");
    EXPECT_EQ(rules.at(index.get<std::size_t>()).at("id"), r.at("ruleId"));
    EXPECT_TRUE(r.at("level") == "error" || r.at("level") == "warning" || r.at("level") == "note");
    EXPECT_FALSE(r.at("message").at("text").get<std::string>().empty());
    const auto& loc = r.at("locations").at(0).at("physicalLocation");
    EXPECT_EQ(loc.at("artifactLocation").at("uri"), "m.json");
    EXPECT_GT(loc.at("region").at("startLine").get<int>(), 0);
  }
  EXPECT_EQ(run.at("invocations").at(0).at("executionSuccessful"), true);
}

TEST(Sarif, PointsAtTheEntryAndTheLicenseLineForJson) {
  auto doc = nlohmann::json::parse(render("sarif", {judge_text(kJson, "m.json")}));
  const auto& results = doc["runs"][0]["results"];
  const auto* card = result_for(results, "component/model-card");
  ASSERT_NE(card, nullptr);
  EXPECT_EQ(card->at("level"), "error");  // the Class III gate needs it
  const auto& region = card->at("locations")[0]["physicalLocation"]["region"];
  EXPECT_EQ(region.at("startLine"), 9);
  EXPECT_EQ(region.at("startColumn"), 7);
  const auto* diag = result_for(results, "license-not-open");
  ASSERT_NE(diag, nullptr);
  EXPECT_EQ(diag->at("locations")[0]["physicalLocation"]["region"].at("startLine"), 9);
  // The first character of the license text, just inside its quote.
  EXPECT_EQ(diag->at("locations")[0]["physicalLocation"]["region"].at("startColumn"), 42);
  // A missing component points at the `release` key.
  const auto* missing = result_for(results, "component/training-code");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->at("level"), "note");
  EXPECT_EQ(missing->at("locations")[0]["physicalLocation"]["region"].at("startLine"), 3);
}

TEST(Sarif, PointsAtTheEntryAndTheLicenseLineForYaml) {
  auto doc = nlohmann::json::parse(render("sarif", {judge_text(kYaml, "m.yaml")}));
  const auto& results = doc["runs"][0]["results"];
  const auto* card = result_for(results, "component/model-card");
  ASSERT_NE(card, nullptr);
  EXPECT_EQ(card->at("locations")[0]["physicalLocation"]["region"].at("startLine"), 10);
  EXPECT_EQ(card->at("relatedLocations")[0]["physicalLocation"]["region"].at("startLine"), 11);
  const auto* diag = result_for(results, "license-not-open");
  ASSERT_NE(diag, nullptr);
  const auto& region = diag->at("locations")[0]["physicalLocation"]["region"];
  EXPECT_EQ(region.at("startLine"), 11);
  EXPECT_EQ(region.at("startColumn"), 16);
  const auto* missing = result_for(results, "component/training-code");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->at("locations")[0]["physicalLocation"]["region"].at("startLine"), 2);
}

TEST(Sarif, WaivedDiagnosticsAreSuppressedNotHidden) {
  auto entries = testing::required_down_to(3);
  entries[0].license = "CC-BY-4.0";  // architecture under a content license: a warning
  Judged r = judge_text(testing::manifest_json(entries), "w.json", 0);
  GatePolicy p;
  p.fail_on = Severity::warning;
  p.waivers = {{"license-type-unsuited", "", "accepted", "9999-12-31", {"c.yaml", 3, 5}}};
  r.gate = check_gate(r.ev, p);
  ASSERT_TRUE(r.gate.passed);
  auto doc = nlohmann::json::parse(render("sarif", {r}));
  const auto* diag = result_for(doc["runs"][0]["results"], "license-type-unsuited");
  ASSERT_NE(diag, nullptr);
  EXPECT_EQ(diag->at("suppressions")[0].at("justification"), "accepted (until 9999-12-31)");
  EXPECT_EQ(diag->at("suppressions")[0].at("status"), "accepted");
}

TEST(Sarif, InvalidInputIsAnErrorResult) {
  auto reporter = make_reporter("sarif", {});
  std::ostringstream out;
  reporter->add_error(Error({"bad.json", 4, 2}, "expected ','"), out);
  reporter->finish(out);
  auto doc = nlohmann::json::parse(out.str());
  const auto& run = doc["runs"][0];
  EXPECT_EQ(run["invocations"][0]["executionSuccessful"], false);
  EXPECT_EQ(run["results"][0]["ruleId"], "input-error");
  EXPECT_EQ(run["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"], 4);
}

TEST(Junit, ParsesBackWithOneSuitePerManifestAndAFailurePerUnmetComponent) {
  std::string xml = render("junit", {judge_text(kJson, "m.json"), judge_text(kYaml, "m.yaml", 2)});
  testing::XmlElement root = testing::XmlReader(xml).parse();
  EXPECT_EQ(root.name, "testsuites");
  auto suites = root.all("testsuite");
  ASSERT_EQ(suites.size(), 2u);
  EXPECT_EQ(*suites[0]->attr("name"), "m.json");
  int required = 0;
  for (const auto& c : builtin_framework().components) required += c.required ? 1 : 0;
  auto cases = suites[0]->all("testcase");
  ASSERT_EQ(cases.size(), static_cast<std::size_t>(required + 1));  // + the gate
  int failures = 0;
  for (const auto* tc : cases) {
    auto f = tc->all("failure");
    failures += static_cast<int>(f.size());
    if (*tc->attr("name") == "Model card") {
      ASSERT_EQ(f.size(), 1u);
      EXPECT_EQ(*f[0]->attr("type"), "not-open");
      EXPECT_NE(f[0]->attr("message")->find("CC-BY-NC-4.0"), std::string::npos);
      EXPECT_EQ(*tc->attr("line"), "9");
    }
    if (*tc->attr("name") == "Training code") {
      // Not needed by the Class III gate: skipped with the reason.
      EXPECT_TRUE(f.empty());
      ASSERT_EQ(tc->all("skipped").size(), 1u);
    }
  }
  EXPECT_EQ(failures, 2);  // the model card, and the gate
  EXPECT_EQ(*suites[0]->attr("failures"), "2");
  EXPECT_EQ(*suites[0]->attr("tests"), std::to_string(cases.size()));
  // The YAML suite: a Class II gate, so the Class II components fail too.
  EXPECT_EQ(*suites[1]->attr("failures"), "6");
  int total = std::stoi(*root.attr("failures"));
  EXPECT_EQ(total, 8);
}

TEST(Junit, InvalidInputIsAnError) {
  auto reporter = make_reporter("junit", {});
  std::ostringstream out;
  reporter->add_error(Error({"bad.json", 4, 2}, "expected ',' <here>"), out);
  reporter->finish(out);
  testing::XmlElement root = testing::XmlReader(out.str()).parse();
  EXPECT_EQ(*root.attr("errors"), "1");
  auto err = root.all("testsuite")[0]->all("testcase")[0]->all("error");
  ASSERT_EQ(err.size(), 1u);
  EXPECT_EQ(*err[0]->attr("message"), "expected ',' <here>");
}

// ::error file=...,line=N[,col=N],title=...::message, one per line.
const std::regex kWorkflowCommand(
    R"(^::(error|warning|notice) file=[^,:%\r\n]*(%[0-9A-F]{2}[^,:%\r\n]*)*(,line=[0-9]+(,col=[0-9]+)?)?,title=[^,:\r\n]*::[^\r\n]*$)");

TEST(Github, EveryLineIsAWorkflowCommand) {
  std::string text = render("github", {judge_text(kJson, "m.json"), judge_text(kYaml, "m.yaml")});
  std::istringstream lines(text);
  std::string line;
  int n = 0;
  bool card_error_on_license_line = false;
  while (std::getline(lines, line)) {
    ++n;
    EXPECT_TRUE(std::regex_match(line, kWorkflowCommand)) << line;
    if (line.rfind("::error file=m.yaml,line=11,col=16,", 0) == 0)
      card_error_on_license_line = true;
  }
  EXPECT_GT(n, 4);
  EXPECT_TRUE(card_error_on_license_line) << text;
}

// Text from the manifest that tries to break each format.
const char* kHostile = R"J({"framework": {"name": "Model Openness Framework", "version": "1.0"},
 "release": {"name": "a|b <x>&amp; \u0001%0A:,\n::error::", "producer": "@team",
  "components": [{"name": "Model card", "license": "CC-BY-NC-4.0 | <b>\u0007"},
                 {"name": "Weights]|(x)\r\nbad"}]}}
)J";

TEST(Escaping, HostileTextKeepsEveryFormatWellFormed) {
  Judged r = judge_text(kHostile, "dir/a b%,:.json");
  // JUnit: parses, names survive.
  testing::XmlElement root = testing::XmlReader(render("junit", {r})).parse();
  auto props = root.all("testsuite")[0]->all("properties")[0]->all("property");
  EXPECT_EQ(*props[0]->attr("value"), "a|b <x>&amp; \xEF\xBF\xBD%0A:,\n::error::");
  // GitHub: one command per line, nothing injected.
  std::istringstream lines(render("github", {r}));
  std::string line;
  while (std::getline(lines, line)) EXPECT_TRUE(std::regex_match(line, kWorkflowCommand)) << line;
  // SARIF: valid JSON.
  EXPECT_TRUE(nlohmann::json::accept(render("sarif", {r})));
  // Markdown: every table row keeps its number of cells.
  std::istringstream md(render("markdown", {r}));
  while (std::getline(md, line)) {
    if (line.empty() || line[0] != '|') continue;
    int cells = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '\\') {
        ++i;
      } else if (line[i] == '|') {
        ++cells;
      }
    }
    EXPECT_TRUE(cells == 4 || cells == 5) << line;  // progress rows (3 classes) or 4 columns
    for (std::size_t i = line.find('<'); i != std::string::npos; i = line.find('<', i + 1)) {
      EXPECT_EQ(line[i - 1], '\\') << "unescaped '<' in " << line;
    }
  }
}

}  // namespace
}  // namespace mofcheck
