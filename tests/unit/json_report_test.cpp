// SPDX-License-Identifier: Apache-2.0
// The json report written with the parts a reporter encodes once must be the
// report written without them, byte for byte.
#include "report/json_report.hpp"

#include <mofcheck/fix.hpp>
#include <mofcheck/gate.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace mofcheck {
namespace {

std::string written(const Evaluation& ev, int indent, JsonReportCache* cache) {
  std::string out;
  JsonWriter w(out, indent);
  write_evaluation_json(w, ev, check_gate(ev, GatePolicy{}), nullptr, cache);
  return out;
}

const char* const kManifests[] = {
    // Met, missing, unlicensed and not open components; a stand-in; a guess.
    R"json({"release": {"name": "a \"quoted\" model", "license": {"distribution": {"name": "MIT"}},
        "components": [
          {"name": "Model architecture"},
          {"name": "Model parameters (Final)", "license": "Llama 3 Community License"},
          {"name": "Model card", "license": ""},
          {"name": "Data card", "included_in": "Model card"},
          {"name": "Research paper", "license": "CC-BY-4.0"},
          {"name": "Evaluation results", "license": "CC BY 4.0"},
          {"name": "Training code", "license": "Apchae-2.0"}]}})json",
    R"json({"release": {"name": "empty", "components": []}})json",
};

TEST(JsonReportCache, SameBytesAsWithoutIt) {
  JsonReportCache cache;
  for (const char* text : kManifests) {
    Evaluation ev =
        evaluate(parse_manifest(text, "m.json"), builtin_framework(), LicenseDb::builtin());
    EXPECT_EQ(written(ev, -1, &cache), written(ev, -1, nullptr)) << text;
    // An indented report does not use it.
    EXPECT_EQ(written(ev, 2, &cache), written(ev, 2, nullptr)) << text;
  }
}

TEST(JsonReportCache, FollowsAnotherFramework) {
  Framework tiny = parse_framework(R"(
framework: {name: Two, version: "1"}
classes:
  - {level: 1, name: Only}
components:
  - {id: code, name: "Code \"quoted\"", type: code, class: 1}
  - {id: notes, name: Notes, type: document, class: 1, required: false}
)",
                                   "two.yaml");
  JsonReportCache cache;
  Evaluation mof =
      evaluate(parse_manifest(kManifests[0], "m.json"), builtin_framework(), LicenseDb::builtin());
  Evaluation small = evaluate(parse_manifest(R"({"release": {"name": "m", "components": [
      {"name": "Notes", "license": "CC0-1.0"}, {"name": "Code \"quoted\""}]}})",
                                             "m.json"),
                              tiny, LicenseDb::builtin());
  EXPECT_EQ(written(mof, -1, &cache), written(mof, -1, nullptr));
  EXPECT_EQ(written(small, -1, &cache), written(small, -1, nullptr));
  EXPECT_EQ(written(mof, -1, &cache), written(mof, -1, nullptr));
}

// A component a class lacks is lacking from the classes after it too, and
// every location names the same file: the compact report copies the action
// from the first class and the file name from the first location, the
// indented one writes each afresh; both say the same.
TEST(JsonReport, CopiedActionsAndFileNamesSayWhatTheyWouldAfresh) {
  for (const char* text : kManifests) {
    Evaluation ev =
        evaluate(parse_manifest(text, "m.json"), builtin_framework(), LicenseDb::builtin());
    const nlohmann::json compact = nlohmann::json::parse(written(ev, -1, nullptr));
    const nlohmann::json indented = nlohmann::json::parse(written(ev, 2, nullptr));
    EXPECT_EQ(compact, indented) << text;
    // The copies are there to compare: a component in the actions of two classes.
    std::map<std::string, int> classes_of;
    for (const auto& gap : compact.at("next")) {
      for (const auto& a : gap.at("actions")) ++classes_of[a.at("component").get<std::string>()];
    }
    EXPECT_TRUE(std::any_of(classes_of.begin(), classes_of.end(), [](const auto& c) {
      return c.second > 1;
    })) << text;
  }
  // ... and locations naming the file more than once.
  Evaluation ev =
      evaluate(parse_manifest(kManifests[0], "m.json"), builtin_framework(), LicenseDb::builtin());
  std::size_t located = 0;
  const nlohmann::json report = nlohmann::json::parse(written(ev, -1, nullptr));
  for (const auto& c : report.at("components")) {
    if (!c.contains("location")) continue;
    EXPECT_EQ(c.at("location").at("file"), "m.json");
    ++located;
  }
  EXPECT_GT(located, 1u);
}

}  // namespace
}  // namespace mofcheck
