// SPDX-License-Identifier: Apache-2.0
// Reports are the same bytes whatever --jobs is: the threaded batch runner
// against its one-thread path, for every report format, on a sample with
// streams of many batches, files, YAML, broken records and odd licenses.
#include "cli/batch_runner.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <mofcheck/framework.hpp>
#include <mofcheck/report.hpp>

#include "cli_support.hpp"
#include "test_support.hpp"

namespace mofcheck {
namespace {

namespace fs = std::filesystem;
using testing::Entry;

const std::vector<std::string> licenses = {
    "Apache-2.0", "unlicensed",           "MIT License",      "Llama 3 Community License",
    "",           "Undisclosed",          "CC-BY-4.0 OR MIT", "Modèle « ouvert » — 研究",
    "apache 2.0", "a \"quoted\" \\ text", "CC-BY-NC-4.0",     "GPL-3.0-only"};

// Record i of the sample stream: a different subset of components and
// licenses each time; some records broken or read by the full reader.
std::string record(std::size_t i) {
  if (i % 37 == 5) return "{\"release\": {\"name\": \"broken-" + std::to_string(i) + "\"";
  const auto& comps = builtin_framework().components;
  std::vector<Entry> entries;
  for (std::size_t c = 0; c < comps.size(); ++c) {
    if ((i * 7 + c * 3) % 5 < 2) continue;
    entries.push_back({comps[c].name, licenses[(i + c) % licenses.size()], (i + c) % 4 == 0});
  }
  if (i % 41 == 3) entries.push_back({"Model weights", "MIT"});
  std::string text = testing::manifest_json(entries, i % 5 == 0 ? licenses[i % 7] : "");
  if (i % 53 == 7) {
    text.replace(text.find("\"version\": \"1\""), 14, "\"version\": 2");  // a number
  }
  std::string line;
  for (char c : text) line += c == '\n' ? ' ' : c;
  return line;
}

class BatchJobs : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("mofcheck-jobs-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(dir_ / "files");
    std::ofstream stream(dir_ / "a-stream.jsonl");
    for (std::size_t i = 0; i < 400; ++i) stream << record(i) << (i % 29 == 0 ? "\n\n" : "\n");
    for (std::size_t i = 0; i < 90; ++i) {
      std::string name = std::to_string(100 + i);
      name += ".json";
      std::ofstream(dir_ / "files" / name) << testing::manifest_json(
          testing::required_down_to(static_cast<int>(i % 3) + 1), licenses[i % 4]);
    }
    std::ofstream(dir_ / "files" / "zz-broken.json") << "{\"release\": [";
    // A YAML stream of many batches: block records (the plain YAML path)
    // among flow ones written as JSON lines, some broken.
    std::ofstream yaml(dir_ / "c-stream.yml");
    for (std::size_t i = 0; i < 150; ++i) {
      yaml << "---\n";
      if (i % 3 == 0) {
        yaml << "release:\n  name: 'y-" << i << "''s'\n  license: {}\n  components:\n"
             << "    - name: Model card\n      license: '" << (i % 2 ? "CC-BY-4.0" : "unlicensed")
             << "'\n    - name: Training code\n      license: \"MIT\"\n";
      } else {
        yaml << record(i) << "\n";
      }
    }
    std::ofstream(dir_ / "b-docs.yaml")
        << "release:\n  name: one\n  components:\n    - name: Model card\n      license: "
           "CC-BY-4.0\n---\nrelease:\n  name: two\n  components: []\n---\nrelease: [\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

TEST_F(BatchJobs, EveryFormatIsTheSameAtEveryJobCount) {
  for (const std::string& format : report_formats()) {
    auto one = testing::run(
        {"--format", format, "--jobs", "1", dir_.string(), (dir_ / "missing.json").string()});
    ASSERT_EQ(one.code, 2) << format;            // broken records and a missing file
    ASSERT_GT(one.out.size(), 5000u) << format;  // several batches
    for (const char* jobs : {"2", "3", "16"}) {
      auto many = testing::run(
          {"--format", format, "--jobs", jobs, dir_.string(), (dir_ / "missing.json").string()});
      EXPECT_EQ(many.code, one.code) << format << " --jobs " << jobs;
      EXPECT_TRUE(many.out == one.out) << format << " --jobs " << jobs;
      EXPECT_EQ(many.err, one.err) << format << " --jobs " << jobs;
    }
  }
}

TEST_F(BatchJobs, OutputFilesBesideJsonlAreTheSameAtEveryJobCount) {
  std::string reports[2][2];
  for (int i = 0; i < 2; ++i) {
    const std::string file = (dir_ / ("report-" + std::to_string(i) + ".json")).string();
    auto run = testing::run({"--format", "jsonl", "--output", "json=" + file, "--jobs",
                             i == 0 ? "1" : "3", (dir_ / "a-stream.jsonl").string()});
    EXPECT_EQ(run.code, 2);
    std::ifstream in(file);
    reports[i][0] = run.out;
    reports[i][1].assign(std::istreambuf_iterator<char>(in), {});
  }
  EXPECT_TRUE(reports[0][0] == reports[1][0]);
  EXPECT_GT(reports[0][1].size(), 1000u);
  EXPECT_TRUE(reports[0][1] == reports[1][1]);
}

// A csv run computes only the verdicts (EvaluationDetail::verdict); a csv
// --output file beside another format is written from full evaluations. The
// rows and every gate's exit code must be the same.
TEST_F(BatchJobs, CsvFromVerdictsOnlyEqualsCsvFromFullEvaluations) {
  // The sample without its broken records, and records that pass the gates.
  const fs::path mixed = dir_ / "c-mixed.jsonl";
  const fs::path passing = dir_ / "c-passing.jsonl";
  {
    std::ofstream out(mixed);
    for (std::size_t i = 0; i < 300; ++i) {
      if (i % 37 != 5) out << record(i) << "\n";
    }
    std::ofstream good(passing);
    for (int i = 0; i < 120; ++i) {
      std::string text = testing::manifest_json(testing::required_down_to(3 - i % 3), "Apache-2.0");
      for (char& c : text) c = c == '\n' ? ' ' : c;
      good << text << "\n";
    }
  }
  const std::vector<std::vector<std::string>> gates = {
      {}, {"--fail-on", "warning"}, {"--min-class", "III"}, {"--require", "Model card"}};
  int codes = 0;
  for (const fs::path& input : {mixed, passing}) {
    for (const auto& gate : gates) {
      for (const char* jobs : {"1", "2"}) {
        const std::string file = (dir_ / "full.csv").string();
        std::vector<std::string> full = {"--format", "jsonl",  "--output", "csv=" + file,
                                         "--force",  "--jobs", jobs,       input.string()};
        std::vector<std::string> verdict = {"--format", "csv", "--jobs", jobs, input.string()};
        full.insert(full.begin(), gate.begin(), gate.end());
        verdict.insert(verdict.begin(), gate.begin(), gate.end());
        auto a = testing::run(full);
        auto b = testing::run(verdict);
        std::ifstream in(file);
        std::string rows(std::istreambuf_iterator<char>(in), {});
        EXPECT_GT(rows.size(), 5000u);
        EXPECT_TRUE(rows == b.out) << input << " jobs " << jobs;
        EXPECT_EQ(a.code, b.code) << input << " jobs " << jobs;
        EXPECT_EQ(a.err, b.err) << input << " jobs " << jobs;
        codes |= 1 << b.code;
      }
    }
  }
  EXPECT_EQ(codes, 0b11);  // both passing and failing gates were compared
}

TEST_F(BatchJobs, FailFastStopsAtTheSameRecordAtEveryJobCount) {
  auto one = testing::run({"--format", "jsonl", "--fail-fast", "--min-class", "III", "--jobs", "1",
                           (dir_ / "a-stream.jsonl").string()});
  EXPECT_NE(one.code, 0);
  for (const char* jobs : {"2", "5"}) {
    auto many = testing::run({"--format", "jsonl", "--fail-fast", "--min-class", "III", "--jobs",
                              jobs, (dir_ / "a-stream.jsonl").string()});
    EXPECT_EQ(many.code, one.code);
    EXPECT_TRUE(many.out == one.out) << "--jobs " << jobs;
    EXPECT_EQ(many.err, one.err);
  }
}

TEST_F(BatchJobs, OneStreamIsSplitAcrossJobsInOrder) {
  // Every record of the stream is reported once, in order, with its number.
  BatchSettings settings;
  settings.framework = &builtin_framework();
  settings.licenses = &LicenseDb::builtin();
  GatePolicy policy;
  settings.policy = &policy;
  settings.jobs = 3;
  std::vector<InputItem> inputs = {{(dir_ / "a-stream.jsonl").string(), "s", ""}};
  std::vector<std::size_t> numbers;
  run_batch(inputs, settings, [&](Outcome& o) {
    numbers.push_back(o.error ? dynamic_cast<RecordError&>(*o.error).record()
                              : o.evaluation->model.record);
    return true;
  });
  ASSERT_EQ(numbers.size(), 400u);
  for (std::size_t i = 0; i < numbers.size(); ++i) EXPECT_EQ(numbers[i], i + 1);
}

}  // namespace
}  // namespace mofcheck
