// SPDX-License-Identifier: Apache-2.0
// The README says what the tool does: its usage block, option tables and
// format table are compared with --help and the report formats, and the
// pre-commit pattern with init's default file names.
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include <mofcheck/report.hpp>

#include "cli_support.hpp"

namespace mofcheck {
namespace {

using testing::run;

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string readme() {
  return slurp(std::string(MOFCHECK_SOURCE_DIR) + "/README.md");
}

// The lines of the block that starts after the line `heading` (up to a blank line).
std::vector<std::string> block_after(const std::string& text, const std::string& heading) {
  std::vector<std::string> lines;
  auto at = text.find("\n" + heading + "\n");
  if (at == std::string::npos) return lines;
  std::istringstream in(text.substr(at + heading.size() + 2));
  std::string line;
  while (std::getline(in, line) && line.empty()) {
  }
  do {
    if (line.empty()) break;
    lines.push_back(line);
  } while (std::getline(in, line));
  return lines;
}

std::set<std::string> long_options(const std::string& text) {
  std::set<std::string> names;
  std::regex option("--[a-z][a-z-]*");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), option);
       it != std::sregex_iterator(); ++it) {
    names.insert(it->str());
  }
  return names;
}

// The options --help lists (its left column), without --help itself.
std::set<std::string> help_options(const std::string& command) {
  std::set<std::string> names;
  std::istringstream in(run({"help", command}).out);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  -", 0) != 0) continue;
    for (const auto& n : long_options(line.substr(0, line.find("  ", 2)))) names.insert(n);
  }
  names.erase("--help");
  return names;
}

// The first cells of a markdown table.
std::string first_cells(const std::vector<std::string>& table) {
  std::string cells;
  for (const auto& row : table) {
    if (row.rfind("| ", 0) != 0 || row.rfind("| ---", 0) == 0) continue;
    cells += row.substr(2, row.find(" | ", 2) - 2) + "\n";
  }
  return cells;
}

TEST(Readme, UsageBlockListsEveryCommand) {
  std::set<std::string> listed;
  for (const auto& line : block_after(readme(), "## Usage")) {
    std::istringstream words(line);
    std::string tool, command;
    words >> tool >> command;
    if (command == "[check]") command = "check";
    listed.insert(command);
  }
  std::set<std::string> commands;
  std::istringstream in(run({"help"}).out);
  bool in_list = false;
  for (std::string line; std::getline(in, line);) {
    if (line == "Subcommands:") in_list = true;
    if (in_list && line.empty()) break;
    if (in_list && line.rfind("  ", 0) == 0 && line[2] != ' ') {
      commands.insert(line.substr(2, line.find(' ', 2) - 2));
    }
  }
  EXPECT_EQ(listed, commands);
}

TEST(Readme, CheckOptionTableMatchesHelp) {
  auto table = block_after(readme(), "Options of `check`:");
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(long_options(first_cells(table)), help_options("check"));
}

TEST(Readme, CommonOptionsAreThoseOfEveryOtherCommand) {
  auto table = block_after(readme(), "Options of every other command that prints:");
  ASSERT_FALSE(table.empty());
  std::set<std::string> common = long_options(first_cells(table));
  EXPECT_FALSE(common.empty());
  for (const char* command :
       {"components", "license", "licenses", "fix", "init", "scan", "diff", "badge"}) {
    std::set<std::string> options = help_options(command);
    for (const auto& o : common) EXPECT_TRUE(options.count(o)) << command << " lacks " << o;
  }
}

TEST(Readme, FormatTableListsEveryReportFormat) {
  auto table = block_after(
      readme(), "(see Exit codes), and the reports put the reason where reviewers look.");
  std::set<std::string> listed;
  std::regex name("`([a-z]+)`");
  std::string cells = first_cells(table);
  for (auto it = std::sregex_iterator(cells.begin(), cells.end(), name);
       it != std::sregex_iterator(); ++it) {
    listed.insert((*it)[1]);
  }
  std::set<std::string> formats(report_formats().begin(), report_formats().end());
  EXPECT_EQ(listed, formats);
}

TEST(Readme, PreCommitPatternCoversTheDefaultNames) {
  std::string hooks = slurp(std::string(MOFCHECK_SOURCE_DIR) + "/.pre-commit-hooks.yaml");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(hooks, m, std::regex("files: '([^']+)'")));
  std::regex files(m[1].str());
  for (const char* name : {"mof-manifest.json", "mof-manifest.yaml", "sub/mof.json",
                           "model.mof.yaml", "models/x-mof.yml"}) {
    EXPECT_TRUE(std::regex_search(name, files)) << name;
  }
  for (const char* name : {"package.json", "mof.json.bak", "nomof.json"}) {
    EXPECT_FALSE(std::regex_search(name, files)) << name;
  }
}

}  // namespace
}  // namespace mofcheck
