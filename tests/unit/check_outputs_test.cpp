// SPDX-License-Identifier: Apache-2.0
// check --output FORMAT=PATH: extra reports written whole, and never half.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli.hpp"

#include "test_support.hpp"

namespace mofcheck {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    path =
        fs::temp_directory_path() /
        ("mofcheck-outputs-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int run(std::vector<std::string> args, std::string* out_text = nullptr) {
  std::vector<const char*> argv{"mof-check"};
  for (auto& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  int code = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  if (out_text) *out_text = out.str();
  return code;
}

TEST(CheckOutputs, WritesEveryReportBesideStandardOutput) {
  TempDir dir;
  std::string manifest = dir.file("m.json");
  std::ofstream(manifest) << testing::manifest_json(testing::required_down_to(3));
  std::string text;
  int code = run(
      {"check", "--min-class", "II", manifest, "--output", "sarif=" + dir.file("r.sarif"),
       "--output", "junit=" + dir.file("r.xml"), "--output", "markdown=" + dir.file("summary.md")},
      &text);
  EXPECT_EQ(code, exit_gate_failed);
  EXPECT_NE(text.find("Verdict:  Class III - Open Model"), std::string::npos);
  auto sarif = nlohmann::json::parse(slurp(dir.file("r.sarif")));
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_NE(slurp(dir.file("r.xml")).find("<testsuites"), std::string::npos);
  EXPECT_NE(slurp(dir.file("summary.md")).find("gate **failed**"), std::string::npos);
  // No temporary file is left behind.
  int files = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) files += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 4);
}

TEST(CheckOutputs, AFailedRunLeavesTheOldReportAlone) {
  TempDir dir;
  std::string report = dir.file("r.sarif");
  std::ofstream(report) << "previous";
  // The configuration is invalid: the run stops before any report is written.
  std::ofstream(dir.file("c.yaml")) << "strict: sometimes\n";
  std::string manifest = dir.file("m.json");
  std::ofstream(manifest) << testing::manifest_json({});
  EXPECT_EQ(run({"check", "--config", dir.file("c.yaml"), manifest, "--output", "sarif=" + report}),
            exit_invalid);
  EXPECT_EQ(slurp(report), "previous");
  // An unwritable report path is exit 2, not a partial file.
  EXPECT_EQ(run({"check", manifest, "--output", "sarif=" + dir.file("no/such/dir/r.sarif")}),
            exit_invalid);
}

TEST(CheckOutputs, RejectsMalformedSpecs) {
  EXPECT_EQ(run({"check", "x.json", "--output", "sarif"}), exit_invalid);
  EXPECT_EQ(run({"check", "x.json", "--output", "pdf=r.pdf"}), exit_invalid);
  EXPECT_EQ(run({"check", "x.json", "--output", "sarif="}), exit_invalid);
}

}  // namespace
}  // namespace mofcheck
