// SPDX-License-Identifier: Apache-2.0
// Shell completion scripts (bash, zsh, fish) generated from the CLI11
// definition itself: its subcommands, their options, the values IsMember
// allows, and which arguments are files or folders. So the scripts cannot
// drift from the command line. Private to the CLI.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace mofcheck {

/// What completes after an option or as a positional argument.
enum class ArgKind {
  none,       ///< a flag: nothing follows
  free,       ///< a value with no list (a name, a number)
  choice,     ///< one of `values`
  file,       ///< a path to a file
  directory,  ///< a path to a folder
};

struct OptionSpec {
  std::vector<std::string> names;  ///< "-f", "--format", in the definition's order
  std::string help;                ///< its first sentence
  ArgKind kind = ArgKind::none;
  std::vector<std::string> values;  ///< for choice
  bool repeatable = false;          ///< may be given more than once
};

struct CommandSpec {
  std::string name;  ///< empty for the program itself
  std::string help;
  std::vector<OptionSpec> options;
  ArgKind positional = ArgKind::none;  ///< what its positional arguments are
};

/// The program and its visible subcommands (hidden ones, in group "", are
/// left out). `default_command` names the subcommand that runs when the
/// first word is not a subcommand ("mof-check FILE" is "mof-check check
/// FILE"): its options and arguments complete at the top level too.
struct CompletionSpec {
  std::string program;
  std::string default_command;
  CommandSpec top;
  std::vector<CommandSpec> commands;
};

/// Reads the definition. The kind of an argument comes from its type name:
/// FILE, OLD and NEW are files; DIR and ROOT are folders; an IsMember check
/// gives the choices.
CompletionSpec describe_cli(const CLI::App& app, const std::string& default_command);

/// The completion script for `shell` ("bash", "zsh", "fish").
std::string completion_script(const CompletionSpec& spec, const std::string& shell);

/// The shells completion_script() knows.
const std::vector<std::string>& completion_shells();

}  // namespace mofcheck
