// SPDX-License-Identifier: Apache-2.0
// The license, licenses and fix subcommands, run in-process.
#include "cli/cli.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include "cli_support.hpp"

namespace mofcheck {
namespace {

using testing::CliRun;
using testing::run;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("mofcheck-fix-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name, const std::string& content) const {
    std::ofstream(path_ / name, std::ios::binary) << content;
    return (path_ / name).string();
  }
  std::filesystem::path path(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

TEST(LicenseCommand, ExpressionIsOpenAndExplained) {
  CliRun r = run({"license", "(MIT OR Apache-2.0) AND CC-BY-4.0"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Verdict:  open\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  CC-BY-4.0: Creative Commons Attribution 4.0 International\n"
                       "    FSF-libre; open; suits data, document\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  code      not suited (warning): "), std::string::npos) << r.out;
}

TEST(LicenseCommand, NotOpenExitsOneWithTheReason) {
  CliRun r = run({"license", "CC-BY-NC-4.0"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("Verdict:  not open (CC-BY-NC-4.0 has non-commercial terms"),
            std::string::npos)
      << r.out;
}

TEST(LicenseCommand, MalformedExpressionPointsAtTheColumn) {
  CliRun r = run({"license", "MIT AND OR Apache-2.0"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("    MIT AND OR Apache-2.0\n            ^\n"), std::string::npos) << r.out;
}

TEST(LicenseCommand, JsonNamesPartsTypesAndSuggestion) {
  CliRun r = run({"license", "--format", "json", "apache-2.0 or mit"});
  EXPECT_EQ(r.code, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["canonical"], "Apache-2.0 OR MIT");
  EXPECT_EQ(j["status"], "open");
  EXPECT_EQ(j["suggestion"], "Apache-2.0 OR MIT");
  EXPECT_EQ(j["suggestion_certain"], true);
  ASSERT_EQ(j["licenses"].size(), 2u);
  EXPECT_EQ(j["licenses"][0]["id"], "Apache-2.0");
  EXPECT_EQ(j["licenses"][0]["osi_approved"], true);
  EXPECT_EQ(j["types"]["data"]["suited"], true);
  EXPECT_EQ(j["findings"].size(), 3u);  // two id spellings and the operator
}

TEST(LicensesCommand, FiltersByTypeAndOpenness) {
  auto all = nlohmann::json::parse(run({"licenses", "-f", "json"}).out)["licenses"];
  auto open = nlohmann::json::parse(run({"licenses", "-f", "json", "--open"}).out)["licenses"];
  auto data =
      nlohmann::json::parse(run({"licenses", "-f", "json", "--type", "data"}).out)["licenses"];
  EXPECT_GT(all.size(), open.size());
  EXPECT_GT(open.size(), data.size());
  EXPECT_GT(data.size(), 10u);
  for (const auto& l : open) EXPECT_TRUE(l["open"].get<bool>()) << l["id"];
  bool has_cdla = false;
  for (const auto& l : data) {
    bool suits_data = false;
    for (const auto& t : l["suits"]) suits_data = suits_data || t == "data";
    EXPECT_TRUE(suits_data) << l["id"];
    has_cdla = has_cdla || l["id"] == "CDLA-Permissive-2.0";
  }
  EXPECT_TRUE(has_cdla);
  EXPECT_EQ(run({"licenses", "--type", "weights"}).code, 2);
}

TEST(LicensesCommand, KnownListsReasons) {
  CliRun r = run({"licenses", "--known"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Gemma Terms of Use [restricted]\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Component not included [sentinel-not-included]\n"), std::string::npos);
}

const char* kManifest =
    "release:\n  name: M   # keep me\n  components:\n    - name: Model card\n"
    "      license: 'CC BY 4.0'\n";

TEST(FixCommand, PrintsTheFixedTextAndTheChangesOnStandardError) {
  TempDir dir;
  std::string in = dir.file("m.yaml", kManifest);
  CliRun r = run({"fix", in});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out,
            "release:\n  name: M   # keep me\n  components:\n    - name: Model card\n"
            "      license: 'CC-BY-4.0'\n");
  EXPECT_EQ(r.err, in +
                       ":5:16: 'CC BY 4.0' -> 'CC-BY-4.0' (changes the verdict under profile mot: "
                       "not open -> open)\nfixed 1 license in " +
                       in + " (profile mot)\n");
  EXPECT_EQ(slurp(in), kManifest) << "the input is untouched";
}

TEST(FixCommand, WritesToOutputAndRefusesTheInputWithoutInPlace) {
  TempDir dir;
  std::string in = dir.file("m.yaml", kManifest);
  std::string out = dir.path("fixed.yaml").string();
  CliRun r = run({"fix", in, "-o", out});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, in +
                       ":5:16: 'CC BY 4.0' -> 'CC-BY-4.0' (changes the verdict under profile mot: "
                       "not open -> open)\nfixed 1 license in " +
                       in + " (profile mot)\n");
  EXPECT_NE(slurp(out).find("license: 'CC-BY-4.0'"), std::string::npos);

  CliRun same = run({"fix", in, "-o", in});
  EXPECT_EQ(same.code, 2);
  EXPECT_NE(same.err.find("pass --in-place"), std::string::npos) << same.err;
  EXPECT_EQ(slurp(in), kManifest);
}

TEST(FixCommand, InPlaceRewritesTheFileAndOnlyTheLicense) {
  TempDir dir;
  std::string in = dir.file("m.yaml", kManifest);
  CliRun r = run({"fix", "--in-place", in});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(slurp(in),
            "release:\n  name: M   # keep me\n  components:\n    - name: Model card\n"
            "      license: 'CC-BY-4.0'\n");
  CliRun again = run({"fix", "--in-place", in});
  EXPECT_EQ(again.out, "no license to fix in " + in + " (profile mot)\n");
}

TEST(FixCommand, RefusalWritesNothing) {
  TempDir dir;
  std::string text =
      "release:\n  name: M\n  components:\n    - name: Model card\n"
      "      license: >-\n        CC BY 4.0\n";
  std::string in = dir.file("m.yaml", text);
  CliRun r = run({"fix", "--in-place", in});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err, "mof-check: error: " + in +
                       ":5:16: cannot rewrite release.components[0].license ('CC BY 4.0' -> "
                       "'CC-BY-4.0'): it is a YAML block scalar; write it on one line, or edit it "
                       "by hand; nothing was written\n");
  EXPECT_EQ(slurp(in), text);
  EXPECT_EQ(run({"fix", "--in-place", "-"}).code, 2);
}

}  // namespace
}  // namespace mofcheck
