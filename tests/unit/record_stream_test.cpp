// SPDX-License-Identifier: Apache-2.0
#include "manifest/record_stream.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace mofcheck {
namespace {

// Hands out a text a few bytes at a time, so records cross read boundaries.
class StringSource : public ByteSource {
 public:
  StringSource(std::string text, std::size_t step) : text_(std::move(text)), step_(step) {}
  std::size_t read(char* buffer, std::size_t size) override {
    std::size_t n = std::min({size, step_, text_.size() - pos_});
    std::copy_n(text_.data() + pos_, n, buffer);
    pos_ += n;
    return n;
  }

 private:
  std::string text_;
  std::size_t step_;
  std::size_t pos_ = 0;
};

struct Seen {
  std::string text;
  std::size_t number;
  int line;
  int column;
  bool problem;
};

std::vector<Seen> split(const std::string& text, StreamFormat format, std::size_t step,
                        std::size_t max_record = 1000, bool* stream = nullptr,
                        InputSyntax syntax = InputSyntax::automatic,
                        std::vector<InputSyntax>* syntaxes = nullptr) {
  StringSource source(text, step);
  RecordReader reader(source, "in", format, max_record, syntax);
  std::vector<Seen> out;
  Record r;
  while (reader.next(r)) {
    out.push_back({std::string(r.text), r.number, r.line, r.column, !r.problem.empty()});
    if (syntaxes) syntaxes->push_back(r.syntax);
  }
  if (stream) *stream = reader.is_stream();
  return out;
}

// Every test runs with reads of 1, 2, 3, 7 and 4096 bytes.
class RecordStreamTest : public ::testing::TestWithParam<std::size_t> {};

TEST_P(RecordStreamTest, OneJsonDocumentIsAWholeInput) {
  const std::string text = "{\n  \"a\": 1\n}\n\n";
  bool stream = true;
  auto r = split(text, StreamFormat::automatic, GetParam(), 1000, &stream);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].text, text);
  EXPECT_EQ(r[0].number, 0u);
  EXPECT_FALSE(stream);
}

// A known syntax splits only as itself, and a whole input carries it.
TEST_P(RecordStreamTest, AKnownSyntaxSplitsOnlyAsItself) {
  bool stream = true;
  std::vector<InputSyntax> syntaxes;
  // YAML documents in a file read as JSON: one (invalid) JSON manifest.
  auto r = split("a: 1\n---\nb: 2\n", StreamFormat::automatic, GetParam(), 1000, &stream,
                 InputSyntax::json, &syntaxes);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_FALSE(stream);
  EXPECT_EQ(syntaxes, std::vector<InputSyntax>{InputSyntax::json});
  // Two flow mappings in a file read as YAML: not JSON values.
  syntaxes.clear();
  r = split("{a: 1}\n{b: 2}\n", StreamFormat::automatic, GetParam(), 1000, &stream,
            InputSyntax::yaml, &syntaxes);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_FALSE(stream);
  EXPECT_EQ(syntaxes, std::vector<InputSyntax>{InputSyntax::yaml});
  // A JSON stream in a file read as JSON is still a stream.
  syntaxes.clear();
  r = split("{\"a\": 1}\n{\"b\": 2}\n", StreamFormat::automatic, GetParam(), 1000, &stream,
            InputSyntax::json, &syntaxes);
  EXPECT_EQ(r.size(), 2u);
  EXPECT_TRUE(stream);
  EXPECT_EQ(syntaxes, (std::vector<InputSyntax>{InputSyntax::json, InputSyntax::json}));
}

TEST(InputFormat, NamesAndWhatTheyFix) {
  EXPECT_EQ(input_format_names().size(), 7u);
  for (const std::string& name : input_format_names()) {
    InputFormat f = parse_input_format(name);
    if (name == "json" || name == "ndjson" || name == "json-stream") {
      EXPECT_EQ(f.syntax, InputSyntax::json) << name;
    } else if (name == "yaml" || name == "yaml-stream") {
      EXPECT_EQ(f.syntax, InputSyntax::yaml) << name;
    } else {
      EXPECT_EQ(f.syntax, InputSyntax::automatic) << name;
    }
  }
  EXPECT_EQ(parse_input_format("json").framing, StreamFormat::automatic);
  EXPECT_EQ(parse_input_format("single").framing, StreamFormat::single);
}

TEST(InputFormat, TheNameFixesTheSyntax) {
  EXPECT_EQ(syntax_for_name("a/model.json"), InputSyntax::json);
  EXPECT_EQ(syntax_for_name("MODEL.JSON"), InputSyntax::json);
  EXPECT_EQ(syntax_for_name("s.jsonl"), InputSyntax::json);
  EXPECT_EQ(syntax_for_name("s.ndjson"), InputSyntax::json);
  EXPECT_EQ(syntax_for_name("m.yml"), InputSyntax::yaml);
  EXPECT_EQ(syntax_for_name("m.Yaml"), InputSyntax::yaml);
  EXPECT_EQ(syntax_for_name("-"), InputSyntax::automatic);
  EXPECT_EQ(syntax_for_name("manifest"), InputSyntax::automatic);
  EXPECT_EQ(syntax_for_name(".json"), InputSyntax::automatic);  // a hidden file, no extension
  EXPECT_EQ(syntax_for_name("m.json.txt"), InputSyntax::automatic);
  EXPECT_EQ(resolve_syntax(InputSyntax::yaml, "m.json"), InputSyntax::yaml);
  EXPECT_EQ(resolve_syntax(InputSyntax::automatic, "m.json"), InputSyntax::json);
}

TEST_P(RecordStreamTest, JsonFollowedByGarbageStaysWholeSoTheParserReportsIt) {
  auto r = split("{\"a\": 1} }", StreamFormat::automatic, GetParam());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].number, 0u);
}

TEST_P(RecordStreamTest, NdjsonLinesWithBlankLinesCrlfAndNoFinalNewline) {
  const std::string text = "{\"a\":1}\n\n{\"b\":\"}\"}\r\n  \n{\"c\": [\n{\"d\":4}";
  bool stream = false;
  auto r = split(text, StreamFormat::automatic, GetParam(), 1000, &stream);
  EXPECT_TRUE(stream);
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].text, "{\"a\":1}");
  EXPECT_EQ(r[1].text, "{\"b\":\"}\"}\r");
  EXPECT_EQ(r[1].line, 3);
  EXPECT_EQ(r[2].text, "{\"c\": [");  // broken: ends at its line
  EXPECT_EQ(r[2].number, 3u);
  EXPECT_EQ(r[2].line, 5);
  EXPECT_EQ(r[3].text, "{\"d\":4}");
  EXPECT_EQ(r[3].line, 6);
  EXPECT_EQ(r[3].column, 1);
}

TEST_P(RecordStreamTest, NdjsonWhoseFirstLineIsBrokenIsStillAStream) {
  bool stream = false;
  auto r = split("{\"a\": 1\n{\"b\": 2}\r\n\n{\"c\": 3}\n", StreamFormat::automatic, GetParam(),
                 1000, &stream);
  EXPECT_TRUE(stream);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].text, "{\"a\": 1");
  EXPECT_EQ(r[0].number, 1u);
  EXPECT_EQ(r[1].line, 2);
  EXPECT_EQ(r[2].text, "{\"c\": 3}");
  EXPECT_EQ(r[2].line, 4);
  // Text after a complete first value, and a stream of only two lines.
  EXPECT_EQ(
      split("{\"a\": 1} x\n{\"b\": 2}\n{\"c\": 3}\n", StreamFormat::automatic, GetParam()).size(),
      3u);
  EXPECT_EQ(split("{\"a\":\n{\"b\": 2}", StreamFormat::automatic, GetParam()).size(), 2u);
}

TEST_P(RecordStreamTest, ManifestsWrittenAcrossLinesStayWhole) {
  for (const std::string text : {
           "{\"r\": {\"c\": [\n{\"name\": \"x\"}\n]}}\n",  // an object alone, then ]}}
           "{\"r\": [\n{\"a\": 1},\n{\"b\": 2}]}\n",       // object followed by ','
           "{\"r\": [\n  {\"a\": 1}\n  ,{\"b\": 2}]}\n",   // third line not an object
           "{\n  \"a\": {\"b\": 1}\n}\n",                  // a key on the second line
           "{\"a\": 1\n}\n",                               // nothing after
       }) {
    bool stream = true;
    auto r = split(text, StreamFormat::automatic, GetParam(), 1000, &stream);
    EXPECT_FALSE(stream) << text;
    ASSERT_EQ(r.size(), 1u) << text;
    EXPECT_EQ(r[0].text, text);
  }
}

TEST_P(RecordStreamTest, ConcatenatedJsonValuesKeepTheirPositions) {
  const std::string text = "{\n \"a\": \"x{\\\"\"\n}{\"b\": [1]}\n  [2]";
  auto r = split(text, StreamFormat::automatic, GetParam());
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].text, "{\n \"a\": \"x{\\\"\"\n}");
  EXPECT_EQ(r[1].text, "{\"b\": [1]}");
  EXPECT_EQ(r[1].line, 3);
  EXPECT_EQ(r[1].column, 2);
  EXPECT_EQ(r[2].text, "[2]");
  EXPECT_EQ(r[2].line, 4);
  EXPECT_EQ(r[2].column, 3);
}

TEST_P(RecordStreamTest, YamlDocuments) {
  const std::string text = "# c\n---\na: 1\n---\n\nb: 2\n...\n--- {c: 3}\n---\n";
  bool stream = false;
  auto r = split(text, StreamFormat::automatic, GetParam(), 1000, &stream);
  EXPECT_TRUE(stream);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].text, "---\na: 1\n");
  EXPECT_EQ(r[0].line, 2);
  EXPECT_EQ(r[1].text, "---\n\nb: 2\n...\n");
  EXPECT_EQ(r[1].line, 4);
  EXPECT_EQ(r[2].text, "--- {c: 3}\n");
  EXPECT_EQ(r[2].line, 8);
}

TEST_P(RecordStreamTest, OneYamlDocumentIsAWholeInput) {
  const std::string text = "---\na: 1\nb: |\n  text\n---\n";
  auto r = split(text, StreamFormat::automatic, GetParam());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].text, text);
}

TEST_P(RecordStreamTest, ExplicitNdjsonMakesOneLineARecord) {
  auto r = split("\xEF\xBB\xBF{\"a\":1}\n", StreamFormat::ndjson, GetParam());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].text, "{\"a\":1}");
  EXPECT_EQ(r[0].number, 1u);
  EXPECT_EQ(r[0].column, 1);
}

TEST_P(RecordStreamTest, OversizedRecordsAreSkippedAndTheStreamGoesOn) {
  const std::string big = "{\"a\":\"" + std::string(100, 'x') + "\"}";
  auto r = split("{}\n" + big + "\n{\"b\":2}\n", StreamFormat::ndjson, GetParam(), 50);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_TRUE(r[1].problem);
  EXPECT_EQ(r[1].line, 2);
  EXPECT_EQ(r[2].text, "{\"b\":2}");
  EXPECT_EQ(r[2].number, 3u);
  EXPECT_EQ(r[2].line, 3);

  auto j = split("{}" + big + "[]", StreamFormat::json, GetParam(), 50);
  ASSERT_EQ(j.size(), 3u);
  EXPECT_TRUE(j[1].problem);
  EXPECT_EQ(j[2].text, "[]");
}

TEST_P(RecordStreamTest, WholeInputOverTheLimitIsAnError) {
  EXPECT_THROW(
      split("{\"a\": \"" + std::string(100, 'x') + "\"}", StreamFormat::single, GetParam(), 50),
      Error);
}

TEST_P(RecordStreamTest, EmptyInputIsOneEmptyWholeInput) {
  auto r = split("", StreamFormat::automatic, GetParam());
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].text, "");
  EXPECT_TRUE(split("\n\n", StreamFormat::ndjson, GetParam()).empty());
}

INSTANTIATE_TEST_SUITE_P(ReadSizes, RecordStreamTest, ::testing::Values(1, 2, 3, 7, 4096));

TEST(RecordOrigin, NamesTheRecord) {
  EXPECT_EQ(record_origin("<stdin>", 12), "<stdin>#12");
}

}  // namespace
}  // namespace mofcheck
