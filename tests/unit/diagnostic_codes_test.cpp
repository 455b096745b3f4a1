// SPDX-License-Identifier: Apache-2.0
// The table of diagnostic codes against the sources: every code a source
// file emits has an entry (with the severity it is emitted with), and every
// entry is emitted somewhere. The sources are read as text, so a code added
// in any layer without an entry fails here.
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "util/diagnostic_codes.hpp"

namespace mofcheck {
namespace {

namespace fs = std::filesystem;

struct Emitted {
  std::set<std::string> severities;  ///< as written at the emission sites
  std::set<std::string> files;
};

// Emission sites: a diagnostic built with its severity and code
// (`{Severity::warning, "code"`, `add(Severity::error, "code"`), a reader's
// `warn(node, "code"`, and the rule ids reports add themselves.
std::map<std::string, Emitted> emitted_codes() {
  static const std::regex with_severity(
      R"re(Severity::(error|warning|note),\s*"([a-z][a-z0-9-]*)\")re");
  static const std::regex warned(R"re(\bwarn\(\s*[^,;()]+,\s*"([a-z][a-z0-9-]*)\")re");
  static const std::regex report_rule(
      R"re((?:rule = |add_diagnostic_rule\(|type=\\")"([a-z][a-z0-9-]*)\\?")re");
  std::map<std::string, Emitted> found;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(MOFCHECK_SOURCE_DIR) / "src")) {
    const fs::path& p = entry.path();
    if (p.extension() != ".cpp" && p.extension() != ".hpp") continue;
    if (p.filename() == "diagnostic_codes.cpp") continue;
    std::ifstream in(p);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();
    const std::string file = p.lexically_relative(MOFCHECK_SOURCE_DIR).generic_string();
    for (std::sregex_iterator it(text.begin(), text.end(), with_severity), end; it != end; ++it) {
      found[(*it)[2]].severities.insert((*it)[1]);
      found[(*it)[2]].files.insert(file);
    }
    for (std::sregex_iterator it(text.begin(), text.end(), warned), end; it != end; ++it) {
      found[(*it)[1]].severities.insert("warning");
      found[(*it)[1]].files.insert(file);
    }
    for (std::sregex_iterator it(text.begin(), text.end(), report_rule), end; it != end; ++it) {
      found[(*it)[1]].files.insert(file);
    }
  }
  return found;
}

int rank(std::string_view severity) {
  return severity == "error" ? 2 : severity == "warning" ? 1 : 0;
}

TEST(DiagnosticCodes, EveryEmittedCodeHasAnEntryWithItsSeverity) {
  auto emitted = emitted_codes();
  // The scan itself must see the emitters, or this test proves nothing.
  ASSERT_GE(emitted.size(), 15u);
  for (const auto& [code, e] : emitted) {
    const DiagnosticCode* entry = find_diagnostic_code(code);
    ASSERT_NE(entry, nullptr) << code << " is emitted in " << *e.files.begin()
                              << " but has no entry in src/util/diagnostic_codes.cpp";
    for (const auto& s : e.severities) {
      EXPECT_LE(rank(s), rank(severity_name(entry->severity)))
          << code << " is emitted as " << s << " but listed as " << severity_name(entry->severity);
    }
  }
}

TEST(DiagnosticCodes, EveryEntryIsEmittedSomewhere) {
  auto emitted = emitted_codes();
  for (const auto& entry : diagnostic_codes()) {
    EXPECT_TRUE(emitted.count(std::string(entry.code)))
        << entry.code << " is listed but no source emits it";
    EXPECT_FALSE(entry.summary.empty()) << entry.code;
    EXPECT_FALSE(entry.help.empty()) << entry.code;
  }
}

TEST(DiagnosticCodes, CodesAreUnique) {
  std::set<std::string_view> seen;
  for (const auto& entry : diagnostic_codes()) {
    EXPECT_TRUE(seen.insert(entry.code).second) << entry.code;
  }
  EXPECT_EQ(find_diagnostic_code("no-such-code"), nullptr);
}

}  // namespace
}  // namespace mofcheck
