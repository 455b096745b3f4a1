// SPDX-License-Identifier: Apache-2.0
// The plain JSON path must give exactly what the full reader gives, or
// decline: checked on every JSON fixture in the repository and on inputs
// made to sit just inside and just outside what it takes.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "manifest/json_fast_path.hpp"
#include "manifest/manifest_dump.hpp"
#include "manifest/manifest_full_reader.hpp"
#include "test_support.hpp"

namespace mofcheck {
namespace {

namespace fs = std::filesystem;

using testing::slurp;

// Whether the plain path took `text`; when it did, the full reader must
// agree field by field.
bool plain_agrees(const std::string& text, const ReadLimits& limits = {}) {
  Manifest fast;
  if (!read_plain_json_manifest(text, "in.json", limits, fast)) return false;
  Manifest full;
  try {
    full = read_manifest_fully(text, "in.json", InputSyntax::json, limits);
  } catch (const Error& e) {
    ADD_FAILURE() << "the plain path took a text the full reader rejects (" << e.what() << "):\n"
                  << text;
    return true;
  }
  EXPECT_EQ(dump_manifest(fast), dump_manifest(full)) << text;
  return true;
}

const std::string kPlain = R"json({
  "framework": {"name": "Model Openness Framework", "version": "1.0", "date": "2024-12-15"},
  "release": {
    "name": "Tiny-1B", "version": "1.0", "date": "2024-01-01", "type": "language",
    "architecture": "transformer", "origin": "", "producer": "Lab", "contact": "a@b.example",
    "repository": "https://example.org/r", "huggingface": "",
    "license": {"distribution": {"name": "Apache-2.0", "path": "LICENSE"},
                "data": {"name": "CDLA-Permissive-2.0"}},
    "components": [
      {"name": "Model architecture", "description": "code", "license": "Apache-2.0",
       "license_path": "LICENSE", "component_path": "src/"},
      {"name": "Model parameters (Final)"},
      {"name": "Research paper", "license": "CC-BY-4.0", "included_in": "Technical report"}
    ]
  }
}
)json";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(JsonFastPath, EveryJsonFixtureReadsTheSameBothWays) {
  const fs::path root = MOFCHECK_SOURCE_DIR;
  int taken = 0;
  int files = 0;
  for (const char* dir :
       {"tests", "data/examples", "fuzz/corpus/manifest_json", "fuzz/regressions/manifest_json"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (!entry.is_regular_file() || entry.file_size() > (1u << 20)) continue;
      const std::string text = slurp(entry.path());
      if (text.find('{') == std::string::npos) continue;
      ++files;
      SCOPED_TRACE(entry.path().string());
      if (plain_agrees(text)) ++taken;
    }
  }
  // The fixtures are mostly plain manifests: most must take the fast path.
  EXPECT_GT(files, 50);
  EXPECT_GT(taken, 20);
}

TEST(JsonFastPath, TakesThePlainShapes) {
  EXPECT_TRUE(plain_agrees(kPlain));
  EXPECT_TRUE(plain_agrees(slurp(fs::path(MOFCHECK_SOURCE_DIR) / "data/examples/aurora-7b.json")));
  // Null where text goes, an empty list for the global licenses, no framework.
  EXPECT_TRUE(plain_agrees(replaced(kPlain, R"("version": "1.0", "date": "2024-01-01")",
                                    R"("version": null, "date": "2024-01-01")")));
  EXPECT_TRUE(plain_agrees(
      replaced(kPlain, R"("license": {"distribution": {"name": "Apache-2.0", "path": "LICENSE"},
                "data": {"name": "CDLA-Permissive-2.0"}},)",
               R"("license": [],)")));
  EXPECT_TRUE(plain_agrees(replaced(kPlain, R"("data": {"name": "CDLA-Permissive-2.0"})",
                                    R"("data": null, "code": [])")));
  EXPECT_TRUE(plain_agrees(replaced(
      kPlain,
      R"("framework": {"name": "Model Openness Framework", "version": "1.0", "date": "2024-12-15"},)",
      R"("framework": null,)")));
  // Escapes and raw UTF-8 in values; CRLF line ends; one line.
  EXPECT_TRUE(plain_agrees(
      replaced(kPlain, R"("producer": "Lab")", R"("producer": "L\u00e9ab \"q\" \\ \n\t é")")));
  std::string crlf;
  for (char c : kPlain) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_TRUE(plain_agrees(crlf));
  std::string one_line;
  for (char c : kPlain) one_line += c == '\n' ? ' ' : c;
  EXPECT_TRUE(plain_agrees(one_line));
  EXPECT_TRUE(plain_agrees(R"({"release": {"name": "x"}})"));
  // DEL is text in a JSON string, for both readers.
  EXPECT_TRUE(plain_agrees(replaced(kPlain, R"("producer": "Lab")", "\"producer\": \"L\x7F\"")));
  // Strings are scanned eight bytes a step and decoded in place: escapes at
  // every offset of a step, runs of plain text between and after them.
  for (int pad = 0; pad < 9; ++pad) {
    const std::string run(static_cast<std::size_t>(pad), 'a');
    const std::string value = run + R"(\n)" + run + R"(\"\\)" + run + "\u00e9" + run + R"(\/)" +
                              run + "0123456789abcdef" + run;
    EXPECT_TRUE(
        plain_agrees(replaced(kPlain, R"("producer": "Lab")", "\"producer\": \"" + value + "\"")))
        << pad;
    EXPECT_TRUE(plain_agrees(replaced(kPlain, R"("origin": "")", "\"origin\": \"" + run + "\"")))
        << pad;
  }
}

TEST(JsonFastPath, LeavesEverythingElseToTheFullReader) {
  struct Case {
    const char* what;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"unknown key", replaced(kPlain, R"("origin": "")", R"("origin": "", "extra": 1)")},
      {"legacy key", replaced(kPlain, R"("repository")", R"("github")")},
      {"legacy component key",
       replaced(kPlain, R"("license_path": "LICENSE", )", R"("location": "x", )")},
      {"duplicate key", replaced(kPlain, R"("origin": "")", R"("origin": "", "origin": "")")},
      {"number", replaced(kPlain, R"("version": "1.0", "date")", R"("version": 1.0, "date")")},
      {"boolean", replaced(kPlain, R"("origin": "")", R"("origin": true)")},
      {"list for text", replaced(kPlain, R"("origin": "")", R"("origin": [])")},
      {"escaped key", replaced(kPlain, R"("origin": "")", R"("orig\u0069n": "")")},
      {"escaped surrogate pair",
       replaced(kPlain, R"("producer": "Lab")", R"("producer": "\ud83d\ude00")")},
      {"lone surrogate", replaced(kPlain, R"("producer": "Lab")", R"("producer": "\udc00")")},
      {"NUL byte",
       replaced(kPlain, R"("producer": "Lab")", std::string("\"producer\": \"L\0\"", 15))},
      {"empty name", replaced(kPlain, R"("name": "Tiny-1B")", R"("name": "")")},
      {"component without a name",
       replaced(kPlain, R"x({"name": "Model parameters (Final)"})x", "{}")},
      {"non-empty list for licenses",
       replaced(kPlain, R"("data": {"name": "CDLA-Permissive-2.0"})", R"("data": [1])")},
      {"no release", R"({"framework": null})"},
      {"a list", "[]"},
      {"second value", kPlain + "{}"},
      {"trailing garbage", kPlain + "x"},
      {"syntax error", replaced(kPlain, R"("origin": "",)", R"("origin": "")")},
      {"mismatched bracket", replaced(kPlain, R"("included_in": "Technical report"}
    ])",
                                      R"("included_in": "Technical report"}
    })")},
      {"invalid UTF-8", replaced(kPlain, R"("producer": "Lab")", "\"producer\": \"L\xC3\"")},
      {"overlong UTF-8", replaced(kPlain, R"("producer": "Lab")", "\"producer\": \"L\xC0\xAF\"")},
      {"UTF-8 of a surrogate",
       replaced(kPlain, R"("producer": "Lab")", "\"producer\": \"L\xED\xA0\x80\"")},
      {"UTF-8 above U+10FFFF",
       replaced(kPlain, R"("producer": "Lab")", "\"producer\": \"L\xF4\x90\x80\x80\"")},
      {"control character in a string", replaced(kPlain, R"("producer": "Lab")",
                                                 "\"producer\": \"L\x01"
                                                 "b\"")},
      {"tab in a string", replaced(kPlain, R"("producer": "Lab")", "\"producer\": \"L\tb\"")},
      {"invalid escape", replaced(kPlain, R"("producer": "Lab")", R"("producer": "L\x")")},
      {"NaN", replaced(kPlain, R"("origin": "")", R"("origin": NaN)")},
      {"Infinity", replaced(kPlain, R"("origin": "")", R"("origin": -Infinity)")},
      {"line comment", replaced(kPlain, R"("origin": "",)", "\"origin\": \"\", // c\n")},
      {"block comment", replaced(kPlain, R"("origin": "",)", R"("origin": "", /* c */)")},
      {"trailing comma in a mapping",
       replaced(kPlain, R"("included_in": "Technical report"})", R"("included_in": "x",})")},
      {"trailing comma in a list", replaced(kPlain, R"("included_in": "Technical report"}
    ])",
                                            R"("included_in": "Technical report"},
    ])")},
      {"single quotes", replaced(kPlain, R"("origin": "")", R"("origin": 'x')")},
      {"unquoted key", replaced(kPlain, R"("origin": "")", R"(origin: "")")},
      {"deep nesting in a text slot",
       replaced(kPlain, R"("origin": "")",
                "\"origin\": " + std::string(100000, '[') + std::string(100000, ']'))},
      {"deep mappings in a text slot",
       replaced(kPlain, R"("origin": "")", R"("origin": {"a": {"b": {"c": {}}}})")},
      {"a string", R"("x")"},
      {"only whitespace", " \n\t "},
      {"empty", ""},
  };
  for (const auto& c : cases) {
    Manifest m;
    EXPECT_FALSE(read_plain_json_manifest(c.text, "in.json", {}, m)) << c.what;
    // Whatever the full reader says, parse_manifest says the same.
    std::string full, via_parse;
    try {
      full = dump_manifest(read_manifest_fully(c.text, "in.json", InputSyntax::json, {}));
    } catch (const Error& e) {
      full = e.what();
    }
    try {
      via_parse = dump_manifest(parse_manifest(c.text, "in.json", InputSyntax::json, {}));
    } catch (const Error& e) {
      via_parse = e.what();
    }
    EXPECT_EQ(full, via_parse) << c.what;
  }
}

// The reader's own tokenizer: no cut of a plain text is taken (a prefix of a
// JSON text is never one), and a text with any one byte changed into one
// that matters to JSON is declined or read as the full reader reads it.
TEST(JsonFastPath, EveryCutAndEveryChangedByteIsDeclinedOrReadAlike) {
  const std::string text = replaced(kPlain, R"("producer": "Lab")", R"("producer": "L\u00e9\n")");
  Manifest m;
  for (std::size_t n = 0; n < text.size(); ++n) {
    // Only white space may follow the document's last brace.
    if (text.find_first_not_of(" \n", n) == std::string::npos) break;
    EXPECT_FALSE(read_plain_json_manifest(text.substr(0, n), "in.json", {}, m)) << n;
  }
  int taken = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // (NUL and bytes that break UTF-8 among them: the checks before parsing.)
    for (char c : std::string("\"\\{}[]:, \tnu0/\x01\x7F\0\x80\xC3", 20)) {
      std::string changed = text;
      changed[i] = c;
      taken += plain_agrees(changed);
    }
  }
  EXPECT_GT(taken, 0);  // changes inside strings still read
}

TEST(JsonFastPath, LimitsAreTheFullReadersToReport) {
  ReadLimits shallow;
  shallow.max_depth = 3;
  Manifest m;
  EXPECT_FALSE(read_plain_json_manifest(kPlain, "in.json", shallow, m));
  ReadLimits just_deep_enough;
  just_deep_enough.max_depth = 4;
  EXPECT_TRUE(plain_agrees(kPlain, just_deep_enough));

  ReadLimits short_strings;
  short_strings.max_string = 23;  // "Model Openness Framework" is 24 bytes
  EXPECT_FALSE(read_plain_json_manifest(kPlain, "in.json", short_strings, m));
  short_strings.max_string = 24;
  EXPECT_TRUE(plain_agrees(kPlain, short_strings));

  ReadLimits few;
  few.max_components = 2;
  EXPECT_FALSE(read_plain_json_manifest(kPlain, "in.json", few, m));
  few.max_components = 3;
  EXPECT_TRUE(plain_agrees(kPlain, few));
}

}  // namespace
}  // namespace mofcheck
