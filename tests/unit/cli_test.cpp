// SPDX-License-Identifier: Apache-2.0
#include "cli/cli.hpp"

#include <fstream>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

#include "cli_support.hpp"

#include <mofcheck/version.hpp>

namespace mofcheck {
namespace {

using testing::CliRun;
using testing::run;

std::string example(const char* name) {
  return std::string(MOFCHECK_SOURCE_DIR) + "/data/examples/" + name;
}

TEST(Cli, VersionNamesTheReleaseTheDefinitionAndTheLicenseList) {
  CliRun r = run({"--version"});
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out.rfind(std::string("mof-check ") + version +
                            " (Model Openness Framework 1.0, SPDX license list ",
                        0),
            0u)
      << r.out;
}

TEST(Cli, CheckIsTheDefaultCommand) {
  CliRun implicit = run({example("aurora-7b.json")});
  CliRun explicit_form = run({"check", example("aurora-7b.json")});
  EXPECT_EQ(implicit.code, 0);
  EXPECT_EQ(implicit.out, explicit_form.out);
  EXPECT_NE(implicit.out.find("Verdict:  Class III - Open Model"), std::string::npos);
}

TEST(Cli, MinClassGatesTheExitCode) {
  EXPECT_EQ(run({"--min-class", "III", example("aurora-7b.json")}).code, 0);
  EXPECT_EQ(run({"--min-class", "2", example("aurora-7b.json")}).code, 1);
  EXPECT_EQ(run({"--min-class", "iii", example("openwashed-70b.json")}).code, 1);
  EXPECT_EQ(run({"--min-class", "I", example("open-science-1b.yml")}).code, 0);
}

TEST(Cli, MissingFileIsExitTwoWithOneLine) {
  CliRun r = run({"check", "/nonexistent/m.json"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "mof-check: error: /nonexistent/m.json: cannot read: No such file or directory\n");
}

TEST(Cli, WorstExitCodeWins) {
  EXPECT_EQ(run({"--min-class", "II", example("aurora-7b.json"), "/nonexistent"}).code, 2);
}

TEST(Cli, UsageErrorsAreExitTwo) {
  EXPECT_EQ(run({"check", "--format", "pdf", example("aurora-7b.json")}).code, 2);
  EXPECT_EQ(run({"check", "--min-class", "IV", example("aurora-7b.json")}).code, 2);
  EXPECT_EQ(run({"check"}).code, 2);
}

TEST(Cli, HelpListsExitCodes) {
  CliRun r = run({"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Exit codes:"), std::string::npos);
}

TEST(Cli, ComponentsListsTheLoadedDefinition) {
  CliRun r = run({"components", "--profile", "spdx"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("Class II - Open Tooling\n  Training code"), std::string::npos) << r.out;
  // Under the default profile the classes carry the MOT's labels.
  EXPECT_NE(run({"components"}).out.find("Class II - Open Tooling Model\n  Training code"),
            std::string::npos);
}

TEST(Cli, BadFrameworkFileIsExitTwoWithPosition) {
  std::string path = ::testing::TempDir() + "/bad-framework.yaml";
  std::ofstream(path)
      << "framework: {name: X, version: '1'}\nclasses: [{level: 9}]\ncomponents: 3\n";
  CliRun r = run({"check", "--framework", path, example("aurora-7b.json")});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "mof-check: error: " + path + ":3:13: 'components' must be a list, not a string\n");
}

}  // namespace
}  // namespace mofcheck
