// SPDX-License-Identifier: Apache-2.0
// Subcommands of the CLI: one options struct, one setup_* and one run_* each
// (cmd_<name>.cpp). Private to the library.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/framework.hpp>
#include <mofcheck/license.hpp>
#include <mofcheck/manifest.hpp>
#include <mofcheck/profile.hpp>

#include "cli/config.hpp"

namespace mofcheck {

/// Streams and environment of one run.
struct Context {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  bool color = false;     ///< --color, NO_COLOR and TERM=dumb applied
  std::size_t width = 0;  ///< columns text output wraps to (0: no wrapping)
};

/// -o/--output FILE and --force: the convention of every command that prints.
struct OutputOptions {
  std::string file;  ///< empty or "-": standard output
  bool force = false;
};
/// Adds -o/--output FILE and --force to `app`; `what` names what is written.
void add_output_options(CLI::App& app, OutputOptions& opts, const std::string& what);
/// Runs `body` with its standard output going where `opts` says: to
/// ctx.out, or collected and written atomically to the file once `body`
/// returns (also when it returns a gate failure; never after an exception).
/// Refuses an existing file without --force, and one of `inputs`.
int run_with_output(const OutputOptions& opts, const std::vector<std::string>& inputs, Context& ctx,
                    const std::function<int(Context&)>& body);

/// --framework, --licenses and --profile, shared by the commands that judge.
struct DataOptions {
  std::string framework_file;
  std::string licenses_file;
  std::string profile;  ///< --profile; empty: the configuration's, else mot
};
void add_data_options(CLI::App& app, DataOptions& opts);
/// -f/--format text|json, the output options and the data options: the
/// options of the commands that print the knowledge (components, licenses,
/// license); `what` names what they print.
void add_listing_options(CLI::App& app, std::string& format, OutputOptions& output,
                         DataOptions& data, const std::string& what);

/// --input-format auto|json|yaml, for the commands that read one manifest
/// per file: which syntax to read it in (auto: by the file's name, then by
/// content). `format` holds the name given.
void add_input_syntax_option(CLI::App& app, std::string& format);
/// The syntax `path` is read in, under --input-format `format`.
InputSyntax input_syntax_of(const std::string& format, const std::string& path);

/// The definition and license data a run uses: built in, or from files.
struct Knowledge {
  std::unique_ptr<Framework> own_framework;
  std::unique_ptr<LicenseDb> own_licenses;
  const Framework* framework = nullptr;  ///< under mot, with the MOT's class labels
  const LicenseDb* licenses = nullptr;
  Profile profile = Profile::mot;
};
/// Loads what `opts` names; `configured` is the configuration's profile
/// (used when --profile is not given). Throws Error.
Knowledge load_knowledge(const DataOptions& opts, const ConfigValue* configured = nullptr);

/// Prints "mof-check: error: <what>" to ctx.err.
void print_error(Context& ctx, const std::string& what);

struct CheckOptions {
  DataOptions data;
  std::vector<std::string> inputs;
  std::string format = "text";
  std::string min_class;
  std::string fail_on;  ///< --fail-on error|warning (--strict: warning); empty: as configured
  std::vector<std::string> require;   ///< --require COMPONENT (replaces the configuration's list)
  std::string config;                 ///< --config FILE; empty: ./.mof-check.yaml if present
  bool no_config = false;             ///< --no-config: no configuration file at all
  std::vector<std::string> outputs;   ///< --output FORMAT=PATH
  OutputOptions main_output;          ///< -o FILE: the --format report to FILE
  std::string paths_root;             ///< --paths ROOT: verify local paths under ROOT
  bool verify_licenses = false;       ///< --verify-licenses: claims against the texts under ROOT
  ReadLimits limits;                  ///< --max-input-size, --max-depth, ...
  std::vector<std::string> excludes;  ///< --exclude GLOB (directory search)
  std::string input_format = "auto";  ///< --input-format: how an input splits into records
  unsigned jobs = 0;                  ///< --jobs; 0: one per core
  bool fail_fast = false;             ///< --fail-fast: stop at the first failing input
  bool summary_only = false;          ///< --summary-only (text)
};
void setup_check(CLI::App& app, CheckOptions& opts);
/// The part of setup_check() a command line without options needs: its
/// FILE... (the options must set nothing unless given: no default_val, no
/// envname, so that leaving them out changes no value).
void setup_check_files(CLI::App& app, CheckOptions& opts);
int run_check(const CheckOptions& opts, Context& ctx);

struct InitOptions {
  DataOptions data;
  std::string file;      ///< positional FILE, the same as -o FILE
  OutputOptions output;  ///< empty file: mof-manifest.json (or .yaml); "-": standard output
  bool yaml = false;
  std::string name, producer, license;
};
void setup_init(CLI::App& app, InitOptions& opts);
int run_init(const InitOptions& opts, Context& ctx);

struct ScanOptions {
  DataOptions data;
  std::string dir;
  OutputOptions output;  ///< -o FILE: the draft's file; empty or "-": standard output
  bool yaml = false;
  std::string format = "text";
  std::string name, producer;
};
void setup_scan(CLI::App& app, ScanOptions& opts);
int run_scan(const ScanOptions& opts, Context& ctx);

struct ComponentsOptions {
  DataOptions data;
  OutputOptions output;
  std::string format = "text";
};
void setup_components(CLI::App& app, ComponentsOptions& opts);
int run_components(const ComponentsOptions& opts, Context& ctx);

/// Reads and evaluates one manifest ('-' is standard input) in the syntax
/// --input-format `format` gives it. Throws Error.
Evaluation evaluate_input(const std::string& path, const Knowledge& knowledge,
                          const std::string& format);

struct DiffOptions {
  DataOptions data;
  std::string old_file, new_file;
  std::string format = "text";
  std::string input_format = "auto";  ///< --input-format auto|json|yaml
  OutputOptions output;
  bool fail_on_downgrade = false;
};
void setup_diff(CLI::App& app, DiffOptions& opts);
int run_diff(const DiffOptions& opts, Context& ctx);

struct BadgeOptions {
  DataOptions data;
  std::string input;
  std::string format = "svg";
  std::string input_format = "auto";  ///< --input-format auto|json|yaml
  OutputOptions output;  ///< -o FILE, written atomically; empty or "-": standard output
  std::string label = "MOF";
};
void setup_badge(CLI::App& app, BadgeOptions& opts);
int run_badge(const BadgeOptions& opts, Context& ctx);

struct LicenseOptions {
  DataOptions data;
  std::string expression;
  std::string file;  ///< --file PATH: identify the license text in PATH instead
  std::string format = "text";
  OutputOptions output;
};
void setup_license(CLI::App& app, LicenseOptions& opts);
/// Exit 0 when the expression is open, 1 when it is not. With --file: exit 0
/// when the text is confidently one or more open licenses and nothing more.
int run_license(const LicenseOptions& opts, Context& ctx);

struct LicensesOptions {
  DataOptions data;
  std::string type;  ///< --type: only licenses suited to it
  bool open_only = false;
  bool known = false;  ///< --known: the recognised non-open licenses instead
  std::string format = "text";
  OutputOptions output;
};
void setup_licenses(CLI::App& app, LicensesOptions& opts);
int run_licenses(const LicensesOptions& opts, Context& ctx);

struct FixOptions {
  DataOptions data;
  std::vector<std::string> inputs;  ///< several only with --check or --in-place
  OutputOptions output;  ///< -o FILE; empty or "-": standard output (or the input with --in-place)
  bool in_place = false;
  bool check = false;                 ///< --check: write nothing; exit 1 when the file would change
  std::string input_format = "auto";  ///< --input-format auto|json|yaml
};
void setup_fix(CLI::App& app, FixOptions& opts);
int run_fix(const FixOptions& opts, Context& ctx);

/// mof-check completions SHELL: hidden; the script completes the commands
/// and options of `root`, the whole command line.
struct CompletionsOptions {
  std::string shell;
  std::string output;  ///< -o FILE, written atomically; empty: standard output
};
void setup_completions(CLI::App& app, CompletionsOptions& opts);
int run_completions(const CompletionsOptions& opts, const CLI::App& root, Context& ctx);

}  // namespace mofcheck
