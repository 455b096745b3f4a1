// SPDX-License-Identifier: Apache-2.0
// Subcommands of the CLI: one options struct, one setup_* and one run_* each
// (cmd_<name>.cpp). Private to the library.
#pragma once

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
};

/// --framework, --licenses and --profile, shared by the commands that judge.
struct DataOptions {
  std::string framework_file;
  std::string licenses_file;
  std::string profile;  ///< --profile; empty: the configuration's, else mot
};
void add_data_options(CLI::App& app, DataOptions& opts);

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
  std::string color = "auto";
  int strict = 0;  ///< > 0: --strict, < 0: --no-strict, 0: as the configuration says
  std::vector<std::string> require;   ///< --require COMPONENT (replaces the configuration's list)
  std::string config;                 ///< --config FILE; empty: ./.mof-check.yaml if present
  std::vector<std::string> outputs;   ///< --output FORMAT=PATH
  std::string paths_root;             ///< --paths ROOT: verify local paths under ROOT
  ReadLimits limits;                  ///< --max-input-size, --max-depth, ...
  std::vector<std::string> excludes;  ///< --exclude GLOB (directory search)
  std::string input_format = "auto";  ///< --input-format: how an input splits into records
  unsigned jobs = 0;                  ///< --jobs; 0: one per core
  bool fail_fast = false;             ///< --fail-fast: stop at the first failing input
  bool summary_only = false;          ///< --summary-only (text)
};
void setup_check(CLI::App& app, CheckOptions& opts);
int run_check(const CheckOptions& opts, Context& ctx);

struct InitOptions {
  DataOptions data;
  std::string file;  ///< empty: mof-manifest.json (or .yaml); "-": standard output
  bool yaml = false;
  std::string name, producer, license;
  bool force = false;
};
void setup_init(CLI::App& app, InitOptions& opts);
int run_init(const InitOptions& opts, Context& ctx);

struct ScanOptions {
  DataOptions data;
  std::string dir;
  std::string output;  ///< -o FILE: the draft's file; empty: printed
  bool yaml = false;
  std::string format = "text";
  std::string name, producer;
};
void setup_scan(CLI::App& app, ScanOptions& opts);
int run_scan(const ScanOptions& opts, Context& ctx);

struct ComponentsOptions {
  DataOptions data;
  std::string format = "text";
};
void setup_components(CLI::App& app, ComponentsOptions& opts);
int run_components(const ComponentsOptions& opts, Context& ctx);

/// Reads and evaluates one manifest ('-' is standard input). Throws Error.
Evaluation evaluate_input(const std::string& path, const Knowledge& knowledge);

struct DiffOptions {
  DataOptions data;
  std::string old_file, new_file;
  std::string format = "text";
  bool fail_on_downgrade = false;
};
void setup_diff(CLI::App& app, DiffOptions& opts);
int run_diff(const DiffOptions& opts, Context& ctx);

struct BadgeOptions {
  DataOptions data;
  std::string input;
  std::string format = "svg";
  std::string output;  ///< -o FILE, written atomically; empty: standard output
  std::string label = "MOF";
};
void setup_badge(CLI::App& app, BadgeOptions& opts);
int run_badge(const BadgeOptions& opts, Context& ctx);

struct LicenseOptions {
  DataOptions data;
  std::string expression;
  std::string format = "text";
};
void setup_license(CLI::App& app, LicenseOptions& opts);
/// Exit 0 when the expression is open, 1 when it is not.
int run_license(const LicenseOptions& opts, Context& ctx);

struct LicensesOptions {
  DataOptions data;
  std::string type;  ///< --type: only licenses suited to it
  bool open_only = false;
  bool known = false;  ///< --known: the recognised non-open licenses instead
  std::string format = "text";
};
void setup_licenses(CLI::App& app, LicensesOptions& opts);
int run_licenses(const LicensesOptions& opts, Context& ctx);

struct FixOptions {
  DataOptions data;
  std::string input;
  std::string output;  ///< -o FILE; empty: standard output (or the input with --in-place)
  bool in_place = false;
};
void setup_fix(CLI::App& app, FixOptions& opts);
int run_fix(const FixOptions& opts, Context& ctx);

}  // namespace mofcheck
