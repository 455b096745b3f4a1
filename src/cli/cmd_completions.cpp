// SPDX-License-Identifier: Apache-2.0
// mof-check completions bash|zsh|fish: prints (or writes) the shell
// completion script made from the command-line definition. Hidden from
// --help; the build runs it to make the installed scripts.
#include <ostream>

#include "cli/cli.hpp"

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/completions.hpp"

namespace mofcheck {

void setup_completions(CLI::App& app, CompletionsOptions& opts) {
  app.group("");  // hidden: a build and packaging tool, not a user command
  app.add_option("shell", opts.shell, "Shell to write the completion script for")
      ->required()
      ->check(CLI::IsMember(completion_shells()));
  app.add_option("-o,--output", opts.output,
                 "Write to FILE (atomically) instead of standard output")
      ->type_name("FILE");
}

int run_completions(const CompletionsOptions& opts, const CLI::App& root, Context& ctx) {
  std::string script = completion_script(describe_cli(root, "check"), opts.shell);
  if (opts.output.empty()) {
    ctx.out << script;
    ctx.out.flush();
  } else {
    write_file_atomically(opts.output, script);
  }
  return exit_ok;
}

}  // namespace mofcheck
