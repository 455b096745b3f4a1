// SPDX-License-Identifier: Apache-2.0
// The YAML reader (src/syntax/yaml_reader.cpp, libfyaml events into the doc
// tree): regressions for what yaml-cpp got wrong, the guards against
// libfyaml 0.7.12's bugs, positions, and the draft writer read back.
#include <gtest/gtest.h>

#include <mofcheck/draft.hpp>
#include <mofcheck/framework.hpp>
#include <mofcheck/manifest.hpp>

#include "syntax/doc_tree.hpp"

namespace mofcheck {
namespace {

using doc::Node;

Node yaml(std::string_view text) {
  return doc::parse_yaml(text, "y", 64, 1u << 20);
}

Error refusal(std::string_view text) {
  try {
    yaml(text);
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "read as data: " << text;
  return Error({}, "");
}

// yaml-cpp read an unterminated quoted value at the end of the file as a
// string up to the end, and the record was scored.
TEST(YamlReader, AnUnterminatedQuoteAtTheEndIsInvalidYamlWithItsPlace) {
  const std::string record =
      "framework:\n  name: 'Model Openness Framework'\n  version: '1.0'\nrelease:\n"
      "  name: Ember-70B-000001\n  license: {  }\n  components:\n    -\n"
      "      name: 'Model architecture'\n      license: 'Llama 3.2 Community License\n";
  try {
    parse_manifest(record, "mot.yml");
    FAIL() << "an unterminated quote was read";
  } catch (const Error& e) {
    EXPECT_EQ(e.where().file, "mot.yml");
    EXPECT_EQ(e.where().line, 10);
    EXPECT_GT(e.where().column, 0);
    EXPECT_EQ(e.message().rfind("invalid YAML: ", 0), 0u) << e.what();
  }
}

// Texts the YAML spec rejects that yaml-cpp 0.7 read as data (cases of
// the YAML test suite: 236B, SU5Z, X4QW, DK95/1, 3HFZ, BS4K, 9CWY, GT5M,
// 9C9N, Y79Y/7, and two of our own).
TEST(YamlReader, InvalidYamlYamlCppAcceptedIsRefused) {
  for (std::string_view text : {
           "foo:\n  bar\ninvalid\n",
           "key: \"value\"# invalid comment\n",
           "block: ># comment\n  scalar\n",
           "foo: \"bar\n\tbaz\"\n",
           "---\nkey: value\n... invalid\n",
           "word1  # comment\nword2\n",
           "key:\n - item1\n - item2\ninvalid\n",
           "- item1\n&node\n- item2\n",
           "---\nflow: [a,\nb,\nc]\n",
           "? -\n:\t-\n",
           "a: \"unterminated\n",
           "a: 'unterminated\n",
       }) {
    SCOPED_TRACE(text);
    Error e = refusal(text);
    EXPECT_EQ(e.message().rfind("invalid YAML", 0), 0u) << e.what();
    EXPECT_GT(e.where().line, 0);
    EXPECT_GT(e.where().column, 0);
  }
}

// libfyaml 0.7.12 frees a simple key twice on these (a crash when its
// parser is destroyed); they are refused before it sees them.
TEST(YamlReader, ATabBeforeABlockIndicatorAfterAColonIsRefusedFirst) {
  for (std::string_view text :
       {"? -:\t-\n", "? a:\t-\n", "- ? a:\t-\n", "? \"a\":\t- x\n", "k:\t- a\n", "? a:\t: b\n"}) {
    SCOPED_TRACE(testing::PrintToString(std::string(text)));
    Error e = refusal(text);
    EXPECT_EQ(e.message().rfind("invalid YAML: a tab before a block indicator", 0), 0u) << e.what();
    EXPECT_EQ(e.where().line, 1);
  }
  // Valid YAML that libfyaml refuses (and crashes on) after an explicit key.
  for (std::string_view text : {"? a:\t|\n", "? [a]:\t|\n", "?\n a:\t|\n", "? a :\t>\n",
                                "? a:\t:x\n", "? a:\t?x\n", "[? a]\nb:\t:x\n"}) {
    SCOPED_TRACE(testing::PrintToString(std::string(text)));
    Error e = refusal(text);
    EXPECT_EQ(e.message().rfind("a tab between ':' and '", 0), 0u) << e.what();
    EXPECT_GT(e.where().line, 0);
  }
  // In flow context libfyaml reads it.
  EXPECT_EQ(yaml("{? a:\t:x}").members.at(0).first, "a");
  // Without an explicit key a tab before a block scalar is read; in quotes,
  // comments and block scalars the pattern is text.
  EXPECT_EQ(yaml("a:\t|\n  x\n").get("a")->text, "x\n");
  EXPECT_EQ(yaml("a: \"b:\t- c\"\n").get("a")->text, "b:\t- c");
  EXPECT_EQ(yaml("a: 'it''s b:\t- c'\n").get("a")->text, "it's b:\t- c");
  EXPECT_EQ(yaml("a: b # c:\t- d\n").get("a")->text, "b");
  EXPECT_EQ(yaml("? a\n: |\n  x:\t- y\n").get("a")->text, "x:\t- y\n");
}

TEST(YamlReader, NulBytesAndInvalidUtf8AreRefusedWithTheirPlace) {
  Error nul = refusal(std::string_view("a: b\nc: d\0e\n", 12));
  EXPECT_EQ(nul.where().line, 2);
  EXPECT_EQ(nul.where().column, 5);
  EXPECT_EQ(nul.message(), "invalid YAML: a NUL byte; YAML is text without NUL bytes");
  // libfyaml 0.7.12 loops forever on this one.
  Error utf8 = refusal("%FOO \xff\n---\na: b\n");
  EXPECT_EQ(utf8.where().line, 1);
  EXPECT_EQ(utf8.where().column, 6);
  EXPECT_EQ(utf8.message(), "invalid YAML: invalid UTF-8 (byte 0xFF); save the file as UTF-8");
  // Framework definitions go through the same reader.
  EXPECT_THROW(parse_framework("framework:\n  name: \xC3\x28\n", "def.yaml"), Error);
}

TEST(YamlReader, AFailureWithoutAMessageStillHasAPlace) {
  Error e = refusal("--- |0\n");
  EXPECT_EQ(e.message().rfind("invalid YAML", 0), 0u);
  EXPECT_EQ(e.where().line, 1);
  EXPECT_EQ(e.where().column, 5);
}

// A syntax error anywhere wins over a mof-check rule broken before it.
TEST(YamlReader, ASyntaxErrorAfterARuleStillReadsAsInvalidYaml) {
  EXPECT_EQ(refusal("a: !!str x\nb: [\n").message().rfind("invalid YAML", 0), 0u);
  EXPECT_EQ(refusal("a: 1\n---\nb: [\n").message().rfind("invalid YAML", 0), 0u);
  EXPECT_EQ(refusal("a: 1\n---\nb: 2\n").message(),
            "a second YAML document starts here; give one manifest per file");
  EXPECT_EQ(refusal("a: !!str x\nb: c\n").where().line, 1);
}

// Places are where a reader sees the value start (fix rewrites there);
// columns count bytes.
TEST(YamlReader, ValuesArePlacedAtTheirFirstCharacter) {
  Node n = yaml(
      "q: \"x\"\ns: 'y'\nl: |  # note | >\n  text\nf: >-\n  folded\n"
      "an: &x plain\nal: *x\n\xC3\xA9: v\n");
  auto at = [&](const char* key) {
    const Node* v = n.get(key);
    return std::make_pair(v->line, v->column);
  };
  EXPECT_EQ(at("q"), std::make_pair(1, 4));
  EXPECT_EQ(at("s"), std::make_pair(2, 4));
  EXPECT_EQ(at("l"), std::make_pair(3, 4));
  EXPECT_EQ(at("f"), std::make_pair(5, 4));
  EXPECT_EQ(at("an"), std::make_pair(7, 5));
  EXPECT_EQ(at("al"), std::make_pair(8, 5));
  EXPECT_EQ(at("\xC3\xA9"), std::make_pair(9, 5));
  EXPECT_EQ(n.get("al")->text, "plain");
}

TEST(YamlReader, PlainNullWordsAreNullAndEverythingElseAString) {
  Node n = yaml("a: ~\nb: null\nc:\nd: ''\ne: ! null\nf: NULL\ng: nULL\nh: 1.0\n");
  EXPECT_EQ(n.get("a")->kind, Node::Kind::null);
  EXPECT_EQ(n.get("b")->kind, Node::Kind::null);
  EXPECT_EQ(n.get("c")->kind, Node::Kind::null);
  EXPECT_EQ(n.get("d")->kind, Node::Kind::string);
  EXPECT_EQ(n.get("e")->kind, Node::Kind::string);
  EXPECT_EQ(n.get("e")->text, "null");
  EXPECT_EQ(n.get("f")->kind, Node::Kind::null);
  EXPECT_EQ(n.get("g")->text, "nULL");
  EXPECT_EQ(n.get("h")->text, "1.0");
  // With the non-specific tag '<<' is a plain string key, not a merge key.
  EXPECT_EQ(yaml("! <<: x\n").members.at(0).first, "<<");
}

// An alias names the latest anchor of its name written before it; keys are
// compared after expansion (found by fuzz_yaml_differential, where
// libfyaml's document API differs).
TEST(YamlReader, AnAliasIsTheLatestAnchorBeforeIt) {
  EXPECT_EQ(yaml("a: &b 1\nb: &b 2\nc: *b\n").get("c")->text, "2");
  Node n = yaml("&a k: &b =\n*b : &b b\n*b : *a\n");
  ASSERT_EQ(n.members.size(), 3u);
  EXPECT_EQ(n.members[1].first, "=");
  EXPECT_EQ(n.members[2].first, "b");
  EXPECT_EQ(n.members[2].second.text, "k");
  EXPECT_EQ(refusal("&b x: 1\n*b : 2\n").message().rfind("duplicate key \"x\"", 0), 0u);
  EXPECT_EQ(refusal("- *b\n- &b b\n").message(),
            "invalid YAML: the alias '*b' names no anchor defined before it");
}

// libfyaml 0.7.12 reads two consecutive escaped quotes after other text
// wrong; single-quoted scalars with an escape are decoded by the reader.
// The folding cases agree with libfyaml where it is right (one escape).
TEST(YamlReader, SingleQuotedScalarsWithEscapesReadAsTheSpecSays) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"k: 'a''''b'\n", "a''b"},
      {"k: 'a''''b''''c'\n", "a''b''c"},
      {"k: 'x\n  ''''y'\n", "x ''y"},
      {"k: 'a''b'\n", "a'b"},
      {"k: ' a ''b '\n", " a 'b "},
      {"k: 'a''b\n  c'\n", "a'b c"},
      {"k: 'a''\n\n  b'\n", "a'\nb"},
      {"k: 'a''  \n \t \n\n   b  '\n", "a'\n\nb  "},
      {"k: '\n  a''b\n  '\n", " a'b "},
      {"k: 'x''\r\n  y'\n", "x' y"},
      {"k: ''''\n", "'"},
      {"k: 'a\n  ''\n\n\n  b'\n", "a '\n\nb"},
  };
  for (const auto& [text, want] : cases) {
    SCOPED_TRACE(testing::PrintToString(std::string(text)));
    EXPECT_EQ(yaml(text).get("k")->text, want);
  }
}

// libfyaml 0.7.12 misreads quoted scalars whose empty lines mix CRLF and LF
// (and leaks); line breaks reach it as line feeds, places stay the same.
TEST(YamlReader, CrLfAndLfLineBreaksReadAlike) {
  EXPECT_EQ(yaml("k: \"x\n\n\n\r\n\n\n\r\n\n  y\"\n").get("k")->text, "x\n\n\n\n\n\n\ny");
  EXPECT_EQ(yaml("\"\n\n\n\r\n\n\n\r\n\n\"").text, yaml("\"\n\n\n\n\n\n\n\n\"").text);
  EXPECT_EQ(yaml("k: 'a\r\n\r\n\n  b'\r\n").get("k")->text, "a\n\nb");
  Node n = yaml("a: 1\r\nb: 'x'\r\nc: |\r\n  t\r\n");
  EXPECT_EQ(n.get("b")->line, 2);
  EXPECT_EQ(n.get("b")->column, 4);
  EXPECT_EQ(n.get("c")->text, "t\n");
  EXPECT_EQ(n.get("c")->line, 3);
}

// The reader keeps one parser per thread; one that failed is not reused.
TEST(YamlReader, AFailedTextLeavesTheNextOneUntouched) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_THROW(yaml("a: [\n"), Error);
    EXPECT_EQ(yaml("a: b\n").get("a")->text, "b");
    EXPECT_THROW(yaml("a: !t x\n"), Error);
    EXPECT_EQ(yaml("- x\n").items.at(0).text, "x");
  }
}

// The draft writer (no yaml-cpp) quotes every string so that it reads back
// unchanged, whatever it holds.
TEST(YamlReader, TheDraftWriterQuotesWhatTheReaderReadsBack) {
  Draft d;
  d.name = "m";
  const std::string tricky[] = {"",
                                "yes",
                                "1.0",
                                "a \"b\" \\ c",
                                "tab\there",
                                "line\nbreak",
                                "\x01\x1f\x7f",
                                "\xE2\x80\xA8 ls",
                                "# not a comment",
                                "- not a list",
                                "caf\xC3\xA9"};
  for (const std::string& s : tricky) {
    d.producer = s;
    d.architecture = s;
    Manifest m = parse_manifest(render_draft(d, DraftSyntax::yaml), "t.yaml");
    EXPECT_EQ(m.producer.value, s);
    EXPECT_EQ(m.architecture.value, s);
  }
  d.producer = "bad \xC3 utf-8";
  EXPECT_EQ(parse_manifest(render_draft(d, DraftSyntax::yaml), "t.yaml").producer.value,
            "bad \xEF\xBF\xBD utf-8");
}

}  // namespace
}  // namespace mofcheck
