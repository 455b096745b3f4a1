// SPDX-License-Identifier: Apache-2.0
// License identification by text: short recognisable passages, and Debian's
// full texts in /usr/share/common-licenses where the machine has them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <mofcheck/license.hpp>
#include <mofcheck/license_text.hpp>

namespace mofcheck {
namespace {

std::string identify(const std::string& text) {
  const LicenseTextRule* r = LicenseTexts::builtin().identify(text);
  return r ? r->license : "";
}

struct Case {
  const char* expected;
  const char* text;
};

class LicenseTextCase : public ::testing::TestWithParam<Case> {};

TEST_P(LicenseTextCase, Identifies) {
  EXPECT_EQ(identify(GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Passages, LicenseTextCase,
    ::testing::Values(
        Case{"Apache-2.0", "Copyright 2026 Lab\n\n   Apache License\n   Version 2.0, January 2004"},
        Case{"Apache-2.0",
             "Licensed under the Apache License,\r\n\tVersion 2.0 (the \"License\");"},
        Case{"MIT",
             "Copyright (c) 2026 X\nPermission is hereby granted, free of charge, to any person\n"
             "obtaining a copy ... The above copyright notice and this permission notice shall "
             "be included in all copies"},
        Case{"BSD-2-Clause",
             "Redistribution and use in source and binary forms, with or without modification, "
             "are permitted ... 2. Redistributions in binary form must reproduce the above "
             "copyright notice"},
        Case{"BSD-3-Clause",
             "Redistribution and use in source and binary forms ... Redistributions in binary "
             "form must reproduce the above copyright notice ... Neither the name of the "
             "copyright holder nor the names of its contributors may be used to endorse or "
             "promote products derived from this software"},
        Case{"GPL-3.0-only", "GNU GENERAL PUBLIC LICENSE\n   Version 3, 29 June 2007"},
        Case{"GPL-2.0-only", "GNU GENERAL PUBLIC LICENSE\n Version 2, June 1991"},
        Case{"LGPL-2.1-only", "GNU LESSER GENERAL PUBLIC LICENSE\nVersion 2.1, February 1999"},
        Case{"LGPL-3.0-only",
             "GNU LESSER GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n"
             "... use the GNU General Public License"},
        Case{"AGPL-3.0-only", "GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007"},
        Case{"MPL-2.0", "Mozilla Public License Version 2.0\n=================================="},
        Case{"CC-BY-4.0", "Attribution 4.0 International\n\n=======\nCreative Commons Corporation"},
        Case{"CC-BY-SA-4.0", "Attribution-ShareAlike 4.0 International"},
        Case{"CC-BY-NC-4.0", "Attribution-NonCommercial 4.0 International"},
        Case{"CC0-1.0", "Creative Commons Legal Code\n\nCC0 1.0 Universal"},
        Case{"CDLA-Permissive-2.0", "Community Data License Agreement - Permissive, Version 2.0"},
        Case{"Llama 3.1 Community License", "LLAMA 3.1 COMMUNITY LICENSE AGREEMENT"},
        Case{"Meta Llama 3 Community License", "META LLAMA 3 COMMUNITY LICENSE AGREEMENT"},
        Case{"Llama 2 Community License", "LLAMA 2 COMMUNITY LICENSE AGREEMENT"},
        Case{"Gemma Terms of Use", "Gemma Terms of Use\n\nLast modified: February 21, 2024"},
        Case{"", "All rights reserved. You may not copy this model."},
        Case{"", "apache license version 20"},  // words, not fragments
        Case{"", ""}));

TEST(LicenseText, NormalizationIgnoresCasePunctuationAndLayout) {
  EXPECT_EQ(normalize_license_text("  Apache\r\n License,\t  VERSION 2.0 "),
            "apache license version 2 0");
  EXPECT_EQ(normalize_license_text("\xE2\x80\x9Cquoted\xE2\x80\x9D"), "quoted");
  EXPECT_EQ(normalize_license_text(""), "");
}

TEST(LicenseText, EveryRuleNamesALicenseTheKnowledgeBaseKnows) {
  for (const auto& rule : LicenseTexts::builtin().rules()) {
    LicenseAssessment a = LicenseDb::builtin().assess(rule.license, ContentType::code);
    bool known = a.status == LicenseAssessment::Status::open ||
                 (a.status == LicenseAssessment::Status::not_open && !a.reason.empty() &&
                  a.reason.find("unknown") == std::string::npos &&
                  a.reason.find("not a known") == std::string::npos);
    EXPECT_TRUE(known) << rule.license << ": " << a.reason;
  }
}

TEST(LicenseText, MalformedDataNamesTheFile) {
  EXPECT_THROW(LicenseTexts::parse("{\"rules\": [{\"license\": \"X\"}]}", "t.json"), Error);
  try {
    LicenseTexts::parse("{\n  \"rules\": [,]\n}", "t.json");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, "t.json");
    EXPECT_EQ(e.where().line, 2);
  }
}

// Debian's full license texts, where present: they must be recognised
// whatever copyright lines a project adds.
TEST(LicenseText, DebianCommonLicenses) {
  const std::filesystem::path dir = "/usr/share/common-licenses";
  const std::pair<const char*, const char*> files[] = {
      {"Apache-2.0", "Apache-2.0"},  {"GPL-2", "GPL-2.0-only"},   {"GPL-3", "GPL-3.0-only"},
      {"LGPL-2.1", "LGPL-2.1-only"}, {"LGPL-3", "LGPL-3.0-only"}, {"MPL-2.0", "MPL-2.0"},
      {"CC0-1.0", "CC0-1.0"},        {"BSD", "BSD-3-Clause"},     {"LGPL-2", "LGPL-2.0-only"}};
  int seen = 0;
  for (const auto& [file, id] : files) {
    std::ifstream in(dir / file);
    if (!in) continue;
    std::stringstream text;
    text << "Copyright (C) 2026 Example Lab <lab@example.org>\n\n" << in.rdbuf();
    EXPECT_EQ(identify(text.str()), id) << file;
    ++seen;
  }
  if (seen == 0) GTEST_SKIP() << "no /usr/share/common-licenses on this machine";
}

}  // namespace
}  // namespace mofcheck
