// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/gate.hpp>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace mofcheck {
namespace {

using testing::Entry;
using testing::judge;
using testing::manifest_json;
using testing::required_down_to;

std::size_t index_of(const std::string& name) {
  return static_cast<std::size_t>(builtin_framework().find_component(name));
}

// Class III complete, the architecture under a content license (a warning).
Evaluation class_three_with_warning() {
  auto entries = required_down_to(3);
  for (auto& e : entries) {
    if (e.name == "Model architecture") e.license = "CC-BY-4.0";
  }
  return judge(manifest_json(entries));
}

std::size_t diagnostic_index(const Evaluation& ev, const std::string& code) {
  for (std::size_t i = 0; i < ev.diagnostics.size(); ++i) {
    if (ev.diagnostics[i].code == code) return i;
  }
  ADD_FAILURE() << "no diagnostic " << code;
  return 0;
}

TEST(Gate, NoPolicyPasses) {
  GateResult r = check_gate(judge(manifest_json({})), {});
  EXPECT_TRUE(r.passed);
  EXPECT_TRUE(r.failures.empty());
  EXPECT_TRUE(r.blocking.empty());
}

TEST(Gate, MinClassBlocksTheComponentsOfThatClassGap) {
  Evaluation ev = judge(manifest_json(required_down_to(3)));
  ASSERT_EQ(ev.model_class, 3);
  GatePolicy p;
  p.min_class = 3;
  EXPECT_TRUE(check_gate(ev, p).passed);
  p.min_class = 2;
  GateResult r = check_gate(ev, p);
  EXPECT_FALSE(r.passed);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0],
            "the model is Class III - Open Model, below the required Class II - Open Tooling");
  EXPECT_EQ(r.min_class, 2);
  // Exactly the four Class II components, none of Class I.
  EXPECT_EQ(r.blocking,
            (std::vector<std::size_t>{index_of("Training code"), index_of("Inference code"),
                                      index_of("Evaluation code"), index_of("Evaluation data")}));
}

TEST(Gate, RequireFailsWhateverTheClass) {
  Evaluation ev = judge(manifest_json(required_down_to(3)));
  GatePolicy p;
  p.require = {index_of("Datasets"), index_of("Model card")};
  GateResult r = check_gate(ev, p);
  EXPECT_FALSE(r.passed);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0], "the required component 'Datasets' is missing");
  EXPECT_EQ(r.blocking, std::vector<std::size_t>{index_of("Datasets")});
}

TEST(Gate, StrictFailsOnWarningsOnly) {
  Evaluation ev = class_three_with_warning();
  ASSERT_EQ(ev.model_class, 3);
  EXPECT_TRUE(check_gate(ev, {}).passed);
  GatePolicy p;
  p.strict = true;
  GateResult r = check_gate(ev, p);
  EXPECT_FALSE(r.passed);
  std::size_t d = diagnostic_index(ev, "license-type-unsuited");
  EXPECT_EQ(r.failing_diagnostics, std::vector<std::size_t>{d});
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0].rfind("strict: test.json:", 0), 0u) << r.failures[0];
  // The library names no flag; a caller names the setting its own way.
  p.strict_label = "--strict";
  GateResult labelled = check_gate(ev, p);
  EXPECT_EQ(labelled.failures[0].rfind("--strict: test.json:", 0), 0u) << labelled.failures[0];
  EXPECT_EQ(labelled.strict_label, "--strict");
  EXPECT_NE(r.failures[0].find("[license-type-unsuited]"), std::string::npos);

  // A non-open license is an error diagnostic: the class counts it, --strict does not.
  auto entries = required_down_to(3);
  entries.push_back({"Datasets", "CC-BY-NC-4.0"});
  EXPECT_TRUE(check_gate(judge(manifest_json(entries)), p).passed);
}

TEST(Gate, WaiverKeepsStrictFromFailingAndStaysVisible) {
  Evaluation ev = class_three_with_warning();
  GatePolicy p;
  p.strict = true;
  p.today = "2026-06-01";
  p.waivers = {{"license-type-unsuited",
                "model architecture",
                "paper appendix",
                "2026-06-01",
                {".mof-check.yaml", 4, 5}}};
  GateResult r = check_gate(ev, p);
  EXPECT_TRUE(r.passed) << (r.failures.empty() ? "" : r.failures[0]);
  ASSERT_EQ(r.waived.size(), 1u);
  std::size_t d = diagnostic_index(ev, "license-type-unsuited");
  EXPECT_EQ(r.waived[0].diagnostic, d);
  ASSERT_NE(r.waiver_for(d), nullptr);
  EXPECT_EQ(r.waiver_for(d)->reason, "paper appendix");
  // Waivers never change the class.
  EXPECT_EQ(ev.model_class, 3);
}

TEST(Gate, WaiverForAnotherComponentOrCodeDoesNotApply) {
  Evaluation ev = class_three_with_warning();
  GatePolicy p;
  p.strict = true;
  p.waivers = {{"license-type-unsuited", "Model card", "other", "9999-12-31", {}},
               {"license-not-canonical", "Model architecture", "other", "9999-12-31", {}}};
  GateResult r = check_gate(ev, p);
  EXPECT_FALSE(r.passed);
  EXPECT_TRUE(r.waived.empty());
}

TEST(Gate, ExpiredWaiverFailsAndNamesItsDate) {
  Evaluation ev = class_three_with_warning();
  GatePolicy p;
  p.today = "2026-06-02";
  p.waivers = {{"license-type-unsuited",
                "Model architecture",
                "relicensing",
                "2026-06-01",
                {".mof-check.yaml", 4, 5}}};
  GateResult r = check_gate(ev, p);
  EXPECT_FALSE(r.passed);
  EXPECT_TRUE(r.waived.empty());
  ASSERT_EQ(r.expired.size(), 1u);
  ASSERT_EQ(r.failures.size(), 1u);
  EXPECT_EQ(r.failures[0],
            "waiver of license-type-unsuited for 'Model architecture' expired on 2026-06-01 "
            "(.mof-check.yaml:4:5); renew or remove it");
  // No date, no expiry.
  p.today.clear();
  EXPECT_TRUE(check_gate(ev, p).passed);
}

TEST(Gate, ParseClassLevelAcceptsRomanAndArabic) {
  const Framework& fw = builtin_framework();
  EXPECT_EQ(parse_class_level("III", fw), 3);
  EXPECT_EQ(parse_class_level("ii", fw), 2);
  EXPECT_EQ(parse_class_level("1", fw), 1);
  EXPECT_EQ(parse_class_level("IV", fw), 0);
}

TEST(Gate, IsoDates) {
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_FALSE(is_iso_date("2023-02-29"));
  EXPECT_FALSE(is_iso_date("2026-13-01"));
  EXPECT_FALSE(is_iso_date("2026-04-31"));
  EXPECT_FALSE(is_iso_date("26-04-01"));
  EXPECT_FALSE(is_iso_date("2026/04/01"));
  EXPECT_TRUE(is_iso_date("9999-12-31"));
}

}  // namespace
}  // namespace mofcheck
