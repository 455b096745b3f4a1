// SPDX-License-Identifier: Apache-2.0
// The block scanner must describe exactly the document libfyaml reads, or
// decline: the tree its events build (scalars, nesting, keys, every line and
// column) is held to doc::parse_yaml's on every case of the YAML test
// suite, every YAML fixture, and randomly edited block texts; and it must
// take the layout records are written in.
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "syntax/doc_tree.hpp"
#include "syntax/yaml_block_scanner.hpp"
#include "syntax/yaml_events.hpp"
#include "test_support.hpp"
#include "util/line_index.hpp"
#include "util/text_encoding.hpp"

namespace mofcheck {
namespace {

using doc::Node;
using doc::PlainEvent;
using Type = PlainEvent::Type;

// The tree the scanner's events describe, built as parse_yaml builds its
// own: a plain '', '~', 'null', 'Null' or 'NULL' is null, every other
// scalar a string; a node sits where its event starts.
class TreeOfEvents {
 public:
  TreeOfEvents(std::string_view text, const std::vector<PlainEvent>& events)
      : lines_(text), events_(events) {}

  Node build() {
    EXPECT_EQ(events_.at(0).type, Type::stream_start);
    EXPECT_EQ(events_.at(1).type, Type::document_start);
    next_ = 2;
    Node root = node();
    EXPECT_EQ(events_.at(next_++).type, Type::document_end);
    EXPECT_EQ(events_.at(next_++).type, Type::stream_end);
    EXPECT_EQ(next_, events_.size());
    return root;
  }

 private:
  Node node() {
    const PlainEvent& e = events_.at(next_++);
    Node n;
    std::tie(n.line, n.column) = lines_.at(e.at);
    switch (e.type) {
      case Type::scalar:
        n.text = e.style == PlainEvent::Style::single_quoted ? doc::single_quoted(e.text)
                                                             : std::string(e.text);
        n.kind = e.style == PlainEvent::Style::plain &&
                         (n.text.empty() || n.text == "~" || n.text == "null" || n.text == "Null" ||
                          n.text == "NULL")
                     ? Node::Kind::null
                     : Node::Kind::string;
        if (n.kind == Node::Kind::null) n.text.clear();
        break;
      case Type::sequence_start:
        n.kind = Node::Kind::array;
        while (events_.at(next_).type != Type::sequence_end) n.items.push_back(node());
        ++next_;
        break;
      case Type::mapping_start:
        n.kind = Node::Kind::object;
        while (events_.at(next_).type != Type::mapping_end) {
          Node key = node();
          EXPECT_EQ(key.kind, Node::Kind::string);
          n.key_positions.emplace_back(key.line, key.column);
          n.members.emplace_back(key.text, node());
        }
        ++next_;
        break;
      default:
        ADD_FAILURE() << "an event out of place";
        next_ = events_.size() - 2;
    }
    return n;
  }

  LineIndex lines_;
  const std::vector<PlainEvent>& events_;
  std::size_t next_ = 0;
};

void expect_same(const Node& ours, const Node& theirs, const std::string& path) {
  SCOPED_TRACE(path);
  EXPECT_EQ(ours.kind, theirs.kind);
  EXPECT_EQ(ours.text, theirs.text);
  EXPECT_EQ(ours.line, theirs.line);
  EXPECT_EQ(ours.column, theirs.column);
  ASSERT_EQ(ours.items.size(), theirs.items.size());
  for (std::size_t i = 0; i < ours.items.size(); ++i) {
    expect_same(ours.items[i], theirs.items[i], path + "[" + std::to_string(i) + "]");
  }
  ASSERT_EQ(ours.members.size(), theirs.members.size());
  EXPECT_EQ(ours.key_positions, theirs.key_positions);
  for (std::size_t i = 0; i < ours.members.size(); ++i) {
    EXPECT_EQ(ours.members[i].first, theirs.members[i].first);
    expect_same(ours.members[i].second, theirs.members[i].second,
                path + "." + ours.members[i].first);
  }
}

// Whether the scanner took `text`; when it did, libfyaml must read the same
// tree (or refuse it by a mof-check rule that is not about syntax).
bool scanned_as_parsed(const std::string& text) {
  // The scanner's caller passes only texts of valid encoding without tabs
  // or carriage returns.
  try {
    check_text_encoding(text, "t.yml", TextRules::any);
  } catch (const Error&) {
    return false;
  }
  if (text.find_first_of("\t\r") != std::string::npos || text.starts_with("\xEF\xBB\xBF")) {
    return false;
  }
  std::vector<PlainEvent> events;
  if (!doc::scan_block_yaml(text, events)) return false;
  SCOPED_TRACE(text);
  Node theirs;
  try {
    theirs = doc::parse_yaml(text, "t.yml", 64, std::size_t{1} << 20);
  } catch (const Error& e) {
    // mof-check's own rules on valid YAML: the plain reader declines both.
    const std::string message = e.message();
    EXPECT_TRUE(message.starts_with("duplicate key") ||
                message.starts_with("mapping keys must be plain strings"))
        << "parse_yaml refuses: " << message;
    return true;
  }
  expect_same(TreeOfEvents(text, events).build(), theirs, "$");
  return true;
}

const std::string kRecord = R"(---
framework:
  name: 'Model Openness Framework'
  version: '1.0'
release:
  name: Willow-8x7B
  huggingface: https://huggingface.co/x/y   # the card
  producer: 'Lab''s team'
  contact: "a@b.example"
  origin: ~
  license: {  }
  notes: []
  components:
    -
      name: 'Evaluation data'
      license: unlicensed
    - name: Model parameters (Final)
      license: "MIT"
      more:
        - a: b
        -   c: d
            e: 'f'
  tail:
  - name: x
  after: y
...
)";

TEST(YamlBlockScanner, TakesTheRecordLayoutAndDescribesWhatLibfyamlReads) {
  EXPECT_TRUE(scanned_as_parsed(kRecord));
  EXPECT_TRUE(scanned_as_parsed("a: b\n"));
  EXPECT_TRUE(scanned_as_parsed("# only a comment first\n\na:\n  b: 'c'\n# and last\n"));
  EXPECT_TRUE(scanned_as_parsed("a: C# and x:y and [x] and {y}, z\n"));
}

TEST(YamlBlockScanner, DeclinesWhatIsOutsideTheLayout) {
  for (const std::string text : {"a: {b: c}\n",
                                 "a: [b]\n",
                                 "a: 'b\n  c'\n",
                                 "a: b\n  c\n",
                                 "a: \"\\u0041\"\n",
                                 "a: &x b\n",
                                 "a: *x\n",
                                 "a: !t b\n",
                                 "a: |\n  b\n",
                                 "a: >\n  b\n",
                                 "a:\n",
                                 "a: b: c\n",
                                 "a: -b\n",
                                 "a: ?b\n",
                                 "a: %b\n",
                                 "a: @b\n",
                                 "a: `b\n",
                                 "'a': b\n",
                                 "? a\n: b\n",
                                 "- a\n",
                                 "a: 'b'c\n",
                                 "a: 'b'#c\n",
                                 "%YAML 1.2\n---\na: b\n",
                                 "a: b\n---\nc: d\n",
                                 "--- a: b\n",
                                 "a: b\n...\nc: d\n",
                                 "a:\n- b\n",
                                 "a:\n  -\n",
                                 "a: x\u0085y\n",
                                 "a: x\u2028y\n",
                                 "a: x\ufeffy\n",
                                 "a: x\u0080y\n",
                                 "a:\n    b: c\n  d: e\n",
                                 "a: b\n c: d\n",
                                 "- - a\n"}) {
    std::vector<PlainEvent> events;
    EXPECT_FALSE(doc::scan_block_yaml(text, events)) << text;
  }
}

TEST(YamlBlockScanner, EveryCaseOfTheYamlTestSuiteIsDeclinedOrReadAlike) {
  const std::string path = std::string(MOFCHECK_TEST_SUITES_DIR) + "/yaml-test-suite.json";
  std::ifstream file(path);
  // A missing suite fails, as in yaml_test_suite_test (scripts/fetch-test-suites.sh).
  ASSERT_TRUE(file) << "cannot read " << path;
  const auto cases = nlohmann::json::parse(file);
  int taken = 0;
  for (const auto& c : cases) {
    const std::string text = c.at("yaml").get<std::string>();
    SCOPED_TRACE(c.at("id").get<std::string>());
    const bool took = scanned_as_parsed(text);
    EXPECT_FALSE(took && c.at("fail").get<bool>()) << "took an invalid case";
    taken += took;
  }
  EXPECT_GE(taken, 10);
}

TEST(YamlBlockScanner, EveryYamlFixtureIsDeclinedOrReadAlike) {
  int taken = 0;
  for (const auto& path :
       testing::yaml_fixtures({"tests", "data", "fuzz/corpus", "fuzz/regressions"})) {
    SCOPED_TRACE(path.string());
    taken += scanned_as_parsed(testing::slurp(path));
  }
  EXPECT_GT(taken, 10);
}

// Small edits of a block text at YAML's sensitive bytes: whatever the
// scanner takes, libfyaml must read alike.
TEST(YamlBlockScanner, EditedTextsAreDeclinedOrReadAlike) {
  const std::string pieces[] = {
      "'",      "\"",     "''",     "\\", "\n",   "\n  ", "\n    ", ":",   ": ",     "- ",      "#",
      " #",     "{",      "}",      "[",  "]",    ",",    "&a ",    "*a",  "!",      "?",       "|",
      ">",      "~",      "null",   "é",  "%",    "@",    "`",      "---", "...",    " ",       "x",
      "\u00a0", "\u2028", "\u0085", "-",  "\n- ", "'a'",  "\"a\"",  "a:",  "\na: b", "\n  a: b"};
  testing::TextEditor editor(2026, pieces);
  int taken = 0;
  for (int round = 0; round < 6000; ++round) {
    const std::string text = editor.edited(kRecord);
    taken += scanned_as_parsed(text);
  }
  EXPECT_GT(taken, 1000);
}

}  // namespace
}  // namespace mofcheck
