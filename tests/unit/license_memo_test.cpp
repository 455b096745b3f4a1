// SPDX-License-Identifier: Apache-2.0
#include "evaluate/license_memo.hpp"

#include <mofcheck/fix.hpp>

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace mofcheck {
namespace {

constexpr ContentType kTypes[] = {ContentType::code, ContentType::data, ContentType::document};

// Everything an assessment says, to compare two of them.
std::string dump(const LicenseAssessment& a) {
  std::string s = std::to_string(static_cast<int>(a.status)) +
                  (a.suits_type ? " suits" : " unsuited") + " canonical='" + a.canonical +
                  "' reason='" + a.reason + "' suggestion='" + a.suggestion +
                  (a.suggestion_certain ? "' certain" : "' guess");
  for (const LicenseFinding& f : a.findings) {
    s += "\n  " + std::to_string(static_cast<int>(f.severity)) + " " + f.code + "@" +
         std::to_string(f.column) + ": " + f.message;
  }
  return s;
}

LicenseDb small_db(const std::string& open_id) {
  return LicenseDb::parse(R"({"format":1,"list_version":"t","source":"test",
      "default_reason":"{id} is closed",
      "licenses":[{"id":")" + open_id +
                              R"(","name":"One","open":true,"suits":["code"]},
                  {"id":"Other-1","name":"Other"}],
      "exceptions":[],"known":[],"aliases":{}})",
                          "small.json");
}

TEST(LicenseMemo, SameVerdictsAsTheKnowledgeBase) {
  const LicenseDb& db = LicenseDb::builtin();
  LicenseMemo memo(db);
  const std::vector<std::string> texts = {"",
                                          "Apache-2.0",
                                          "  apache-2.0 ",
                                          "MIT License",
                                          "GPLv3",
                                          "Apache-2.0 OR CC-BY-NC-4.0",
                                          "GPL-2.0+ WITH Classpath-exception-2.0",
                                          "Llama 3 Community License",
                                          "Undisclosed",
                                          "Component not included",
                                          "(MIT AND",
                                          "LicenseRef-mine",
                                          "Apache 2.0",
                                          "cc-by-4.0",
                                          "MIT\\Apache",
                                          "Apchae-2.0"};
  // Twice: the first round fills the memo, the second answers from it.
  for (int round = 0; round < 2; ++round) {
    for (const std::string& text : texts) {
      for (ContentType type : kTypes) {
        EXPECT_EQ(dump(memo.assess(text, type)), dump(db.assess(text, type)))
            << "'" << text << "' as " << content_type_name(type) << ", round " << round;
      }
    }
  }
}

TEST(LicenseMemo, LongTextsAndAFullMemoStillAnswerRight) {
  const LicenseDb& db = LicenseDb::builtin();
  LicenseMemo memo(db);
  const std::string long_text = std::string(300, ' ') + "MIT OR " + std::string(10, 'x');
  EXPECT_EQ(dump(memo.assess(long_text, ContentType::code)),
            dump(db.assess(long_text, ContentType::code)));
  // A verdict taken before the memo fills stays valid while it fills and
  // past that (texts beyond what it keeps are judged each time).
  const LicenseAssessment& kept = memo.judge("Apache-2.0", ContentType::code, Profile::mot);
  const std::string kept_dump = dump(kept);
  for (int i = 0; i < 3000; ++i) {
    std::string text = "LicenseRef-" + std::to_string(i);
    ASSERT_EQ(memo.assess(text, ContentType::data).canonical, text);
  }
  EXPECT_EQ(dump(kept), kept_dump);
  EXPECT_EQ(dump(memo.assess("GPLv3", ContentType::data)),
            dump(db.assess("GPLv3", ContentType::data)));
  EXPECT_EQ(dump(memo.judge("MIT", ContentType::code, Profile::mot)),
            dump(memo.mot().assess("MIT", ContentType::code)));
}

// A record read into a reused manifest puts new text where the last one
// was: the memo finds the verdict of the text, not of the address.
TEST(LicenseMemo, NewTextAtTheAddressOfAnotherGetsItsOwnVerdict) {
  const LicenseDb& db = LicenseDb::builtin();
  LicenseMemo memo(db);
  std::string text = "MIT";
  const char* const at = text.data();
  for (const char* next : {"MIT", "BSD", "Foo", "MIT", "0BSD", "BSD-3", "MPL-2.0", "Foo"}) {
    text.assign(next);
    ASSERT_EQ(text.data(), at);  // short texts stay in the string's own room
    for (ContentType type : kTypes) {
      EXPECT_EQ(dump(memo.assess(text, type)), dump(db.assess(text, type))) << next;
      EXPECT_EQ(dump(memo.judge(text, type, Profile::mot)), dump(memo.mot().assess(text, type)))
          << next;
    }
  }
}

TEST(LicenseMemo, BothVerdictsAreTheOnesEachJudgeGives) {
  const LicenseDb& db = LicenseDb::builtin();
  LicenseMemo memo(db);
  const std::string long_text = std::string(300, ' ') + "Apache-2.0";
  for (const std::string text : {"Apache-2.0", "MIT", "BSD-3", "unlicensed", "", "apache-2.0"}) {
    for (const std::string& t : {text, long_text}) {
      for (ContentType type : kTypes) {
        // In either order: the first look-up fills one verdict, both() the other.
        for (int round = 0; round < 2; ++round) {
          LicenseMemo::Verdicts v = memo.both(t, type);
          EXPECT_EQ(dump(v.mot), dump(memo.mot().assess(t, type))) << t;
          EXPECT_EQ(dump(v.spdx), dump(db.assess(t, type))) << t;
        }
      }
    }
  }
}

TEST(LicenseMemo, ServesOnlyTheKnowledgeBaseItWasMadeFor) {
  LicenseDb a = small_db("Open-1");
  LicenseDb b = small_db("Open-1");
  LicenseMemo memo(a);
  EXPECT_TRUE(memo.serves(a));
  EXPECT_FALSE(memo.serves(b));
  EXPECT_EQ(memo.assess("Open-1", ContentType::code).status, LicenseAssessment::Status::open);
  // Another knowledge base loaded into the same object, as a later run may:
  // the memo must not answer for it.
  a = small_db("Open-2");
  EXPECT_FALSE(memo.serves(a));
  LicenseMemo fresh(a);
  EXPECT_TRUE(fresh.serves(a));
  EXPECT_EQ(fresh.assess("Open-1", ContentType::code).status, LicenseAssessment::Status::not_open);
}

TEST(LicenseMemo, EvaluationThroughAMemoEqualsThePlainOne) {
  const LicenseDb& db = LicenseDb::builtin();
  LicenseMemo memo(db);
  std::vector<testing::Entry> entries = testing::required_down_to(3);
  for (auto& e : entries) {
    if (e.name == "Model architecture") e.license = "MIT License";
    if (e.name == "Model parameters (Final)") e.license = "apache 2";
    if (e.name == "Data card") e.license = "GPLv3";
  }
  Manifest m = parse_manifest(testing::manifest_json(entries), "m.json");
  for (int round = 0; round < 2; ++round) {
    Evaluation plain = evaluate(m, builtin_framework(), db);
    Evaluation memoised = evaluate(m, builtin_framework(), memo);
    EXPECT_EQ(memoised.model_class, plain.model_class);
    ASSERT_EQ(memoised.diagnostics.size(), plain.diagnostics.size());
    for (std::size_t i = 0; i < plain.diagnostics.size(); ++i) {
      EXPECT_EQ(memoised.diagnostics[i].message, plain.diagnostics[i].message);
      EXPECT_EQ(memoised.diagnostics[i].where.column, plain.diagnostics[i].where.column);
    }
    for (std::size_t i = 0; i < plain.components.size(); ++i) {
      EXPECT_EQ(memoised.components[i].status, plain.components[i].status);
      EXPECT_EQ(memoised.components[i].license_canonical, plain.components[i].license_canonical);
      EXPECT_EQ(memoised.components[i].reason, plain.components[i].reason);
      EXPECT_EQ(memoised.components[i].suggestion, plain.components[i].suggestion);
    }
  }
}

// The field a LicenseEdit names.
const Field* field_of(const Manifest& m, const std::string& path) {
  if (path == "release.license.distribution.name") return &m.license_distribution.name;
  if (path == "release.license.code.name") return &m.license_code.name;
  if (path == "release.license.data.name") return &m.license_data.name;
  if (path == "release.license.document.name") return &m.license_document.name;
  for (std::size_t i = 0; i < m.components.size(); ++i) {
    if (path == "release.components[" + std::to_string(i) + "].license") {
      return &m.components[i].license;
    }
  }
  return nullptr;
}

TEST(ClassWithLicenses, EqualsEvaluatingTheRewrittenManifest) {
  const LicenseDb& db = LicenseDb::builtin();
  LicenseMemo memo(db);
  const std::vector<std::string> manifests = {
      // Aliases on components, in the type-wide and the distribution license,
      // and components inside another that take their host's (aliased) license.
      R"json({"release": {"name": "m",
          "license": {"distribution": {"name": "Apache 2.0"},
                      "data": {"name": "cdla permissive 2.0"},
                      "document": {"name": "CC BY 4.0"}},
          "components": [
            {"name": "Model architecture"},
            {"name": "Model parameters (Final)"},
            {"name": "Model card", "license": "cc-by-4.0"},
            {"name": "Data card", "included_in": "Model card"},
            {"name": "Technical report", "license": "CC BY-SA 4.0"},
            {"name": "Evaluation results", "included_in": "Technical report"},
            {"name": "Training code", "license": "MIT License"},
            {"name": "Inference code", "license": "Apchae-2.0"},
            {"name": "Evaluation code", "license": "GPLv3"},
            {"name": "Evaluation data", "license": "Llama 3 Community License"}]}})json",
      // A fix that does not change the class, next to one that does.
      R"json({"release": {"name": "m", "license": {"distribution": {"name": "MIT"}},
          "components": [
            {"name": "Model architecture", "license": "apache-2"},
            {"name": "Model parameters (Final)", "license": "Apache License 2.0"},
            {"name": "Model card", "license": "CC-BY-4.0"},
            {"name": "Data card", "license": "CC-BY-4.0"},
            {"name": "Technical report", "license": "CC-BY-4.0"},
            {"name": "Evaluation results", "license": "CC-BY-4.0"}]}})json"};
  for (const std::string& text : manifests) {
    Manifest m = parse_manifest(text, "m.json");
    std::vector<LicenseEdit> edits = plan_license_edits(m, db);
    ASSERT_GE(edits.size(), 2u) << text;
    // Each edit alone, then all of them.
    std::vector<std::vector<LicenseEdit>> subsets;
    for (const LicenseEdit& e : edits) subsets.push_back({e});
    subsets.push_back(edits);
    for (const auto& some : subsets) {
      std::vector<LicenseReplacement> replaced;
      for (const LicenseEdit& e : some) {
        const Field* f = field_of(m, e.field);
        ASSERT_NE(f, nullptr) << e.field;
        replaced.push_back({f, e.replacement});
      }
      for (Profile p : {Profile::mot, Profile::spdx}) {
        EXPECT_EQ(class_with_licenses(m, builtin_framework(), memo, replaced, p),
                  evaluate(apply_license_edits(m, some), builtin_framework(), db, p).model_class)
            << some.size() << " edits, the first " << some.front().field << ", profile "
            << profile_name(p);
      }
    }
  }
}

TEST(ClassWithLicenses, ThrowsAsEvaluateDoes) {
  LicenseMemo memo(LicenseDb::builtin());
  Manifest m = parse_manifest(R"({"release": {"name": "m", "components": [
      {"name": "Data card", "included_in": "Model card"}]}})",
                              "m.json");
  EXPECT_THROW(class_with_licenses(m, builtin_framework(), memo, {}, Profile::spdx), Error);
  // The MOT does not read included_in: the entry counts with its own (no) license.
  EXPECT_EQ(class_with_licenses(m, builtin_framework(), memo, {}, Profile::mot), 0);
  EXPECT_NO_THROW(evaluate(m, builtin_framework(), LicenseDb::builtin(), Profile::mot));
}

}  // namespace
}  // namespace mofcheck
