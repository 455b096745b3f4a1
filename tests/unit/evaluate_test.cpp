// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/evaluate.hpp>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace mofcheck {
namespace {

using testing::Entry;
using testing::judge;
using testing::manifest_json;
using testing::required_down_to;
using testing::result_for;
using testing::without;

struct ClassCase {
  const char* label;
  std::vector<Entry> entries;
  int expected_class;
  double progress3, progress2, progress1;
};

std::ostream& operator<<(std::ostream& os, const ClassCase& c) {
  return os << c.label;
}

class ClassRules : public ::testing::TestWithParam<ClassCase> {};

TEST_P(ClassRules, ClassAndProgressMatchTheMot) {
  const ClassCase& c = GetParam();
  Evaluation ev = judge(manifest_json(c.entries));
  EXPECT_EQ(ev.model_class, c.expected_class);
  EXPECT_DOUBLE_EQ(ev.progress[3], c.progress3);
  EXPECT_DOUBLE_EQ(ev.progress[2], c.progress2);
  EXPECT_DOUBLE_EQ(ev.progress[1], c.progress1);
}

std::vector<Entry> plus(std::vector<Entry> a, const std::vector<Entry>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

INSTANTIATE_TEST_SUITE_P(
    Mof10, ClassRules,
    ::testing::Values(
        ClassCase{"nothing listed", {}, 0, 0, 0, 0},
        ClassCase{"class III complete", required_down_to(3), 3, 100, 60, 0},
        ClassCase{"class III without the technical report",
                  without(required_down_to(3), "Technical report"), 0, 100.0 * 5 / 6, 0, 0},
        ClassCase{"research paper stands in for the technical report in class III",
                  plus(without(required_down_to(3), "Technical report"),
                       {{"Research paper", "CC-BY-4.0"}}),
                  3, 100, 60, 0},
        ClassCase{"class II complete", required_down_to(2), 2, 100, 100, 100.0 * 10 / 14},
        ClassCase{"class II half way: progress counts classes III and II together",
                  plus(required_down_to(3), {{"Training code", "MIT"}, {"Inference code", "MIT"}}),
                  3, 100, 80, 0},
        ClassCase{"class II progress is 0 until class III is complete",
                  without(required_down_to(2), "Model card"), 0, 100.0 * 5 / 6, 0, 0},
        ClassCase{"research paper stands in in class II too",
                  plus(without(required_down_to(2), "Technical report"),
                       {{"Research paper", "CC-BY-4.0"}}),
                  2, 100, 100, 100.0 * 10 / 13},
        ClassCase{"class I complete", required_down_to(1), 1, 100, 100, 100},
        ClassCase{"class I with the research paper in place of the report: total one less",
                  without(required_down_to(1), "Technical report"), 1, 100, 100, 100},
        ClassCase{"class I without datasets", without(required_down_to(1), "Datasets"), 2, 100, 100,
                  100.0 * 13 / 14},
        ClassCase{"class I progress is 0 until class II is complete",
                  without(required_down_to(1), "Evaluation data"), 3, 100, 90, 0},
        ClassCase{"a license that is not open blocks the class",
                  plus(without(required_down_to(3), "Model parameters (Final)"),
                       {{"Model parameters (Final)", "CC-BY-NC-4.0"}}),
                  0, 100.0 * 5 / 6, 0, 0},
        ClassCase{"an open license unsuited to the type still counts",
                  plus(without(required_down_to(3), "Model architecture"),
                       {{"Model architecture", "CC-BY-4.0"}}),
                  3, 100, 60, 0}),
    [](const ::testing::TestParamInfo<ClassCase>& p) { return "case" + std::to_string(p.index); });

TEST(Evaluate, OptionalComponentsNeverBlockAClass) {
  Evaluation ev = judge(manifest_json(required_down_to(2)));
  EXPECT_EQ(ev.model_class, 2);
  EXPECT_EQ(result_for(ev, "Sample model outputs").status, ComponentStatus::missing);
  EXPECT_EQ(result_for(ev, "Supporting libraries and tools").status, ComponentStatus::missing);
}

TEST(Evaluate, EachStatus) {
  Evaluation ev = judge(manifest_json({{"Model architecture", "Apache-2.0"},
                                       {"Model card", ""},
                                       {"Data card", "unlicensed"},
                                       {"Technical report", "CC-BY-NC-4.0"},
                                       {"Evaluation results", "Component not included"},
                                       {"Training code", "CC-BY-4.0"}}));
  EXPECT_EQ(result_for(ev, "Model architecture").status, ComponentStatus::met);
  EXPECT_EQ(result_for(ev, "Model card").status, ComponentStatus::unlicensed);
  EXPECT_EQ(result_for(ev, "Data card").status, ComponentStatus::unlicensed);
  EXPECT_EQ(result_for(ev, "Technical report").status, ComponentStatus::not_open);
  EXPECT_EQ(result_for(ev, "Evaluation results").status, ComponentStatus::missing);
  EXPECT_EQ(result_for(ev, "Training code").status, ComponentStatus::met_with_warning);
  EXPECT_FALSE(result_for(ev, "Training code").type_appropriate);
  EXPECT_EQ(result_for(ev, "Model parameters (Final)").status, ComponentStatus::missing);
}

TEST(Evaluate, LicenseComesFromComponentThenTypeThenDistribution) {
  std::string text = R"({"release": {"name": "m",
    "license": {"distribution": {"name": "MIT"}, "document": {"name": "CC-BY-4.0"}},
    "components": [{"name": "Model card"}, {"name": "Model architecture"},
                   {"name": "Technical report", "license": "CC0-1.0"},
                   {"name": "Data card", "license": ""}]}})";
  Evaluation ev = judge(text);
  EXPECT_EQ(result_for(ev, "Model card").license, "CC-BY-4.0");
  EXPECT_EQ(result_for(ev, "Model card").license_source, LicenseSource::type);
  EXPECT_EQ(result_for(ev, "Model architecture").license, "MIT");
  EXPECT_EQ(result_for(ev, "Model architecture").license_source, LicenseSource::distribution);
  EXPECT_EQ(result_for(ev, "Technical report").license, "CC0-1.0");
  EXPECT_EQ(result_for(ev, "Technical report").license_source, LicenseSource::component);
  // An explicit empty license is "no license", not "inherit".
  EXPECT_EQ(result_for(ev, "Data card").status, ComponentStatus::unlicensed);
}

TEST(Evaluate, MotEmptyListMeansNoGlobalLicense) {
  Evaluation ev = judge(R"({"release": {"name": "m", "license": [],
                            "components": [{"name": "Model card"}]}})");
  EXPECT_EQ(result_for(ev, "Model card").status, ComponentStatus::unlicensed);
  EXPECT_EQ(result_for(ev, "Model card").license_source, LicenseSource::none);
}

TEST(Evaluate, UnknownComponentIsAWarningNamingTheClosestOne) {
  Evaluation ev = judge(manifest_json({{"Model crad", "CC-BY-4.0"}}));
  ASSERT_EQ(ev.diagnostics.size(), 1u);
  EXPECT_EQ(ev.diagnostics[0].code, "unknown-component");
  EXPECT_EQ(ev.diagnostics[0].message,
            "unknown component 'Model crad' is not counted; did you mean 'Model card'? (the MOT "
            "files a name it does not know under 'Datasets', a defect of its component lookup, so "
            "its published verdict can differ)");
  EXPECT_EQ(ev.diagnostics[0].where.line, 4);
  EXPECT_EQ(result_for(ev, "Model card").status, ComponentStatus::missing);
}

TEST(Evaluate, DuplicateComponentCountsTheLastAsTheMotDoes) {
  Evaluation ev =
      judge(manifest_json({{"Model card", "Proprietary"}, {"Model card", "CC-BY-4.0"}}));
  EXPECT_EQ(result_for(ev, "Model card").status, ComponentStatus::met);
  ASSERT_EQ(ev.diagnostics.size(), 1u);
  EXPECT_EQ(ev.diagnostics[0].code, "duplicate-component");
  EXPECT_EQ(ev.diagnostics[0].message,
            "component 'Model card' is listed again; the last entry counts, as in the MOT, and "
            "the one at line 4 is ignored");
}

TEST(Evaluate, NameInOtherCaseCountsWithAWarning) {
  Evaluation ev = judge(manifest_json({{"model card", "CC-BY-4.0"}}));
  EXPECT_EQ(result_for(ev, "Model card").status, ComponentStatus::met);
  ASSERT_EQ(ev.diagnostics.size(), 1u);
  EXPECT_EQ(ev.diagnostics[0].code, "component-name");
}

TEST(Evaluate, OtherFrameworkVersionIsAWarning) {
  Evaluation ev = judge(R"({"framework": {"version": "0.9"}, "release": {"name": "m"}})");
  ASSERT_EQ(ev.diagnostics.size(), 1u);
  EXPECT_EQ(ev.diagnostics[0].code, "framework-version");
  EXPECT_EQ(ev.diagnostics[0].message,
            "the manifest was written for Model Openness Framework 0.9 but is judged by Model "
            "Openness Framework 1.0");
}

TEST(Evaluate, GapsListWhatEachHigherClassLacksInDefinitionOrder) {
  Evaluation ev = judge(manifest_json(without(required_down_to(3), "Data card")));
  ASSERT_EQ(ev.gaps.size(), 3u);
  EXPECT_EQ(ev.gaps[0].level, 3);
  ASSERT_EQ(ev.gaps[0].unmet.size(), 1u);
  EXPECT_EQ(ev.framework->components[ev.gaps[0].unmet[0]].name, "Data card");
  EXPECT_EQ(ev.gaps[2].level, 1);
  EXPECT_EQ(ev.gaps[2].unmet.size(), 9u);
}

TEST(Evaluate, SubstitutedComponentIsNotAGap) {
  auto entries = without(required_down_to(3), "Technical report");
  entries.push_back({"Research paper", "CC-BY-4.0"});
  Evaluation ev = judge(manifest_json(entries));
  EXPECT_EQ(result_for(ev, "Technical report").substituted_by, "Research paper");
  ASSERT_FALSE(ev.gaps.empty());
  for (std::size_t i : ev.gaps[0].unmet) {
    EXPECT_NE(ev.framework->components[i].name, "Technical report");
  }
}

TEST(Evaluate, ComponentIncludedInAnotherTakesItsLicense) {
  Evaluation ev = judge(R"({"release": {"name": "m", "components": [
      {"name": "Model card", "license": "CC-BY-4.0"},
      {"name": "Data card", "included_in": "Model card"}]}})");
  const ComponentResult& r = result_for(ev, "Data card");
  EXPECT_EQ(r.status, ComponentStatus::met);
  EXPECT_EQ(r.license_source, LicenseSource::host);
  EXPECT_EQ(r.included_in, "Model card");
}

TEST(Evaluate, InclusionInAComponentNotIncludedIsAnError) {
  try {
    judge(R"({"release": {"name": "m", "components": [
      {"name": "Data card", "included_in": "Model card"}]}})");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(),
                 "test.json:2:44: 'Data card' is said to be included in 'Model card', which the "
                 "manifest does not include");
  }
}

TEST(Evaluate, InclusionTheDefinitionDoesNotAllowIsAnError) {
  EXPECT_THROW(judge(R"({"release": {"name": "m", "components": [
      {"name": "Model card", "license": "CC-BY-4.0"},
      {"name": "Training code", "included_in": "Model card"}]}})"),
               Error);
}

TEST(Evaluate, AnotherDefinitionChangesTheVerdict) {
  Framework tiny = parse_framework(R"(
framework: {name: Tiny, version: "2"}
classes:
  - {level: 2, name: Basic}
  - {level: 1, name: Full}
components:
  - {id: weights, name: Weights, type: data, class: 2}
  - {id: code, name: Code, type: code, class: 1}
  - {id: extras, name: Extras, type: document, class: 1, required: false}
)",
                                   "tiny.yaml");
  Manifest m = parse_manifest(R"({"release": {"name": "m", "components": [
      {"name": "Weights", "license": "CC0-1.0"}, {"name": "Model card", "license": "MIT"}]}})",
                              "m.json");
  Evaluation ev = evaluate(m, tiny, LicenseDb::builtin(), Profile::spdx);
  EXPECT_EQ(ev.model_class, 2);
  EXPECT_EQ(ev.framework->label(2), "Class II - Basic");
  EXPECT_DOUBLE_EQ(ev.progress[2], 100);
  EXPECT_DOUBLE_EQ(ev.progress[1], 50);
  ASSERT_EQ(ev.diagnostics.size(), 1u);
  EXPECT_EQ(ev.diagnostics[0].code, "unknown-component");  // Model card is not in Tiny
}

}  // namespace
}  // namespace mofcheck
