// SPDX-License-Identifier: Apache-2.0
// The built-in framework, knowledge base and MOT profile are constant tables
// generated at build time (tools/gen_builtin_tables.cpp). These tests parse
// the data files at run time with the loaders a --framework or --licenses
// file goes through and require exactly the same structs, lookup tables
// included, so the tables can never drift from the files.
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include <mofcheck/framework.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/profile.hpp>

#include "license/license_tables.hpp"

namespace mofcheck {
namespace {

std::string data_file(const char* name) {
  std::ifstream in(std::string(MOFCHECK_SOURCE_DIR) + "/data/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(BuiltinTables, FrameworkIsTheParsedDefinitionFile) {
  const Framework parsed = parse_framework(data_file("mof-1.0.yaml"), "<builtin>/mof-1.0.yaml");
  const Framework& built_in = builtin_framework();
  EXPECT_EQ(built_in.origin, "<builtin>/mof-1.0.yaml");
  ASSERT_EQ(built_in.components.size(), parsed.components.size());
  for (std::size_t i = 0; i < parsed.components.size(); ++i) {
    EXPECT_EQ(built_in.components[i], parsed.components[i]) << parsed.components[i].id;
  }
  EXPECT_EQ(built_in.classes, parsed.classes);
  EXPECT_EQ(built_in.substitutions, parsed.substitutions);
  EXPECT_EQ(built_in.recommended_licenses, parsed.recommended_licenses);
  EXPECT_TRUE(built_in == parsed);
}

TEST(BuiltinTables, MotProfileIsTheParsedDataFile) {
  const MotRules parsed = MotRules::parse(data_file("mot-profile.json"), "mot-profile.json");
  EXPECT_TRUE(MotRules::builtin() == parsed);
  EXPECT_FALSE(MotRules::builtin() == MotRules{});  // the comparison sees the facts
}

// Every key of a loaded map, and nothing else, found with the same value.
void expect_same_index(const license_detail::Index& built_in, const license_detail::Index& parsed,
                       const char* what) {
  EXPECT_TRUE(built_in.map.empty()) << what << ": the built-in index is a constant table";
  EXPECT_EQ(built_in.size(), parsed.map.size()) << what;
  for (std::size_t i = 1; i < built_in.rows.size(); ++i) {
    EXPECT_LT(built_in.rows[i - 1].key, built_in.rows[i].key) << what << ": sorted and unique";
  }
  for (const auto& [key, value] : parsed.map) {
    const int* found = built_in.find(key);
    ASSERT_NE(found, nullptr) << what << ": " << key;
    EXPECT_EQ(*found, value) << what << ": " << key;
  }
}

TEST(BuiltinTables, KnowledgeBaseIsTheParsedDataFile) {
  const LicenseDb parsed = LicenseDb::parse(data_file("licenses.json"), "licenses.json");
  const LicenseDb::Impl& p = BuiltinTablesAccess::impl(parsed);
  const LicenseDb::Impl& b = BuiltinTablesAccess::impl(LicenseDb::builtin());
  EXPECT_EQ(b.list_version, p.list_version);
  EXPECT_EQ(b.source, p.source);
  EXPECT_EQ(b.default_reason, p.default_reason);
  ASSERT_EQ(b.licenses.size(), p.licenses.size());
  for (std::size_t i = 0; i < p.licenses.size(); ++i) {
    EXPECT_EQ(b.licenses[i], p.licenses[i]) << p.licenses[i].id;
  }
  EXPECT_EQ(b.exceptions.all(), p.exceptions.all());
  EXPECT_EQ(b.known.all(), p.known.all());
  EXPECT_EQ(b.suits_mask, p.suits_mask);
  EXPECT_EQ(b.leading_words, p.leading_words);
  EXPECT_EQ(b.trailing_words, p.trailing_words);
  expect_same_index(b.license_by_lower, p.license_by_lower, "license ids");
  expect_same_index(b.exception_by_lower, p.exception_by_lower, "exception ids");
  expect_same_index(b.phrases, p.phrases, "phrases");
  expect_same_index(b.guessed, p.guessed, "alias guesses");
  EXPECT_GT(p.phrases.map.size(), 500u);
  EXPECT_FALSE(p.guessed.map.empty());
}

// Exceptions and known licenses of the built-in base are made from their
// rows when first asked for: each once (the same object on every later ask,
// from any thread), and the same as the whole list made afterwards.
TEST(BuiltinTables, EntriesMadeOnDemandAreMadeOnceAndMatchTheWholeList) {
  const LicenseDb::Impl& b = BuiltinTablesAccess::impl(LicenseDb::builtin());
  ASSERT_GT(b.exceptions.size(), 3u);
  ASSERT_GT(b.known.size(), 3u);
  const ExceptionInfo* exception = nullptr;
  const KnownLicense* known = nullptr;
  std::thread other([&] {
    exception = &b.exceptions[3];
    known = &b.known[b.known.size() - 1];
  });
  other.join();
  EXPECT_EQ(exception, &b.exceptions[3]);
  EXPECT_EQ(known, &b.known[b.known.size() - 1]);
  EXPECT_EQ(b.exceptions.all()[3], *exception);
  EXPECT_EQ(b.known.all().back(), *known);
  EXPECT_FALSE(known->key.empty());
}

// The same questions get the same answers through both, including the
// phrase lookups that strip leading and trailing words.
TEST(BuiltinTables, KnowledgeBaseAnswersAsTheParsedFileDoes) {
  const LicenseDb parsed = LicenseDb::parse(data_file("licenses.json"), "licenses.json");
  const LicenseDb& built_in = LicenseDb::builtin();
  for (const char* text :
       {"MIT", "apache-2.0", "Apache License, Version 2.0", "the Apache license", "GPL", "GPL-2.0+",
        "Llama 2", "CC-BY-NC-4.0", "MIT OR Apache-2.0", "Apache-2.0 WITH LLVM-exception",
        "unlicensed", "Component not included", "no such license", "", "GPLv3", "BSD"}) {
    for (ContentType type : {ContentType::code, ContentType::data, ContentType::document}) {
      LicenseAssessment a = built_in.assess(text, type);
      LicenseAssessment b = parsed.assess(text, type);
      EXPECT_EQ(a.status, b.status) << text;
      EXPECT_EQ(a.canonical, b.canonical) << text;
      EXPECT_EQ(a.reason, b.reason) << text;
      EXPECT_EQ(a.suggestion, b.suggestion) << text;
      EXPECT_EQ(a.suggestion_certain, b.suggestion_certain) << text;
      EXPECT_EQ(a.suits_type, b.suits_type) << text;
      ASSERT_EQ(a.findings.size(), b.findings.size()) << text;
      for (std::size_t i = 0; i < a.findings.size(); ++i) {
        EXPECT_EQ(a.findings[i].code, b.findings[i].code) << text;
        EXPECT_EQ(a.findings[i].message, b.findings[i].message) << text;
      }
    }
  }
}

}  // namespace
}  // namespace mofcheck
