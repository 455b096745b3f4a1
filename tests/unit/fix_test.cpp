// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/fix.hpp>

#include <string>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace mofcheck {
namespace {

const LicenseDb& db() {
  return LicenseDb::builtin();
}

// The text of `text` with every `from` replaced by `to`, for expected results.
std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

const char* kYaml =
    "# comments stay\n"
    "framework: {name: Model Openness Framework, version: '1.0'}\n"
    "release:\n"
    "  name: M\n"
    "  license:\n"
    "    distribution: {name: \"Apache 2.0\", path: LICENSE}   # README spelling\n"
    "    document: {path: \"d\\u00e9/x\", name: CC BY 4.0}\n"
    "  components:\n"
    "    - name: Model architecture\n"
    "      license: 'mit or apache-2.0'  # lower case\n"
    "    - name: Model parameters (Final)\n"
    "      license: GPL-2.0+\n"
    "    - name: Model card\n"
    "      license: CC BY\n";

TEST(PlanLicenseEdits, ListsCertainRewritesAndGuessesInWrittenOrder) {
  Manifest m = parse_manifest(kYaml, "m.yaml");
  std::vector<LicenseEdit> edits = plan_license_edits(m, db());
  ASSERT_EQ(edits.size(), 5u);
  EXPECT_EQ(edits[0].field, "release.license.distribution.name");
  EXPECT_EQ(edits[0].replacement, "Apache-2.0");
  EXPECT_TRUE(edits[0].certain);
  EXPECT_EQ(edits[0].where.line, 6);
  EXPECT_EQ(edits[1].replacement, "CC-BY-4.0");
  EXPECT_EQ(edits[2].written, "mit or apache-2.0");
  EXPECT_EQ(edits[2].replacement, "MIT OR Apache-2.0");
  EXPECT_TRUE(edits[2].certain);
  EXPECT_EQ(edits[3].replacement, "GPL-2.0-or-later");
  EXPECT_TRUE(edits[3].certain);
  EXPECT_EQ(edits[4].field, "release.components[2].license");
  EXPECT_EQ(edits[4].replacement, "CC-BY-4.0");
  EXPECT_FALSE(edits[4].certain) << "'CC BY' names no version";
}

TEST(PlanLicenseEdits, LeavesCanonicalUnknownAndKnownLicensesAlone) {
  std::string text = testing::manifest_json({{"Model architecture", "Apache-2.0"},
                                             {"Model card", "Llama 3.1 Community License"},
                                             {"Data card", "Totally Custom Terms v9"},
                                             {"Technical report", "MIT AND (Apache-2.0"},
                                             {"Evaluation results", "MIT OR (Apache-2.0)"}});
  EXPECT_TRUE(plan_license_edits(parse_manifest(text, "m.json"), db()).empty());
}

TEST(PlanLicenseEdits, TypoIsAGuess) {
  std::string text = testing::manifest_json({{"Model architecture", "Apahce-2.0"}});
  auto edits = plan_license_edits(parse_manifest(text, "m.json"), db());
  ASSERT_EQ(edits.size(), 1u);
  EXPECT_EQ(edits[0].replacement, "Apache-2.0");
  EXPECT_FALSE(edits[0].certain);
}

TEST(FixManifestText, YamlKeepsCommentsQuotingAndEverythingElse) {
  FixResult r = fix_manifest_text(kYaml, "m.yaml", db(), {}, Profile::spdx);
  std::string want = kYaml;
  want = replaced(want, "\"Apache 2.0\"", "\"Apache-2.0\"");
  want = replaced(want, "name: CC BY 4.0}", "name: CC-BY-4.0}");
  want = replaced(want, "'mit or apache-2.0'", "'MIT OR Apache-2.0'");
  want = replaced(want, "GPL-2.0+", "GPL-2.0-or-later");
  EXPECT_EQ(r.text, want);
  EXPECT_EQ(r.applied.size(), 4u);
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].written, "CC BY");
}

TEST(FixManifestText, JsonReencodesOnlyTheLicenseStrings) {
  std::string text =
      "{\"framework\": {\"name\": \"Model Openness Framework\"},\n"
      " \"release\": {\"name\": \"J\\u00e9son \\\"1\\\"\",   \"license\": {\"distribution\":\n"
      "   {\"name\": \"Apache License, Version 2.0\"}},\n"
      "  \"components\": [{\"name\": \"Model architecture\", \"license\": \"mit\"}]}}";
  FixResult r = fix_manifest_text(text, "m.json", db(), {}, Profile::spdx);
  std::string want = replaced(text, "\"Apache License, Version 2.0\"", "\"Apache-2.0\"");
  want = replaced(want, "\"mit\"", "\"MIT\"");
  EXPECT_EQ(r.text, want);
}

TEST(FixManifestText, NothingToFixGivesTheSameBytes) {
  std::string text = testing::manifest_json(testing::required_down_to(3));
  FixResult r = fix_manifest_text(text, "m.json", db(), {}, Profile::spdx);
  EXPECT_EQ(r.text, text);
  EXPECT_TRUE(r.applied.empty());
}

TEST(FixManifestText, ByteOrderMarkAndCrLfAreKept) {
  std::string text =
      "\xEF\xBB\xBFrelease:\r\n  name: M\r\n  components:\r\n"
      "    - name: Model card\r\n      license: cc-by-4.0\r\n";
  FixResult r = fix_manifest_text(text, "m.yaml", db(), {}, Profile::spdx);
  EXPECT_EQ(r.text, replaced(text, "cc-by-4.0", "CC-BY-4.0"));
}

struct Refusal {
  const char* value;  // the YAML written after "license:"
  const char* says;
};

class FixRefuses : public ::testing::TestWithParam<Refusal> {};

TEST_P(FixRefuses, UnsafeYamlWithAPositionAndNothingWritten) {
  std::string text = std::string("release:\n  name: M\n  components:\n    - name: Model card\n") +
                     "      license: " + GetParam().value + "\n    - name: Data card\n" +
                     "      license: CC-BY-4.0\n";
  try {
    fix_manifest_text(text, "m.yaml", db(), {}, Profile::spdx);
    FAIL() << "expected a refusal for " << GetParam().value;
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 5);
    EXPECT_EQ(e.where().column, 16);
    EXPECT_NE(e.message().find(GetParam().says), std::string::npos) << e.message();
    EXPECT_NE(e.message().find("nothing was written"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Styles, FixRefuses,
                         ::testing::Values(Refusal{"|\n        apache 2.0", "block scalar"},
                                           Refusal{">-\n        apache 2.0", "block scalar"},
                                           Refusal{"&lic apache 2.0", "anchor"},
                                           Refusal{"apache-2.0\n        OR MIT", "several lines"},
                                           Refusal{"\"apache-2.0\n        OR MIT\"",
                                                   "several lines"}));

TEST(FixManifestText, AliasOfAnAnchoredValueIsRefused) {
  std::string text =
      "release:\n  name: M\n  license:\n    distribution: {name: &d Apache-2.0}\n"
      "  components:\n    - name: Model card\n      license: CC-BY-4.0\n";
  // Canonical values are not edited, so anchors on them do not matter.
  EXPECT_NO_THROW(fix_manifest_text(text, "m.yaml", db(), {}, Profile::spdx));
  std::string aliased =
      "release:\n  name: M\n  components:\n    - name: Model card\n      license: &d cc-by-4.0\n"
      "    - name: Data card\n      license: *d\n";
  EXPECT_THROW(fix_manifest_text(aliased, "m.yaml", db(), {}, Profile::spdx), Error);
}

TEST(EvaluateWithFixes, DidYouMeanSaysTheClassTheFixGives) {
  std::vector<testing::Entry> entries = testing::required_down_to(3);
  for (auto& e : entries) {
    if (e.name == "Model parameters (Final)") e.license = "Apache 2.0";
  }
  Manifest m = parse_manifest(testing::manifest_json(entries), "m.json");
  Evaluation ev = evaluate(m, builtin_framework(), db());
  EXPECT_EQ(ev.model_class, 0);
  bool found = false;
  for (const Diagnostic& d : ev.diagnostics) {
    if (d.code != "license-alias") continue;
    found = true;
    // The fix is data on the diagnostic; its message is untouched.
    EXPECT_EQ(d.message,
              "Model parameters (Final): 'Apache 2.0' is not an SPDX id; did you mean Apache-2.0?");
    ASSERT_TRUE(d.fix.has_value());
    EXPECT_EQ(d.fix->license, "Apache-2.0");
    EXPECT_EQ(d.fix->class_level, 3);
    EXPECT_TRUE(d.fix->changes_class);
    // Every report prints the two as one sentence.
    EXPECT_EQ(d.text(),
              "Model parameters (Final): 'Apache 2.0' is not an SPDX id; did you mean Apache-2.0? "
              "With Apache-2.0 the model would be Class III - Open Model");
  }
  EXPECT_TRUE(found);
  // Renderers see the same evaluation as evaluate() gives, plus the words.
  Evaluation plain = evaluate(m, builtin_framework(), db());
  EXPECT_EQ(plain.diagnostics.size(), ev.diagnostics.size());
}

TEST(EvaluateWithFixes, SeveralFixesTogetherGetANote) {
  std::vector<testing::Entry> entries = testing::required_down_to(3);
  for (auto& e : entries) {
    if (e.name == "Model parameters (Final)") e.license = "Apache 2.0";
    if (e.name == "Model card") e.license = "CC BY";
  }
  Evaluation ev = evaluate(parse_manifest(testing::manifest_json(entries), "m.json"),
                           builtin_framework(), db());
  ASSERT_FALSE(ev.diagnostics.empty());
  const Diagnostic& note = ev.diagnostics.back();
  EXPECT_EQ(note.severity, Severity::note);
  EXPECT_EQ(note.code, "license-fix-class");
  EXPECT_EQ(note.message,
            "with all 2 suggested license fixes the model would be Class III - Open Model instead "
            "of Unclassified; 'mof-check fix' writes the 1 that are certain");
  for (const Diagnostic& d : ev.diagnostics) {
    if (d.code == "license-alias") {
      ASSERT_TRUE(d.fix.has_value()) << d.message;
      EXPECT_FALSE(d.fix->changes_class);
      EXPECT_NE(d.text().find("alone the model stays Unclassified"), std::string::npos) << d.text();
    }
  }
}

TEST(EvaluateWithFixes, NoSuggestionNoChange) {
  std::string text = testing::manifest_json({{"Model card", "Llama 2"}});
  Manifest m = parse_manifest(text, "m.json");
  Evaluation a = evaluate(m, builtin_framework(), db());
  Evaluation b = evaluate(m, builtin_framework(), db());
  ASSERT_EQ(a.diagnostics.size(), b.diagnostics.size());
  for (std::size_t i = 0; i < a.diagnostics.size(); ++i) {
    EXPECT_EQ(a.diagnostics[i].message, b.diagnostics[i].message);
  }
}

}  // namespace
}  // namespace mofcheck
