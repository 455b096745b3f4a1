// SPDX-License-Identifier: Apache-2.0
// The path to the next class and to Class I, and components included in others.
#include <gtest/gtest.h>

#include <algorithm>

#include "report/reporters.hpp"
#include "test_support.hpp"

namespace mofcheck {
namespace {

using testing::Entry;
using testing::manifest_json;
using testing::required_down_to;
using testing::without;

Evaluation judge(const std::string& text) {
  return evaluate(parse_manifest(text, "t.json"), builtin_framework(), LicenseDb::builtin(),
                  Profile::spdx);
}

std::vector<std::string> names(const Evaluation& ev, const std::vector<std::size_t>& idx) {
  std::vector<std::string> out;
  for (std::size_t i : idx) out.push_back(ev.framework->components[i].name);
  return out;
}

TEST(NextSteps, NextClassThenClassIInAddition) {
  auto entries = required_down_to(3);
  entries.push_back({"Training code", "Apache-2.0"});
  Evaluation ev = judge(manifest_json(entries));
  ASSERT_EQ(ev.model_class, 3);
  const auto& steps = ev.next_steps;  // computed by evaluate()
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0].level, 2);
  EXPECT_EQ(names(ev, steps[0].actions),
            (std::vector<std::string>{"Inference code", "Evaluation code", "Evaluation data"}));
  EXPECT_EQ(steps[1].level, 1);
  EXPECT_EQ(steps[1].actions.size(), 7u);
  EXPECT_EQ(names(ev, steps[1].additional),
            (std::vector<std::string>{"Data preprocessing code", "Datasets",
                                      "Model parameters (Intermediate)", "Research paper"}));
}

TEST(NextSteps, OneStepWhenTheNextClassIsClassI) {
  Evaluation ev = judge(manifest_json(without(required_down_to(1), "Datasets")));
  ASSERT_EQ(ev.model_class, 2);
  const auto& steps = ev.next_steps;  // computed by evaluate()
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_EQ(names(ev, steps[0].actions), std::vector<std::string>{"Datasets"});
}

TEST(NextSteps, NoneAtClassI) {
  EXPECT_TRUE(judge(manifest_json(required_down_to(1))).next_steps.empty());
}

TEST(NextSteps, AStandInCoversBothWhenBothAreMissing) {
  // Without a technical report nor a research paper, publishing the paper
  // alone reaches Class I: the report is not asked for there.
  auto entries = without(without(required_down_to(1), "Technical report"), "Research paper");
  Evaluation ev = judge(manifest_json(entries));
  const auto& steps = ev.next_steps;  // computed by evaluate()
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(names(ev, steps[0].actions), std::vector<std::string>{"Technical report"});
  EXPECT_EQ(names(ev, steps[1].actions), std::vector<std::string>{"Research paper"});
  EXPECT_NE(describe_action(ev, steps[0].actions[0]).find("a met Research paper also stands in"),
            std::string::npos);
}

TEST(NextSteps, OrderedByClassAndWordedForRelicensing) {
  auto entries = required_down_to(3);
  for (auto& e : entries) {
    if (e.name == "Model parameters (Final)") e.license = "Llama 3.1 Community License";
  }
  Evaluation ev = judge(manifest_json(entries));
  const auto& steps = ev.next_steps;  // computed by evaluate()
  ASSERT_FALSE(steps.empty());
  EXPECT_EQ(steps[0].level, 3);
  const std::string action = describe_action(ev, steps[0].actions[0]);
  EXPECT_EQ(action.rfind("under Llama 3.1 Community License, not open", 0), 0u) << action;
  EXPECT_NE(action.find("release it under an open data license such as CDLA-Permissive-2.0 or "
                        "Apache-2.0"),
            std::string::npos);
  const auto& last = steps.back().actions;
  for (std::size_t i = 1; i < last.size(); ++i) {
    EXPECT_GE(ev.framework->components[last[i - 1]].class_level,
              ev.framework->components[last[i]].class_level);
  }
}

// included_in (item 5 of issue 7).
TEST(IncludedIn, TakesTheHostsLicenseAndStatus) {
  Evaluation ev = judge(R"({"release": {"name": "m", "components": [
      {"name": "Technical report", "license": "CC-BY-NC-4.0"},
      {"name": "Evaluation results", "included_in": "Technical report"}]}})");
  const auto& r =
      ev.components[static_cast<std::size_t>(ev.framework->find_component("Evaluation results"))];
  EXPECT_EQ(r.status, ComponentStatus::not_open);
  EXPECT_EQ(r.license, "CC-BY-NC-4.0");
  EXPECT_EQ(r.included_in, "Technical report");
}

TEST(IncludedIn, UnlicensedHostStillCountsAsIncluded) {
  Evaluation ev = judge(R"({"release": {"name": "m", "components": [
      {"name": "Model card", "license": ""},
      {"name": "Data card", "included_in": "Model card"}]}})");
  const auto& r =
      ev.components[static_cast<std::size_t>(ev.framework->find_component("Data card"))];
  EXPECT_EQ(r.status, ComponentStatus::unlicensed);
  EXPECT_TRUE(r.listed);
}

TEST(IncludedIn, HostMarkedNotIncludedIsAnError) {
  EXPECT_THROW(judge(R"({"release": {"name": "m", "components": [
      {"name": "Model card", "license": "Component not included"},
      {"name": "Data card", "included_in": "Model card"}]}})"),
               Error);
}

TEST(IncludedIn, UnknownHostIsAnErrorListingTheAllowedOnes) {
  try {
    judge(R"({"release": {"name": "m", "components": [
      {"name": "Evaluation results", "included_in": "Blog post"}]}})");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(
                  "the framework allows: Technical report, Research paper, Model card"),
              std::string::npos)
        << e.what();
    EXPECT_EQ(e.where().line, 2);
  }
}

TEST(IncludedIn, OwnLicenseBesideItIsWarnedAbout) {
  Evaluation ev = judge(R"({"release": {"name": "m", "components": [
      {"name": "Model card", "license": "CC-BY-4.0"},
      {"name": "Data card", "included_in": "Model card", "license": "MIT"}]}})");
  bool warned = std::any_of(ev.diagnostics.begin(), ev.diagnostics.end(),
                            [](const Diagnostic& d) { return d.code == "included-in-license"; });
  EXPECT_TRUE(warned);
}

TEST(IncludedIn, WithoutTheKeyNothingChanges) {
  auto entries = required_down_to(3);
  Evaluation a = judge(manifest_json(entries));
  std::string text = manifest_json(entries);
  // An empty included_in is the same as none.
  std::string with_empty = text;
  auto pos = with_empty.find("\"name\": \"Data card\"");
  with_empty.insert(pos, "\"included_in\": \"\", ");
  Evaluation b = judge(with_empty);
  EXPECT_EQ(a.model_class, b.model_class);
  for (std::size_t i = 0; i < a.components.size(); ++i) {
    EXPECT_EQ(a.components[i].status, b.components[i].status);
    EXPECT_EQ(a.components[i].license_source, b.components[i].license_source);
  }
}

}  // namespace
}  // namespace mofcheck
