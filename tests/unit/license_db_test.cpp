// SPDX-License-Identifier: Apache-2.0
#include <mofcheck/license.hpp>

#include <algorithm>
#include <random>
#include <string>

#include <gtest/gtest.h>

namespace mofcheck {
namespace {

using Status = LicenseAssessment::Status;

const LicenseDb& db() {
  return LicenseDb::builtin();
}

bool has_finding(const LicenseAssessment& a, const std::string& code) {
  return std::any_of(a.findings.begin(), a.findings.end(),
                     [&](const LicenseFinding& f) { return f.code == code; });
}

const LicenseFinding* finding(const LicenseAssessment& a, const std::string& code) {
  for (const LicenseFinding& f : a.findings) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string dump(const LicenseAssessment& a) {
  std::string s =
      "canonical='" + a.canonical + "' reason='" + a.reason + "' suggestion='" + a.suggestion + "'";
  for (const LicenseFinding& f : a.findings) s += "\n  " + f.code + ": " + f.message;
  return s;
}

TEST(LicenseDb, BuiltinLoadsTheSpdxList) {
  EXPECT_EQ(db().list_version(), "3.28");
  EXPECT_TRUE(contains(db().source(), "SPDX License List 3.28"));
  EXPECT_GT(db().licenses().size(), 500u);
  EXPECT_GT(db().exceptions().size(), 40u);
  EXPECT_GT(db().known().size(), 20u);
  auto open = std::count_if(db().licenses().begin(), db().licenses().end(),
                            [](const LicenseInfo& l) { return l.open; });
  EXPECT_GT(open, 150);
  EXPECT_LT(open, 300);
  EXPECT_EQ(&LicenseDb::builtin(), &db());
}

TEST(LicenseDb, FindIsCaseInsensitive) {
  const LicenseInfo* a = db().find("apache-2.0");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->id, "Apache-2.0");
  EXPECT_EQ(a->name, "Apache License 2.0");
  EXPECT_TRUE(a->osi_approved);
  EXPECT_EQ(db().find("APACHE-2.0"), a);
  EXPECT_EQ(db().find("Apache-2"), nullptr);
  EXPECT_EQ(db().find(""), nullptr);
  ASSERT_NE(db().find_exception("llvm-exception"), nullptr);
  EXPECT_EQ(db().find_exception("llvm-exception")->id, "LLVM-exception");
  EXPECT_EQ(db().find_exception("MIT"), nullptr);
}

TEST(LicenseDb, DataCarriesOsiApprovalsNewerThanTheSpdxList) {
  for (const char* id : {"BlueOak-1.0.0", "ICU", "OLFL-1.3", "Unicode-3.0"}) {
    const LicenseInfo* l = db().find(id);
    ASSERT_NE(l, nullptr) << id;
    EXPECT_TRUE(l->osi_approved) << id;
    EXPECT_TRUE(l->open) << id;
  }
  const LicenseInfo* mdw = db().find("OpenMDW-1.0");
  ASSERT_NE(mdw, nullptr);
  EXPECT_TRUE(mdw->open);
  EXPECT_EQ(mdw->suits.size(), 3u);
}

TEST(LicenseDb, ContentTypeNamesRoundTrip) {
  for (ContentType t : {ContentType::code, ContentType::data, ContentType::document}) {
    EXPECT_EQ(parse_content_type(content_type_name(t)), t);
  }
  EXPECT_EQ(parse_content_type("Code"), std::nullopt);
  EXPECT_EQ(parse_content_type("documents"), std::nullopt);
}

// --- Openness and suitability of single ids, per content type. ---

struct Verdict {
  const char* license;
  ContentType type;
  Status status;
  bool suits;
};

void PrintTo(const Verdict& v, std::ostream* os) {
  *os << '"' << v.license << "\" for " << content_type_name(v.type);
}

class SingleId : public ::testing::TestWithParam<Verdict> {};

TEST_P(SingleId, StatusAndSuitability) {
  const Verdict& v = GetParam();
  LicenseAssessment a = db().assess(v.license, v.type);
  EXPECT_EQ(a.status, v.status) << dump(a);
  EXPECT_EQ(a.suits_type, v.suits) << dump(a);
  EXPECT_EQ(has_finding(a, "license-type-unsuited"), !v.suits) << dump(a);
}

constexpr auto kCode = ContentType::code;
constexpr auto kData = ContentType::data;
constexpr auto kDoc = ContentType::document;

INSTANTIATE_TEST_SUITE_P(
    Table, SingleId,
    ::testing::Values(Verdict{"Apache-2.0", kCode, Status::open, true},
                      Verdict{"Apache-2.0", kData, Status::open, true},
                      Verdict{"Apache-2.0", kDoc, Status::open, true},
                      Verdict{"MIT", kData, Status::open, true},
                      Verdict{"GPL-3.0-only", kCode, Status::open, true},
                      Verdict{"GPL-3.0-only", kData, Status::open, false},
                      Verdict{"GPL-3.0-only", kDoc, Status::open, false},
                      Verdict{"CC-BY-4.0", kCode, Status::open, false},
                      Verdict{"CC-BY-4.0", kData, Status::open, true},
                      Verdict{"CC-BY-4.0", kDoc, Status::open, true},
                      Verdict{"CC-BY-SA-4.0", kDoc, Status::open, true},
                      Verdict{"CC0-1.0", kCode, Status::open, true},
                      Verdict{"PDDL-1.0", kData, Status::open, true},
                      Verdict{"CDLA-Permissive-2.0", kData, Status::open, true},
                      Verdict{"CDLA-Permissive-2.0", kCode, Status::open, false},
                      Verdict{"ODbL-1.0", kData, Status::open, true},
                      Verdict{"GFDL-1.3-only", kDoc, Status::open, true},
                      Verdict{"GFDL-1.3-invariants-or-later", kDoc, Status::open, true},
                      Verdict{"OGL-UK-3.0", kData, Status::open, true},
                      Verdict{"OpenMDW-1.1", kCode, Status::open, true},
                      Verdict{"OpenMDW-1.0", kData, Status::open, true},
                      Verdict{"CC-BY-NC-4.0", kData, Status::not_open, true},
                      Verdict{"CC-BY-ND-4.0", kDoc, Status::not_open, true},
                      Verdict{"CC-BY-NC-SA-4.0", kData, Status::not_open, true},
                      Verdict{"SSPL-1.0", kCode, Status::not_open, true},
                      Verdict{"JSON", kCode, Status::not_open, true}));

TEST(LicenseAssess, OpenIdHasCanonicalTextAndNoProblems) {
  LicenseAssessment a = db().assess("Apache-2.0", kCode);
  EXPECT_EQ(a.status, Status::open);
  EXPECT_EQ(a.canonical, "Apache-2.0");
  EXPECT_TRUE(a.suggestion.empty());
  EXPECT_TRUE(a.findings.empty()) << dump(a);
}

TEST(LicenseAssess, SoftwareLicenseOnDataIsSuitedAndCarriesANote) {
  LicenseAssessment a = db().assess("MIT", kData);
  EXPECT_EQ(a.status, Status::open);
  EXPECT_TRUE(a.suits_type);
  EXPECT_TRUE(a.findings.empty()) << dump(a);
  const LicenseInfo* mit = db().find("MIT");
  ASSERT_NE(mit, nullptr);
  EXPECT_TRUE(contains(mit->note, "open data license")) << mit->note;
  EXPECT_EQ(mit->note_for, std::vector<ContentType>{kData});
}

TEST(LicenseAssess, UnsuitedTypeSaysWhatWouldSuit) {
  LicenseAssessment a = db().assess("CC-BY-4.0", kCode);
  EXPECT_EQ(a.status, Status::open);
  const LicenseFinding* f = finding(a, "license-type-unsuited");
  ASSERT_NE(f, nullptr) << dump(a);
  EXPECT_EQ(f->severity, Severity::warning);
  EXPECT_TRUE(contains(f->message, "meant for data and documents")) << f->message;
  // Advice on what would suit is the framework's (added by the evaluator).
  EXPECT_FALSE(contains(f->message, "better under")) << f->message;
}

TEST(LicenseAssess, NonCommercialAndNoDerivativesSayWhy) {
  LicenseAssessment nc = db().assess("CC-BY-NC-4.0", kData);
  EXPECT_EQ(nc.status, Status::not_open);
  EXPECT_TRUE(contains(nc.reason, "non-commercial")) << nc.reason;
  EXPECT_TRUE(has_finding(nc, "license-not-open"));
  LicenseAssessment nd = db().assess("CC-BY-ND-4.0", kData);
  EXPECT_TRUE(contains(nd.reason, "no-derivatives")) << nd.reason;
  LicenseAssessment ncnd = db().assess("CC-BY-NC-ND-3.0", kData);
  EXPECT_TRUE(contains(ncnd.reason, "non-commercial")) << ncnd.reason;
  EXPECT_TRUE(contains(ncnd.reason, "no-derivatives")) << ncnd.reason;
}

TEST(LicenseAssess, OtherNotOpenSpdxIdsGetTheGeneralReason) {
  LicenseAssessment a = db().assess("Beerware", kCode);
  EXPECT_EQ(a.status, Status::not_open);
  EXPECT_TRUE(contains(a.reason, "Beerware is neither OSI-approved")) << a.reason;
}

// --- Spelling: case, deprecated ids, aliases, typos. ---

TEST(LicenseAssess, CaseInsensitiveMatchWarnsAndCanonicalises) {
  LicenseAssessment a = db().assess("apache-2.0", kCode);
  EXPECT_EQ(a.status, Status::open);
  EXPECT_EQ(a.canonical, "Apache-2.0");
  EXPECT_EQ(a.suggestion, "Apache-2.0");
  const LicenseFinding* f = finding(a, "license-not-canonical");
  ASSERT_NE(f, nullptr) << dump(a);
  EXPECT_EQ(f->severity, Severity::warning);
  EXPECT_EQ(f->column, 1);
  EXPECT_TRUE(contains(f->message, "case-insensitively")) << f->message;
}

TEST(LicenseAssess, DeprecatedIdNamesItsReplacement) {
  LicenseAssessment a = db().assess("GPL-2.0", kCode);
  EXPECT_EQ(a.status, Status::open);  // still judged by its flags
  const LicenseFinding* f = finding(a, "license-deprecated");
  ASSERT_NE(f, nullptr) << dump(a);
  EXPECT_TRUE(contains(f->message, "GPL-2.0-only")) << f->message;
  EXPECT_EQ(a.suggestion, "GPL-2.0-only");
  EXPECT_EQ(db().find("GPL-2.0")->replacement, "GPL-2.0-only");

  LicenseAssessment plus = db().assess("GPL-2.0+", kCode);
  EXPECT_EQ(plus.status, Status::open);
  EXPECT_EQ(plus.canonical, "GPL-2.0+");
  EXPECT_EQ(plus.suggestion, "GPL-2.0-or-later");
  EXPECT_TRUE(has_finding(plus, "license-deprecated"));
}

TEST(LicenseAssess, OrLaterSuffixOnCurrentId) {
  LicenseAssessment a = db().assess("LGPL-2.1-only+", kCode);
  EXPECT_EQ(a.status, Status::open) << dump(a);
  EXPECT_EQ(a.canonical, "LGPL-2.1-only+");
}

struct AliasCase {
  const char* written;
  const char* id;
};

class Alias : public ::testing::TestWithParam<AliasCase> {};

TEST_P(Alias, IsNotOpenButSuggestsTheSpdxId) {
  LicenseAssessment a = db().assess(GetParam().written, kCode);
  EXPECT_EQ(a.status, Status::not_open) << dump(a);
  EXPECT_EQ(a.suggestion, GetParam().id) << dump(a);
  const LicenseFinding* f = finding(a, "license-alias");
  ASSERT_NE(f, nullptr) << dump(a);
  EXPECT_TRUE(contains(f->message, std::string("did you mean ") + GetParam().id + "?"))
      << f->message;
  EXPECT_EQ(a.canonical, GetParam().written);
}

INSTANTIATE_TEST_SUITE_P(
    Spellings, Alias,
    ::testing::Values(AliasCase{"Apache 2.0", "Apache-2.0"}, AliasCase{"Apache-2", "Apache-2.0"},
                      AliasCase{"Apache License, Version 2.0", "Apache-2.0"},
                      AliasCase{"apache license 2.0", "Apache-2.0"},
                      AliasCase{"MIT License", "MIT"}, AliasCase{"The MIT License", "MIT"},
                      AliasCase{"BSD-3", "BSD-3-Clause"}, AliasCase{"New BSD", "BSD-3-Clause"},
                      AliasCase{"BSD 2-Clause", "BSD-2-Clause"},
                      AliasCase{"CC BY 4.0", "CC-BY-4.0"},
                      AliasCase{"CC-BY-SA 4.0", "CC-BY-SA-4.0"},
                      AliasCase{"Creative Commons Attribution 4.0 International", "CC-BY-4.0"},
                      AliasCase{"CC0", "CC0-1.0"}, AliasCase{"GPLv3", "GPL-3.0-only"},
                      AliasCase{"GPLv2+", "GPL-2.0-or-later"}, AliasCase{"AGPLv3", "AGPL-3.0-only"},
                      AliasCase{"MPL 2.0", "MPL-2.0"}, AliasCase{"ODC-BY", "ODC-By-1.0"},
                      AliasCase{"CDLA Permissive 2.0", "CDLA-Permissive-2.0"},
                      AliasCase{"OpenMDW", "OpenMDW-1.0"},
                      // SPDX full names count as aliases too.
                      AliasCase{"GNU General Public License v3.0 only", "GPL-3.0-only"},
                      AliasCase{"Boost Software License 1.0", "BSL-1.0"}));

TEST(LicenseAssess, AliasOfANonOpenLicenseGivesThatLicensesReason) {
  LicenseAssessment a = db().assess("CC BY-NC 4.0", kData);
  EXPECT_EQ(a.status, Status::not_open);
  EXPECT_EQ(a.suggestion, "CC-BY-NC-4.0");
  EXPECT_TRUE(contains(a.reason, "non-commercial")) << dump(a);
}

TEST(LicenseAssess, TypoSuggestsTheNearestId) {
  LicenseAssessment a = db().assess("Apachee-2.0", kCode);
  EXPECT_EQ(a.status, Status::not_open);
  EXPECT_EQ(a.suggestion, "Apache-2.0");
  const LicenseFinding* f = finding(a, "license-unknown");
  ASSERT_NE(f, nullptr) << dump(a);
  EXPECT_EQ(f->severity, Severity::error);
  EXPECT_TRUE(contains(f->message, "did you mean Apache-2.0?")) << f->message;

  EXPECT_EQ(db().assess("GLP-3.0-only", kCode).suggestion, "GPL-3.0-only");
  EXPECT_EQ(db().assess("MIT OR Apachee-2.0", kCode).suggestion, "MIT OR Apache-2.0");
}

TEST(LicenseAssess, FarFetchedUnknownIdHasNoSuggestion) {
  LicenseAssessment a = db().assess("Totally-Made-Up-License-9", kCode);
  EXPECT_EQ(a.status, Status::not_open);
  EXPECT_TRUE(a.suggestion.empty()) << dump(a);
  const LicenseFinding* f = finding(a, "license-unknown");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(contains(f->message, "LicenseRef-")) << f->message;
}

// --- Expressions. ---

TEST(LicenseAssess, OrIsOpenWhenOneChoiceIsAndNamesIt) {
  LicenseAssessment a = db().assess("MIT OR LicenseRef-custom", kCode);
  EXPECT_EQ(a.status, Status::open) << dump(a);
  EXPECT_TRUE(contains(a.reason, "MIT")) << a.reason;
  EXPECT_FALSE(contains(a.reason, "LicenseRef")) << a.reason;
}

TEST(LicenseAssess, OrPrefersTheChoiceThatSuitsTheType) {
  LicenseAssessment code = db().assess("CC-BY-4.0 OR Apache-2.0", kCode);
  EXPECT_EQ(code.status, Status::open);
  EXPECT_TRUE(code.suits_type) << dump(code);
  EXPECT_TRUE(contains(code.reason, "Apache-2.0")) << code.reason;
  LicenseAssessment data = db().assess("GPL-3.0-only OR CC-BY-4.0", kData);
  EXPECT_TRUE(data.suits_type) << dump(data);
}

TEST(LicenseAssess, AndNeedsEveryPartOpen) {
  LicenseAssessment a = db().assess("MIT AND LicenseRef-x", kCode);
  EXPECT_EQ(a.status, Status::not_open);
  EXPECT_TRUE(contains(a.reason, "LicenseRef-x is a custom license")) << a.reason;
  EXPECT_TRUE(has_finding(a, "license-not-open"));

  LicenseAssessment both = db().assess("MIT AND Apache-2.0", kCode);
  EXPECT_EQ(both.status, Status::open);
  LicenseAssessment mixed = db().assess("MIT AND CC-BY-4.0", kCode);
  EXPECT_EQ(mixed.status, Status::open);
  EXPECT_FALSE(mixed.suits_type) << dump(mixed);
}

TEST(LicenseAssess, LicenseRefAloneIsNotOpen) {
  LicenseAssessment a = db().assess("LicenseRef-my-model-license", kData);
  EXPECT_EQ(a.status, Status::not_open);
  EXPECT_TRUE(contains(a.reason, "cannot verify as open")) << a.reason;
  EXPECT_EQ(db().assess("DocumentRef-x:LicenseRef-y", kData).status, Status::not_open);
}

TEST(LicenseAssess, WithNeedsAKnownException) {
  LicenseAssessment ok = db().assess("Apache-2.0 WITH LLVM-exception", kCode);
  EXPECT_EQ(ok.status, Status::open) << dump(ok);
  EXPECT_EQ(ok.canonical, "Apache-2.0 WITH LLVM-exception");

  LicenseAssessment bad = db().assess("Apache-2.0 WITH Nope", kCode);
  EXPECT_EQ(bad.status, Status::not_open);
  EXPECT_TRUE(contains(bad.reason, "Nope")) << bad.reason;
  const LicenseFinding* f = finding(bad, "license-unknown");
  ASSERT_NE(f, nullptr) << dump(bad);
  EXPECT_EQ(f->column, 17);
}

TEST(LicenseAssess, LowerCaseOperatorsWarnAndCanonicalise) {
  LicenseAssessment a = db().assess("mit or (apache-2.0 and bsd-3-clause)", kCode);
  EXPECT_EQ(a.status, Status::open);
  EXPECT_EQ(a.canonical, "MIT OR Apache-2.0 AND BSD-3-Clause");
  EXPECT_EQ(a.suggestion, a.canonical);
  EXPECT_TRUE(std::all_of(a.findings.begin(), a.findings.end(), [](const LicenseFinding& f) {
    return f.severity != Severity::error;
  })) << dump(a);
}

TEST(LicenseAssess, ColumnsCountFromTheWrittenText) {
  LicenseAssessment a = db().assess("  MIT AND (", kCode);
  const LicenseFinding* f = finding(a, "license-syntax");
  ASSERT_NE(f, nullptr) << dump(a);
  EXPECT_EQ(f->column, 12);
}

TEST(LicenseAssess, SyntaxErrorHasAColumn) {
  LicenseAssessment a = db().assess("MIT AND (Apache-2.0", kCode);
  EXPECT_EQ(a.status, Status::not_open);
  const LicenseFinding* f = finding(a, "license-syntax");
  ASSERT_NE(f, nullptr) << dump(a);
  EXPECT_EQ(f->column, 20);
  EXPECT_TRUE(contains(f->message, "expected ')'")) << f->message;
}

// --- Names of known licenses and sentinels. ---

struct KnownCase {
  const char* written;
  Status status;
  const char* reason_part;
};

class KnownName : public ::testing::TestWithParam<KnownCase> {};

TEST_P(KnownName, IsRecognised) {
  LicenseAssessment a = db().assess(GetParam().written, kData);
  EXPECT_EQ(a.status, GetParam().status) << dump(a);
  EXPECT_TRUE(contains(a.reason, GetParam().reason_part)) << dump(a);
  EXPECT_FALSE(has_finding(a, "license-syntax")) << dump(a);
  EXPECT_FALSE(has_finding(a, "license-unknown")) << dump(a);
  if (a.status == Status::not_open) {
    EXPECT_TRUE(has_finding(a, "license-not-open")) << dump(a);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Names, KnownName,
    ::testing::Values(
        KnownCase{"Llama 3.1 Community License", Status::not_open, "700 million"},
        KnownCase{"Llama 3.1 Community License Agreement", Status::not_open, "acceptable use"},
        KnownCase{"llama3.1", Status::not_open, "Llama 3.1"},
        KnownCase{"Meta Llama 3 Community License", Status::not_open, "Llama 3"},
        KnownCase{"Llama 2", Status::not_open, "Llama 2"},
        KnownCase{"Gemma Terms of Use", Status::not_open, "prohibited use"},
        KnownCase{"CreativeML OpenRAIL-M", Status::not_open, "use-based restrictions"},
        KnownCase{"OpenRAIL-M", Status::not_open, "use-based restrictions"},
        KnownCase{"bigscience-bloom-rail-1.0", Status::not_open, "use-based"},
        KnownCase{"Tongyi Qianwen License Agreement", Status::not_open, "Qwen"},
        KnownCase{"Qwen Research License", Status::not_open, "non-commercial"},
        KnownCase{"DeepSeek License", Status::not_open, "DeepSeek"},
        KnownCase{"Falcon-180B TII License", Status::not_open, "Falcon"},
        KnownCase{"NVIDIA Open Model License", Status::not_open, "NVIDIA"},
        KnownCase{"Mistral Research License", Status::not_open, "research"},
        KnownCase{"arXiv.org perpetual, non-exclusive license to distribute this article",
                  Status::not_open, "arXiv"},
        KnownCase{"Proprietary", Status::not_open, "all rights reserved"},
        KnownCase{"Undisclosed", Status::not_open, "not published"},
        KnownCase{"Unknown", Status::not_open, "unknown"},
        KnownCase{"TBD", Status::not_open, "not decided"},
        KnownCase{"N/A", Status::not_open, "does not name a license"},
        KnownCase{"unlicensed", Status::unlicensed, "no license"},
        KnownCase{"None", Status::unlicensed, "no license"},
        KnownCase{"", Status::unlicensed, "no license"},
        KnownCase{"   ", Status::unlicensed, "no license"},
        KnownCase{"Component not included", Status::not_included, "not released"},
        KnownCase{"component not included", Status::not_included, "not released"},
        KnownCase{"Not released", Status::not_included, "not released"},
        KnownCase{"Not available", Status::not_included, "not released"}));

TEST(LicenseAssess, UnlicenseIsTheOpenLicenseNotTheSentinel) {
  EXPECT_EQ(db().assess("Unlicense", kCode).status, Status::open);
  EXPECT_EQ(db().assess("unlicensed", kCode).status, Status::unlicensed);
}

// --- Robustness. ---

TEST(LicenseAssess, NeverThrowsOnAnyBytes) {
  std::mt19937 rng(42);
  std::string alphabet = "MITAND OR WITH()+-.:LicenseRef-\x01\xff\xc3\xa9\n\t\"\\";
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    size_t n = rng() % 40;
    for (size_t k = 0; k < n; ++k) {
      s += (i % 2) ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    }
    EXPECT_NO_THROW(db().assess(s, kCode)) << s;
  }
  EXPECT_NO_THROW(db().assess(std::string(1 << 20, 'x'), kCode));
  EXPECT_NO_THROW(db().assess(std::string(1 << 20, '('), kCode));
  EXPECT_NO_THROW(db().assess(std::string("MIT\0", 4), kCode));
  LicenseAssessment big = db().assess(std::string(1 << 20, 'x'), kCode);
  EXPECT_EQ(big.status, Status::not_open);
}

// --- Loading data files. ---

TEST(LicenseDbParse, MalformedJsonReportsLineAndColumn) {
  try {
    LicenseDb::parse("{\n  \"format\": 1,\n  \"licenses\": [\n    {\"id\": \"MIT\",}\n  ]\n}",
                     "bad.json");
    FAIL() << "expected an Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, "bad.json");
    EXPECT_EQ(e.where().line, 4);
    EXPECT_EQ(e.where().column, 18);  // the '}' where a member name should be
    // The project's JSON reader words it as for a manifest.
    EXPECT_TRUE(contains(e.what(), "bad.json:4:18: invalid JSON")) << e.what();
  }
}

TEST(LicenseDbParse, WrongShapesAreErrorsWithPositions) {
  const std::string head = R"({"format":1,"default_reason":"r",)";
  auto error_of = [](const std::string& text) -> std::string {
    try {
      LicenseDb::parse(text, "x.json");
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  };
  EXPECT_TRUE(contains(error_of("[]"), "expected a JSON object")) << error_of("[]");
  EXPECT_TRUE(contains(error_of(head + R"("licenses":{}})"), "expected an array"));
  std::string bad_suits =
      head + "\n" + R"("licenses":[{"id":"MIT","name":"MIT","open":true,"suits":["cod"]}]})";
  EXPECT_TRUE(contains(error_of(bad_suits), "x.json:2:")) << error_of(bad_suits);
  EXPECT_TRUE(contains(error_of(bad_suits), "unknown content type \"cod\"")) << error_of(bad_suits);
  std::string dup = head + R"("licenses":[{"id":"MIT","name":"a"},{"id":"mit","name":"b"}]})";
  EXPECT_TRUE(contains(error_of(dup), "duplicate license id")) << error_of(dup);
  std::string alias = head + R"("licenses":[{"id":"MIT","name":"a"}],"aliases":{"x":"Nope"}})";
  EXPECT_TRUE(contains(error_of(alias), "unknown id Nope")) << error_of(alias);
  EXPECT_TRUE(contains(error_of(R"({"format":2})"), "unsupported format"));
  EXPECT_TRUE(contains(error_of(head + R"("licenses":[]} trailing)"), "expected end of input"))
      << error_of(head + R"("licenses":[]} trailing)");
}

TEST(LicenseDbParse, SmallFileWorksEndToEnd) {
  LicenseDb small = LicenseDb::parse(
      R"({"format":1,"list_version":"t","source":"test","default_reason":"{id} is closed",
          "licenses":[{"id":"Open-1","name":"Open One","open":true,"suits":["code"]},
                      {"id":"Closed-1","name":"Closed One"}],
          "exceptions":[],"known":[],"aliases":{"open one point oh":"Open-1"},
          "future_key":{"ignored":[1,2.5,null,"\u00e9"]}})",
      "small.json");
  EXPECT_EQ(small.list_version(), "t");
  EXPECT_EQ(small.assess("open-1", kCode).status, Status::open);
  EXPECT_EQ(small.assess("Closed-1", kCode).reason, "Closed-1 is closed");
  EXPECT_EQ(small.assess("Open One Point Oh", kCode).suggestion, "Open-1");
  LicenseAssessment data = small.assess("Open-1", kData);
  EXPECT_FALSE(data.suits_type);
  EXPECT_EQ(finding(data, "license-type-unsuited")->message, "Open-1 is meant for code");
}

}  // namespace
}  // namespace mofcheck
