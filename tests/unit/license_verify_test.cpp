// SPDX-License-Identifier: Apache-2.0
// check --paths ROOT --verify-licenses, end to end through the CLI: a claim
// that matches its file, one that does not, a restricted text under an open
// claim, a missing file and a path leaving ROOT. The checkout is written at
// test time; the one real license text is Debian's copy of Apache-2.0
// (/usr/share/common-licenses, from the essential base-files package), so no
// license text lives in the repository.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_support.hpp"

namespace mofcheck {
namespace {

namespace fs = std::filesystem;

const char* const kApache = "/usr/share/common-licenses/Apache-2.0";

class VerifyLicenses : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kApache)) GTEST_SKIP() << kApache << " is not installed";
    base_ = fs::temp_directory_path() / ("mofcheck-verify-" + std::to_string(::getpid()));
    fs::remove_all(base_);
    fs::create_directories(base_ / "repo" / "weights");
    fs::copy_file(kApache, base_ / "repo" / "LICENSE");
    std::ifstream in(kApache);
    std::stringstream s;
    s << in.rdbuf();
    apache_ = s.str();
    // A self-written stand-in for a community model license: its title and
    // usage threshold are the clauses the matcher knows it by.
    write("repo/weights/LICENSE",
          "LLAMA 3.1 COMMUNITY LICENSE AGREEMENT\n\nA short stand-in written for this test. "
          "Past 700 million monthly active users a separate license is needed.\n");
  }
  void TearDown() override {
    if (!base_.empty()) fs::remove_all(base_);
  }
  void write(const std::string& rel, const std::string& text) {
    std::ofstream(base_ / rel, std::ios::binary) << text;
  }
  testing::CliRun check(const std::string& manifest) {
    write("m.json", manifest);
    return testing::run({"check", "--format", "json", "--paths", (base_ / "repo").string(),
                         "--verify-licenses", (base_ / "m.json").string()});
  }
  static std::string manifest(const std::string& claim, const std::string& path) {
    return R"J({"release": {"name": "V", "license": {"distribution": {"name": "Apache-2.0",
      "path": "LICENSE"}}, "components": [{"name": "Model parameters (Final)",
      "component_path": "weights", "license": ")J" +
           claim + R"J(", "license_path": ")J" + path + R"J("}]}})J";
  }
  fs::path base_;
  std::string apache_;
};

TEST_F(VerifyLicenses, MatchingClaimPassesItsCheck) {
  auto r = check(manifest("Apache-2.0", "LICENSE"));
  EXPECT_EQ(r.out.find("but the manifest claims"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("holds the license text of Apache-2.0 (score"), std::string::npos) << r.out;
}

TEST_F(VerifyLicenses, OpenClaimOverACommunityLicenseFailsNamingBoth) {
  auto r = check(manifest("Apache-2.0", "weights/LICENSE"));
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("holds the license text of Llama 3.1 Community License, but the manifest "
                       "claims Apache-2.0"),
            std::string::npos)
      << r.out;
}

TEST_F(VerifyLicenses, ADifferentOpenLicenseFails) {
  auto r = check(manifest("MIT", "LICENSE"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("holds the license text of Apache-2.0, but the manifest claims MIT"),
            std::string::npos)
      << r.out;
}

TEST_F(VerifyLicenses, RestrictedTextUnderAnOpenClaimFails) {
  write("repo/weights/LICENSE",
        apache_ +
            "\nADDITIONAL CONDITION: the model may not be used for military purposes "
            "or by any organisation that builds weapons.\n");
  auto r = check(manifest("Apache-2.0", "weights/LICENSE"));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("added words no license holds"), std::string::npos) << r.out;
}

TEST_F(VerifyLicenses, UnrecognisedTextIsAWarning) {
  write("repo/weights/LICENSE", "Ask the lab before you use these weights.\n");
  auto r = check(manifest("Apache-2.0", "weights/LICENSE"));
  EXPECT_NE(r.out.find("holds no license text mof-check knows"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("but the manifest claims"), std::string::npos);
}

TEST_F(VerifyLicenses, MissingFileAndEscapingPathAreLeftToThePathCheck) {
  auto missing = check(manifest("Apache-2.0", "weights/NOPE"));
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.out.find("does not exist"), std::string::npos) << missing.out;
  EXPECT_EQ(missing.out.find("'weights/NOPE' holds"), std::string::npos);
  write("secret.txt", apache_);
  auto escaping = check(manifest("Apache-2.0", "../secret.txt"));
  EXPECT_EQ(escaping.code, 1);
  EXPECT_NE(escaping.out.find("leaves the checkout root"), std::string::npos) << escaping.out;
  EXPECT_EQ(escaping.out.find("'../secret.txt' holds"), std::string::npos) << escaping.out;
}

TEST_F(VerifyLicenses, NeedsPaths) {
  write("m.json", manifest("Apache-2.0", "LICENSE"));
  auto r = testing::run({"check", "--verify-licenses", (base_ / "m.json").string()});
  EXPECT_EQ(r.code, 2);
}

}  // namespace
}  // namespace mofcheck
