// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/diff.hpp>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace mofcheck {
namespace {

using testing::judge;
using testing::manifest_json;
using testing::required_down_to;
using testing::without;

TEST(Diff, SameManifestHasNoChanges) {
  Evaluation a = judge(manifest_json(required_down_to(3)));
  Evaluation b = judge(manifest_json(required_down_to(3)));
  EvaluationDiff d = diff_evaluations(a, b);
  EXPECT_TRUE(d.changes.empty());
  EXPECT_FALSE(d.downgraded());
  EXPECT_FALSE(d.upgraded());
}

TEST(Diff, LosingAComponentIsADowngradeAndNamesIt) {
  Evaluation a = judge(manifest_json(required_down_to(2)));
  Evaluation b = judge(manifest_json(without(required_down_to(2), "Evaluation code")));
  ASSERT_EQ(a.model_class, 2);
  ASSERT_EQ(b.model_class, 3);
  EvaluationDiff d = diff_evaluations(a, b);
  EXPECT_TRUE(d.downgraded());
  EXPECT_FALSE(d.upgraded());
  ASSERT_EQ(d.changes.size(), 1u);
  EXPECT_EQ(builtin_framework().components[d.changes[0].index].name, "Evaluation code");
  EXPECT_EQ(d.changes[0].old_status, ComponentStatus::met);
  EXPECT_EQ(d.changes[0].new_status, ComponentStatus::missing);
  EXPECT_EQ(d.changes[0].old_license, "Apache-2.0");
  EXPECT_EQ(d.changes[0].new_license, "");
  // The other way round is an upgrade.
  EXPECT_TRUE(diff_evaluations(b, a).upgraded());
}

TEST(Diff, UnclassifiedIsBelowEveryClassAndLicenseChangesCount) {
  auto entries = required_down_to(3);
  Evaluation a = judge(manifest_json(entries));
  for (auto& e : entries) {
    if (e.name == "Model card") e.license = "CC-BY-SA-4.0";
  }
  Evaluation same_class = judge(manifest_json(entries));
  EvaluationDiff d = diff_evaluations(a, same_class);
  EXPECT_FALSE(d.downgraded());
  ASSERT_EQ(d.changes.size(), 1u);
  EXPECT_EQ(d.changes[0].new_license, "CC-BY-SA-4.0");
  Evaluation none = judge(manifest_json({}));
  EXPECT_TRUE(diff_evaluations(a, none).downgraded());
  EXPECT_FALSE(diff_evaluations(none, none).downgraded());
}

}  // namespace
}  // namespace mofcheck
