// SPDX-License-Identifier: Apache-2.0
// The CLI contract every subcommand keeps: nothing printed is lost, -o FILE
// and '-' mean the same everywhere, existing files are replaced only with
// --force, usage errors suggest, and an output file never outlives a signal
// half-written.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

#include "cli/atomic_file.hpp"
#include "cli/cli.hpp"
#include "cli/fd_stream.hpp"
#include "cli_support.hpp"

namespace mofcheck {
namespace {

namespace fs = std::filesystem;
using testing::CliRun;
using testing::run;

std::string example(const char* name) {
  return std::string(MOFCHECK_SOURCE_DIR) + "/data/examples/" + name;
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("mofcheck-contract-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
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

// run_cli with standard output on a file descriptor, as main() runs it.
CliRun run_on_fd(int fd, std::vector<std::string> args) {
  args.insert(args.begin(), "mof-check");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());
  FdStreamBuf buf(fd);
  std::ostream out(&buf);
  std::ostringstream err;
  int code = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, "", err.str()};
}

// Pieces smaller than, equal to and larger than the buffer, crossing its
// end at every offset: the bytes arrive whole and in order.
TEST(CliContract, BufferedStandardOutputKeepsEveryByteInOrder) {
  TempDir dir;
  const std::string path = dir.file("out.txt");
  std::string expected;
  {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(fd, 0);
    FdStreamBuf buf(fd, 16);
    std::ostream out(&buf);
    for (std::size_t n : {1, 3, 15, 16, 17, 5, 31, 32, 33, 2, 40, 7, 16, 9}) {
      std::string piece;
      for (std::size_t i = 0; i < n; ++i)
        piece += static_cast<char>('a' + (expected.size() + i) % 26);
      out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      expected += piece;
    }
    out.flush();
    EXPECT_TRUE(out.good());
    ::close(fd);
  }
  EXPECT_EQ(slurp(path), expected);
}

// With several jobs the reports of a batch go out as one text, most of it
// straight to the file descriptor: the same bytes, errors in their place,
// as one job writing report after report into the buffer.
TEST(CliContract, BatchesOfReportsReachTheFileDescriptorInOrder) {
  TempDir dir;
  std::string line = slurp(example("aurora-7b.json"));
  for (char& c : line) c = c == '\n' ? ' ' : c;
  {
    std::ofstream stream(dir.file("stream.jsonl"));
    for (int i = 0; i < 300; ++i) stream << (i % 47 == 3 ? "{\"release\": [" : line) << '\n';
  }
  for (const char* format : {"jsonl", "csv", "json"}) {
    std::string outputs[2];
    int codes[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
      const std::string path = dir.file("out-" + std::to_string(i));
      int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ASSERT_GE(fd, 0);
      codes[i] = run_on_fd(fd, {"--format", format, "--jobs", i == 0 ? "1" : "2",
                                dir.file("stream.jsonl")})
                     .code;
      ::close(fd);
      outputs[i] = slurp(path);
    }
    EXPECT_EQ(codes[0], exit_invalid) << format;
    EXPECT_EQ(codes[1], codes[0]) << format;
    EXPECT_GT(outputs[0].size(), 20000u) << format;
    EXPECT_TRUE(outputs[1] == outputs[0]) << format;
  }
}

TEST(CliContract, AFullDiskOnStandardOutputIsExitTwoWithOneLine) {
  int fd = ::open("/dev/full", O_WRONLY);
  ASSERT_GE(fd, 0);
  for (const auto& args : std::vector<std::vector<std::string>>{
           {example("aurora-7b.json")},
           {"-f", "json", example("aurora-7b.json"), example("openwashed-70b.json")},
           {"licenses"},
           {"help", "check"}}) {
    CliRun r = run_on_fd(fd, args);
    EXPECT_EQ(r.code, exit_invalid) << args[0];
    EXPECT_EQ(r.err, "mof-check: error: <stdout>: cannot write: No space left on device\n")
        << args[0];
  }
  ::close(fd);
}

TEST(CliContract, AClosedPipeEndsQuietly) {
  // As main() does: a closed pipe is EPIPE from write(2), not a signal.
  struct sigaction ignore {
  }, old{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &old);
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::close(fds[0]);
  CliRun r = run_on_fd(fds[1], {"licenses"});
  ::close(fds[1]);
  ::sigaction(SIGPIPE, &old, nullptr);
  EXPECT_EQ(r.code, exit_broken_pipe);
  EXPECT_EQ(r.err, "");
}

TEST(CliContract, ASignalDuringAWriteLeavesNoTemporaryFile) {
  TempDir dir;
  std::string tmp = dir.file(".report.sarif.tmp-123456");
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    remove_temporary_file_on_signal();
    std::ofstream(tmp) << "half a report";
    PendingTemporaryFile pending(tmp);
    ::raise(SIGTERM);
    ::_exit(0);  // not reached
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGTERM);  // the signal still ends the process
  EXPECT_FALSE(fs::exists(tmp));
}

// Every subcommand that prints, with arguments that succeed.
std::vector<std::vector<std::string>> printing_commands() {
  return {{"check", example("aurora-7b.json")},
          {"components"},
          {"license", "MIT"},
          {"licenses", "--open"},
          {"fix", example("aurora-7b.json")},
          {"init", "--name", "T"},
          {"scan", std::string(MOFCHECK_SOURCE_DIR) + "/tests/cli/scan-hf-layout/repo"},
          {"diff", example("aurora-7b.json"), example("openwashed-70b.json")},
          {"badge", example("aurora-7b.json")}};
}

TEST(CliContract, DashIsStandardOutputForEverySubcommand) {
  for (const auto& args : printing_commands()) {
    auto dash_args = args;
    dash_args.push_back("-o");
    dash_args.push_back("-");
    CliRun dash = run(dash_args);
    EXPECT_EQ(dash.code, 0) << args[0] << ": " << dash.err;
    EXPECT_FALSE(dash.out.empty()) << args[0];
    // init alone writes mof-manifest.json; the others print by default.
    if (args[0] != "init") {
      EXPECT_EQ(dash.out, run(args).out) << args[0];
    }
  }
}

TEST(CliContract, OutputFilesAreReplacedOnlyWithForce) {
  TempDir dir;
  for (auto args : printing_commands()) {
    std::string target = dir.file(args[0] + ".out");
    std::ofstream(target) << "made by hand\n";
    auto with_o = args;
    with_o.push_back("-o");
    with_o.push_back(target);
    CliRun refused = run(with_o);
    EXPECT_EQ(refused.code, exit_invalid) << args[0];
    EXPECT_EQ(refused.err,
              "mof-check: error: -o " + target + ": the file exists; pass --force to replace it\n")
        << args[0];
    EXPECT_EQ(slurp(target), "made by hand\n") << args[0];
    with_o.push_back("--force");
    CliRun forced = run(with_o);
    EXPECT_EQ(forced.code, 0) << args[0] << ": " << forced.err;
    EXPECT_NE(slurp(target), "made by hand\n") << args[0];
  }
  // No temporary file is left behind by any of them.
  for (const auto& e : fs::directory_iterator(dir.path)) {
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  }
}

TEST(CliContract, CheckWritesItsMainReportWithMinusO) {
  TempDir dir;
  std::string report = dir.file("r.json");
  CliRun r = run({"check", "-f", "json", example("aurora-7b.json"), "-o", report});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(slurp(report), run({"check", "-f", "json", example("aurora-7b.json")}).out);
}

TEST(CliContract, ColourFollowsTermAndNoColor) {
  auto coloured = [](const char* term, const char* no_color, const char* flag) {
    std::vector<const char*> argv{"mof-check", "check", "--color", flag};
    std::string file = example("aurora-7b.json");
    argv.push_back(file.c_str());
    ::setenv("TERM", term, 1);
    ::setenv("NO_COLOR", no_color, 1);
    std::ostringstream out, err;
    run_cli(static_cast<int>(argv.size()), argv.data(), out, err, true);
    ::unsetenv("TERM");
    ::unsetenv("NO_COLOR");
    return out.str().find('\033') != std::string::npos;
  };
  EXPECT_TRUE(coloured("xterm", "", "auto"));
  EXPECT_FALSE(coloured("dumb", "", "auto"));
  EXPECT_FALSE(coloured("xterm", "1", "auto"));
  EXPECT_TRUE(coloured("dumb", "1", "always"));
  EXPECT_FALSE(coloured("xterm", "", "never"));
}

TEST(CliContract, UsageErrorsSuggestAndCarryThePrefix) {
  CliRun command = run({"lisence", "MIT"});
  EXPECT_EQ(command.code, exit_invalid);
  EXPECT_EQ(command.err,
            "mof-check: error: 'lisence' is neither a command nor a file; did you mean "
            "'license'? (run 'mof-check help')\n");
  CliRun flag = run({"check", "--formt", "json", "x.json"});
  EXPECT_EQ(flag.code, exit_invalid);
  EXPECT_EQ(flag.err.rfind("mof-check: error: ", 0), 0u) << flag.err;
  EXPECT_NE(flag.err.find("did you mean --format?"), std::string::npos) << flag.err;
  // Every CLI11 error, too.
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"check"}, {"check", "--min-class", "IV", "x"}, {"diff", "a"}, {"-o"}}) {
    CliRun r = run(args);
    EXPECT_EQ(r.code, exit_invalid) << args[0];
    EXPECT_EQ(r.err.rfind("mof-check: error: ", 0), 0u) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;  // one line
  }
}

// `mof-check FILE...` makes the check command without its options (none is
// on the command line); spelling out the defaults makes them all. Both runs
// print the same and exit the same, on every kind of input and on errors.
TEST(CliContract, FilesAloneRunAsWithTheDefaultOptionsSpelledOut) {
  TempDir dir;
  std::ofstream(dir.file("broken.json")) << "{\"release\": ";
  const std::vector<std::vector<std::string>> runs = {
      {example("aurora-7b.json")},
      {example("open-science-1b.yml")},
      {example("openwashed-70b.json"), example("aurora-7b.json")},
      {"check", example("openwashed-70b.json")},
      {dir.file("broken.json")},
      {dir.file("missing.json")},
      {"check"},
  };
  for (const auto& files : runs) {
    std::vector<std::string> spelt = {"--format", "text",    "--input-format",
                                      "auto",     "--color", "auto"};
    std::vector<std::string> args = files;
    auto at = args.begin() + (args.empty() || args[0] != "check" ? 0 : 1);
    args.insert(at, spelt.begin(), spelt.end());
    if (files.empty() || files[0] != "check") args.insert(args.begin(), "check");
    CliRun alone = run(files);
    CliRun with_options = run(args);
    EXPECT_EQ(alone.code, with_options.code) << files.back();
    EXPECT_EQ(alone.out, with_options.out) << files.back();
    EXPECT_EQ(alone.err, with_options.err) << files.back();
  }
}

TEST(CliContract, HelpAndHelpSubcommand) {
  CliRun all = run({"help"});
  EXPECT_EQ(all.code, 0);
  EXPECT_EQ(all.out, run({"--help"}).out);
  for (const char* sub :
       {"check", "components", "license", "licenses", "fix", "init", "scan", "diff", "badge"}) {
    CliRun h = run({"help", sub});
    EXPECT_EQ(h.code, 0) << sub;
    EXPECT_EQ(h.out, run({sub, "--help"}).out) << sub;
    EXPECT_NE(h.out.find(std::string("Usage: mof-check ") + sub), std::string::npos) << h.out;
    // No parser notation in help.
    for (const char* artifact : {"{", "TEXT:", "INT:", "UINT", "=PATH:", " ...", "REQUIRED"}) {
      EXPECT_EQ(h.out.find(artifact), std::string::npos) << sub << ": " << artifact << "\n"
                                                         << h.out;
    }
  }
  // Each subcommand shows its own exit codes.
  EXPECT_NE(run({"help", "license"}).out.find("1    the license is not open"), std::string::npos);
  EXPECT_EQ(run({"help", "components"}).out.find("gate"), std::string::npos);
}

TEST(CliContract, HelpWrapsToColumns) {
  ::setenv("COLUMNS", "50", 1);
  CliRun h = run({"help", "check"});
  ::unsetenv("COLUMNS");
  std::istringstream lines(h.out);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(line.size(), 50u) << line;
  }
}

TEST(CliContract, FixCheckExitsOneWhenTheFileWouldChange) {
  TempDir dir;
  std::string m = dir.file("m.json");
  std::ofstream(m) << R"({"release": {"name": "x", "license": {"distribution": {"name": "mit"}}}})";
  CliRun r = run({"fix", "--check", m});
  EXPECT_EQ(r.code, exit_gate_failed);
  EXPECT_NE(r.out.find("'mit' would become 'MIT'"), std::string::npos) << r.out;
  EXPECT_NE(slurp(m).find("\"mit\""), std::string::npos);  // nothing written
  ASSERT_EQ(run({"fix", "--in-place", m}).code, 0);
  EXPECT_EQ(run({"fix", "--check", m}).code, 0);
}

TEST(CliContract, InitLicenseIsInheritedAndChecked) {
  CliRun r = run({"init", "--name", "T", "--license", "Apache-2.0", "-o", "-"});
  ASSERT_EQ(r.code, 0) << r.err;
  TempDir dir;
  std::ofstream(dir.file("m.json")) << r.out;
  CliRun checked = run({"check", "-f", "json", dir.file("m.json")});
  EXPECT_NE(checked.out.find("\"class\": 1,"), std::string::npos) << checked.out;
  CliRun bad = run({"init", "--license", "Apache 2.0", "-o", "-"});
  EXPECT_EQ(bad.code, exit_invalid);
  EXPECT_EQ(bad.err,
            "mof-check: error: --license Apache 2.0: 'Apache 2.0' is not an SPDX id; did you "
            "mean Apache-2.0?\n");
}

TEST(CliContract, ScanPrintsOnlyTheDraftOnStandardOutput) {
  CliRun r = run({"scan", std::string(MOFCHECK_SOURCE_DIR) + "/tests/cli/scan-hf-layout/repo"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.front(), '{');
  EXPECT_EQ(r.out.find("Evidence"), std::string::npos);
  EXPECT_NE(r.err.find("Evidence in"), std::string::npos);
  EXPECT_NE(r.err.find("Verdict:"), std::string::npos);
}

}  // namespace
}  // namespace mofcheck
