// SPDX-License-Identifier: Apache-2.0
// The plain YAML path must give exactly what the full reader gives, or
// decline: checked on every YAML fixture in the repository and on inputs
// made to sit just inside and just outside what it takes.
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "manifest/manifest_dump.hpp"
#include "manifest/manifest_full_reader.hpp"
#include "manifest/yaml_fast_path.hpp"
#include "test_support.hpp"

namespace mofcheck {
namespace {

using testing::slurp;

// Whether the plain path took `text` (with events from `from`); when it
// did, the full reader must agree field by field. A text the full reader
// refuses for its encoding never reaches the plain path (parse_manifest
// checks it first).
bool plain_agrees(const std::string& text, const ReadLimits& limits = {},
                  PlainYamlEvents from = PlainYamlEvents::either) {
  Manifest full;
  std::string refused;
  try {
    full = read_manifest_fully(text, "in.yml", InputSyntax::yaml, limits);
  } catch (const Error& e) {
    refused = e.what();
    if (refused.find("invalid UTF-8") != std::string::npos ||
        refused.find("NUL") != std::string::npos ||
        refused.find("control character") != std::string::npos ||
        refused.find("the file is empty") != std::string::npos) {
      return false;
    }
  }
  Manifest fast;
  if (!read_plain_yaml_manifest(text, "in.yml", limits, fast, from)) return false;
  if (!refused.empty()) {
    ADD_FAILURE() << "the plain path took a text the full reader rejects (" << refused << "):\n"
                  << text;
    return true;
  }
  EXPECT_EQ(dump_manifest(fast), dump_manifest(full)) << text;
  return true;
}

const std::string kPlain = R"(framework:
  name: 'Model Openness Framework'
  version: '1.0'
  date: '2024-12-15'
release:
  name: Tiny-1B
  version: 1.0
  date: '2024-01-01'
  type: ''
  architecture: "transformer \"decoder\""
  origin: ~
  producer: 'Lab''s team'
  contact: a@b.example
  repository: 'https://example.org/r'
  huggingface: null
  license:
    distribution:
      name: Apache-2.0
      path: LICENSE
    data: {name: 'CDLA-Permissive-2.0'}
    code: []
  components:
    -
      name: 'Model architecture'
      description: 'Well commented code for the model''s architecture'
      license: 'Apache-2.0'
      license_path: LICENSE
      component_path: src/
    - name: Model parameters (Final)
      license: "MIT"
    - {name: Research paper, license: CC-BY-4.0, included_in: Technical report}
    - name: Data card
      license: unlicensed # a comment
)";

// A record in the layout the MOT's YAML records (and `mof-check init`) are
// written in: the block scanner's to read.
const std::string kBlock = R"(---
# a record
framework:
  name: 'Model Openness Framework'
  version: '1.0'
  date: '2024-12-15'
release:
  name: Willow-8x7B
  version: 1B
  date: '2025-07-12'
  type: language
  architecture: 'transformer decoder'
  origin: ~
  producer: 'Lab''s ''open'' team'
  contact: "a@b.example"
  repository: ''
  huggingface: https://huggingface.co/x/y   # the card
  license:
    distribution:
      name: Apache-2.0
      path: LICENSE
    data: {  }
    code: []
  components:
    -
      name: 'Evaluation data'
      description: 'Data used for evaluating the model'
      license: unlicensed
    - name: Model parameters (Final)
      license: "MIT"

    -   name: Research paper
        license: CC-BY-4.0 # c
        included_in: Technical report
...
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(YamlFastPath, EveryYamlFixtureReadsTheSameBothWays) {
  int taken = 0;
  int scanned = 0;
  int files = 0;
  for (const auto& path :
       testing::yaml_fixtures({"tests", "data/examples", "fuzz/corpus", "fuzz/regressions"})) {
    ++files;
    SCOPED_TRACE(path.string());
    const std::string text = slurp(path);
    if (plain_agrees(text)) ++taken;
    if (plain_agrees(text, {}, PlainYamlEvents::block_scanner)) ++scanned;
    plain_agrees(text, {}, PlainYamlEvents::libfyaml);
  }
  EXPECT_GT(files, 30);
  EXPECT_GT(taken, 10);
  EXPECT_GT(scanned, 5);
}

TEST(YamlFastPath, TheBlockScannerTakesTheBlockLayout) {
  const std::string& record = kBlock;
  EXPECT_TRUE(plain_agrees(record, {}, PlainYamlEvents::block_scanner));
  EXPECT_TRUE(plain_agrees(record, {}, PlainYamlEvents::libfyaml));
  // Compact sequences, a record without markers, null and empty values.
  EXPECT_TRUE(
      plain_agrees("release:\n  name: x\n  components:\n  - name: a\n    license: MIT\n"
                   "  - name: b\n  version: '1'\n",
                   {}, PlainYamlEvents::block_scanner));
  EXPECT_TRUE(plain_agrees("release:\n  name: x\n  components: null\n", {},
                           PlainYamlEvents::block_scanner));
  // What the scanner leaves to libfyaml: flow content, folded and escaped
  // scalars, anchors, tags, block scalars, directives, empty values, a
  // second document, a sequence at the top.
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"    data: {  }", "    data: {name: x}"},
           {"  contact: \"a@b.example\"", "  contact: \"a\\u0040b\""},
           {"  contact: \"a@b.example\"", "  contact: 'a\n    b'"},
           {"  contact: \"a@b.example\"", "  contact: a\n    b"},
           {"  contact: \"a@b.example\"", "  contact: &x a"},
           {"  contact: \"a@b.example\"", "  contact: !!str a"},
           {"  contact: \"a@b.example\"", "  contact: |\n    a"},
           {"  contact: \"a@b.example\"", "  contact:"},
           {"  contact: \"a@b.example\"", "  contact: a: b"},
           {"  contact: \"a@b.example\"", "  contact: a\u2028b"},
           {"  contact: \"a@b.example\"", "  contact: a\u0085b"},
           {"  contact: \"a@b.example\"", "  \"contact\": a"},
           {"---\n", "%YAML 1.2\n---\n"},
           {"...\n", "---\nrelease: {name: y}\n"},
       }) {
    SCOPED_TRACE(to);
    const std::string text = replaced(record, from, to);
    Manifest m;
    EXPECT_FALSE(read_plain_yaml_manifest(text, "in.yml", {}, m, PlainYamlEvents::block_scanner));
    plain_agrees(text, {}, PlainYamlEvents::either);
  }
  Manifest m;
  EXPECT_FALSE(read_plain_yaml_manifest("- release:\n    name: x\n", "in.yml", {}, m,
                                        PlainYamlEvents::block_scanner));
}

TEST(YamlFastPath, TakesThePlainShapes) {
  EXPECT_TRUE(plain_agrees(kPlain));
  EXPECT_TRUE(plain_agrees("release:\n  name: x\n"));
  EXPECT_TRUE(plain_agrees("---\nrelease: {name: x, components: null}\n...\n"));
  EXPECT_TRUE(plain_agrees("%YAML 1.2\n---\nrelease:\n  name: x\n  license: {}\n"));
  const std::string framework =
      "framework:\n  name: 'Model Openness Framework'\n  version: '1.0'\n  date: '2024-12-15'\n";
  EXPECT_TRUE(plain_agrees(replaced(kPlain, framework, "framework: null\n")));
  // An empty value has no place of its own in libfyaml: declined, or read alike.
  plain_agrees(replaced(kPlain, framework, "framework:\n"));
  plain_agrees(replaced(kPlain, "  type: ''", "  type:"));
  EXPECT_TRUE(plain_agrees(replaced(kPlain, "  license:\n    distribution:",
                                    "  license: []\n  x_license:\n    distribution:")) == false);
  // Raw UTF-8 and escapes in values; keys in quotes; a folded quoted value.
  EXPECT_TRUE(plain_agrees(
      replaced(kPlain, "producer: 'Lab''s team'", "\"producer\": \"L\\u00e9ab \\\"q\\\" é\"")));
  EXPECT_TRUE(plain_agrees(
      replaced(kPlain, "contact: a@b.example", "contact: 'first\n    second\n\n    third'")));
  EXPECT_TRUE(plain_agrees(replaced(kPlain, "contact: a@b.example", "contact: 'a''''b'")));
  EXPECT_TRUE(plain_agrees(replaced(kPlain, "contact: a@b.example", "contact: '''''a'")));
}

TEST(YamlFastPath, DeclinesWhatOnlyTheFullReaderDecides) {
  auto declines = [](const std::string& text, const ReadLimits& limits = {}) {
    Manifest m;
    return !read_plain_yaml_manifest(text, "in.yml", limits, m);
  };
  // Unknown, legacy and repeated keys; tags, anchors, aliases; block scalars.
  EXPECT_TRUE(declines(replaced(kPlain, "  type: ''", "  kind: ''")));
  EXPECT_TRUE(declines(replaced(kPlain, "      license_path: LICENSE", "      location: src/")));
  EXPECT_TRUE(declines(replaced(kPlain, "  type: ''", "  type: ''\n  type: x")));
  EXPECT_TRUE(declines(replaced(kPlain, "  type: ''", "  type: !!str x")));
  EXPECT_TRUE(declines(replaced(kPlain, "  type: ''", "  type: &t x\n  contact2: *t")));
  EXPECT_TRUE(declines(replaced(kPlain, "  type: ''", "  type: |\n    x")));
  EXPECT_TRUE(declines(replaced(kPlain, "  type: ''", "  type: [x]")));
  // Tabs and carriage returns take the full reader's guards.
  EXPECT_TRUE(declines(replaced(kPlain, "  type: ''", "  type:\t''")));
  EXPECT_TRUE(declines(replaced(kPlain, "  type: ''\n", "  type: ''\r\n")));
  // No name, an empty name, no release, a second document, a syntax error.
  EXPECT_TRUE(declines("release:\n  version: x\n"));
  EXPECT_TRUE(declines("release:\n  name: ''\n"));
  EXPECT_TRUE(declines("framework: {}\n"));
  EXPECT_TRUE(declines("release: {name: x}\n---\nrelease: {name: y}\n"));
  EXPECT_TRUE(declines("release: {name: x\n"));
  EXPECT_TRUE(declines("release:\n  name: x\n  components:\n    - description: no name\n"));
  // Limits: components, string length, depth.
  ReadLimits limits;
  limits.max_components = 3;
  EXPECT_TRUE(declines(kPlain, limits));
  limits = {};
  limits.max_string = 10;
  EXPECT_TRUE(declines(kPlain, limits));
  limits = {};
  limits.max_depth = 3;
  EXPECT_TRUE(declines(kPlain, limits));
  // And the full reader agrees with each of these that it reads at all.
  EXPECT_FALSE(plain_agrees(replaced(kPlain, "  type: ''", "  kind: ''")));
}

// Small edits of a plain record, many of them at YAML's sensitive bytes:
// whatever the plain path takes, the full reader must read alike.
TEST(YamlFastPath, EditedRecordsReadTheSameBothWays) {
  const std::string pieces[] = {
      "'",      "\"",     "''", "\\",   "\n",     "\n  ",     "\n    ", ":",    ": ",     "- ",
      "#",      " #",     "{",  "}",    "[",      "]",        ",",      "&a ",  "*a",     "!",
      "?",      "|",      ">",  "~",    "null",   "\u00e9",   "é",      "%",    "@",      "`",
      "---",    "...",    " ",  "x",    "name",   "license",  "\xC3",   "\t",   "\u00a0", "\u2028",
      "\u0085", "\ufeff", "-",  "\n- ", "\n  - ", "\n      ", "'a'",    "\"a\""};
  testing::TextEditor editor(12345, pieces);
  int taken = 0;
  int scanned = 0;
  for (int round = 0; round < 8000; ++round) {
    const std::string text = editor.edited(round % 2 ? kPlain : kBlock);
    SCOPED_TRACE(text);
    if (plain_agrees(text, {}, PlainYamlEvents::libfyaml)) ++taken;
    if (plain_agrees(text, {}, PlainYamlEvents::block_scanner)) ++scanned;
  }
  // Enough of them stay plain for the comparison to mean something.
  EXPECT_GT(taken, 800);
  EXPECT_GT(scanned, 400);
}

TEST(YamlFastPath, ReadsRecordAfterRecordIntoOneManifest) {
  // A declined text leaves the thread's parser fit for the next one.
  Manifest m;
  EXPECT_FALSE(read_plain_yaml_manifest("release: {name: x\n", "a.yml", {}, m));
  EXPECT_FALSE(
      read_plain_yaml_manifest(replaced(kPlain, "  type: ''", "  kind: ''"), "a.yml", {}, m));
  Manifest fresh;
  ASSERT_TRUE(read_plain_yaml_manifest(kPlain, "a.yml", {}, fresh));
  EXPECT_EQ(dump_manifest(fresh),
            dump_manifest(read_manifest_fully(kPlain, "a.yml", InputSyntax::yaml, {})));
}

}  // namespace
}  // namespace mofcheck
