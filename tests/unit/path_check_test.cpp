// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <mofcheck/paths.hpp>

namespace mofcheck {
namespace {

namespace fs = std::filesystem;

class PathCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("mofcheck-paths-" + std::to_string(::getpid()));
    fs::remove_all(base_);
    fs::create_directories(base_ / "root" / "weights");
    fs::create_directories(base_ / "secret");
    std::ofstream(base_ / "root" / "LICENSE") << "x";
    std::ofstream(base_ / "secret" / "key") << "x";
    fs::create_symlink(base_ / "secret", base_ / "root" / "escape");
    fs::create_symlink("weights", base_ / "root" / "inside");
  }
  void TearDown() override { fs::remove_all(base_); }

  std::vector<Diagnostic> check(const std::string& component_path,
                                const std::string& license_path = "") {
    std::string text =
        R"({"release": {"name": "m", "license": {"distribution": {"name": "MIT", "path": "LICENSE"}},
      "components": [{"name": "Model card", "component_path": ")" +
        component_path + R"(", "license_path": ")" + license_path + R"("}]}})";
    return check_paths(parse_manifest(text, "m.json"), (base_ / "root").string());
  }

  fs::path base_;
};

TEST_F(PathCheck, ExistingPathsGiveNoFinding) {
  EXPECT_TRUE(check("weights/").empty());
  EXPECT_TRUE(check("./weights/../LICENSE", "LICENSE").empty());
  EXPECT_TRUE(check("inside").empty());  // a link that stays inside
}

TEST_F(PathCheck, MissingPathIsAnErrorWithItsPosition) {
  auto d = check("weights/model.safetensors");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].severity, Severity::error);
  EXPECT_EQ(d[0].code, "path-missing");
  EXPECT_EQ(d[0].where.file, "m.json");
  EXPECT_EQ(d[0].where.line, 2);
  EXPECT_NE(d[0].message.find("'weights/model.safetensors' does not exist"), std::string::npos);
}

TEST_F(PathCheck, EscapingPathsAreRefused) {
  for (const char* p : {"../secret/key", "weights/../../secret/key", "escape/key", "/etc/passwd"}) {
    auto d = check(p);
    ASSERT_EQ(d.size(), 1u) << p;
    EXPECT_EQ(d[0].code, "path-escapes") << p;
    EXPECT_EQ(d[0].severity, Severity::error);
  }
  EXPECT_NE(check("escape/key")[0].message.find("symbolic link"), std::string::npos);
}

TEST_F(PathCheck, UrlsAreListedNotFetched) {
  auto d = check("https://huggingface.co/org/model", "http://example.org/LICENSE");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].code, "path-url");
  EXPECT_EQ(d[0].severity, Severity::note);
}

TEST_F(PathCheck, ApplyFailsTheGateOnErrorsOnly) {
  Manifest m = parse_manifest(R"({"release": {"name": "m", "components": [
      {"name": "Model card", "component_path": "nope", "license_path": "https://x.org/l"}]}})",
                              "m.json");
  Evaluation ev = evaluate(m, builtin_framework(), LicenseDb::builtin());
  GateResult gate;
  apply_path_check(m, (base_ / "root").string(), ev, gate);
  EXPECT_FALSE(gate.passed);
  EXPECT_EQ(gate.failures.size(), 1u);
  EXPECT_EQ(ev.diagnostics.size(), 2u);
}

TEST_F(PathCheck, RootMustBeAFolder) {
  EXPECT_THROW(check_paths(Manifest{}, (base_ / "root" / "LICENSE").string()), Error);
  EXPECT_THROW(check_paths(Manifest{}, (base_ / "absent").string()), Error);
}

}  // namespace
}  // namespace mofcheck
