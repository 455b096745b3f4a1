// SPDX-License-Identifier: Apache-2.0
// Argument parsing and dispatch. Each subcommand lives in cmd_<name>.cpp.
#include "cli/cli.hpp"

#include <algorithm>
#include <ostream>

#include <mofcheck/version.hpp>

#include <mofcheck/report.hpp>

#include "cli/commands.hpp"

namespace mofcheck {

namespace {

constexpr const char* exit_code_help =
    "Exit codes:\n"
    "  0  evaluated, and every gate passed\n"
    "  1  evaluated, but a gate failed (e.g. --min-class)\n"
    "  2  usage error, or an input that is invalid or unreadable\n";

std::string version_text() {
  std::string s = std::string("mof-check ") + version;
  try {
    s += " (" + builtin_framework().name + " " + builtin_framework().version +
         ", SPDX license list " + LicenseDb::builtin().list_version() + ")";
  } catch (const Error&) {
    // Built-in data is checked by the tests; --version must still answer.
  }
  return s;
}

bool is_subcommand(const CLI::App& app, const std::string& word) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == word) return true;
  }
  return false;
}

}  // namespace

void add_data_options(CLI::App& app, DataOptions& opts) {
  app.add_option("--framework", opts.framework_file,
                 "Framework definition (YAML) to judge by instead of the built-in MOF 1.0")
      ->type_name("FILE");
  app.add_option("--licenses", opts.licenses_file,
                 "License knowledge base (JSON) instead of the built-in one")
      ->type_name("FILE");
  app.add_option("--profile", opts.profile,
                 "Whose judgement: mot (the Model Openness Tool's, exact names; the default) or "
                 "spdx (SPDX semantics: any case, expressions, OSI/FSF/MOF data)")
      ->check(CLI::IsMember({"mot", "spdx"}))
      ->type_name("mot|spdx");
}

Knowledge load_knowledge(const DataOptions& opts, const ConfigValue* configured) {
  Knowledge k;
  if (!opts.profile.empty()) {
    k.profile = *parse_profile(opts.profile);
  } else if (configured) {
    auto p = parse_profile(configured->value);
    if (!p) throw Error(configured->where, "profile: '" + configured->value + "' is not a profile");
    k.profile = *p;
  }
  if (opts.framework_file.empty() && k.profile == Profile::spdx) {
    k.framework = &builtin_framework();
  } else {
    k.own_framework = std::make_unique<Framework>(
        opts.framework_file.empty()
            ? builtin_framework()
            : parse_framework(read_input(opts.framework_file), opts.framework_file));
    if (k.profile == Profile::mot) {
      // Reports under mot name the classes as the MOT does.
      for (ClassDef& c : k.own_framework->classes) {
        const std::string& label = MotRules::builtin().label(c.level);
        if (!label.empty()) c.label = label;
      }
    }
    k.framework = k.own_framework.get();
  }
  if (opts.licenses_file.empty()) {
    k.licenses = &LicenseDb::builtin();
  } else {
    k.own_licenses = std::make_unique<LicenseDb>(
        LicenseDb::parse(read_input(opts.licenses_file), opts.licenses_file));
    k.licenses = k.own_licenses.get();
  }
  return k;
}

void print_error(Context& ctx, const std::string& what) {
  ctx.err << "mof-check: error: " << terminal_safe(what) << '\n';
}

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
            bool out_is_terminal) {
  Context ctx{out, err, out_is_terminal};
  CLI::App app{
      "mof-check: how open is an AI model release? Scores a model's component "
      "manifest against the Model Openness Framework (MOF) and prints its class.",
      "mof-check"};
  app.set_version_flag("--version", version_text);
  app.footer(std::string("Run 'mof-check FILE...' (same as 'mof-check check FILE...').\n\n") +
             exit_code_help);
  app.require_subcommand(0, 1);

  CheckOptions check;
  setup_check(*app.add_subcommand("check", "Evaluate manifests (the default command)"), check);
  ComponentsOptions components;
  setup_components(*app.add_subcommand("components", "List the components of the definition"),
                   components);
  LicenseOptions license;
  setup_license(*app.add_subcommand("license", "Explain a license id or SPDX expression"), license);
  LicensesOptions licenses;
  setup_licenses(*app.add_subcommand("licenses", "List the license knowledge base"), licenses);
  FixOptions fix;
  setup_fix(*app.add_subcommand("fix", "Rewrite a manifest's licenses as canonical SPDX ids"), fix);
  InitOptions init;
  setup_init(*app.add_subcommand("init", "Write a manifest template to fill in"), init);
  ScanOptions scan;
  setup_scan(*app.add_subcommand("scan", "Draft a manifest from a model repository checkout"),
             scan);

  DiffOptions diff;
  setup_diff(*app.add_subcommand("diff", "Compare two manifests: class and component changes"),
             diff);
  BadgeOptions badge;
  setup_badge(*app.add_subcommand("badge", "Write an SVG badge of a manifest's class"), badge);

  // "mof-check FILE..." means "mof-check check FILE...".
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  if (!args.empty() && args[0] != "--help" && args[0] != "-h" && args[0] != "--version" &&
      !is_subcommand(app, args[0])) {
    args.insert(args.begin(), "check");
  }
  std::reverse(args.begin(), args.end());  // CLI11 takes the arguments reversed

  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e, out, err);
    return code == 0 ? exit_ok : exit_invalid;
  }

  try {
    if (app.got_subcommand("components")) return run_components(components, ctx);
    if (app.got_subcommand("license")) return run_license(license, ctx);
    if (app.got_subcommand("licenses")) return run_licenses(licenses, ctx);
    if (app.got_subcommand("fix")) return run_fix(fix, ctx);
    if (app.got_subcommand("init")) return run_init(init, ctx);
    if (app.got_subcommand("scan")) return run_scan(scan, ctx);
    if (app.got_subcommand("diff")) return run_diff(diff, ctx);
    if (app.got_subcommand("badge")) return run_badge(badge, ctx);
    if (app.got_subcommand("check")) return run_check(check, ctx);
    out << app.help();
    return exit_invalid;
  } catch (const Error& e) {
    print_error(ctx, e.what());
    return exit_invalid;
  } catch (const std::exception& e) {
    print_error(ctx, std::string("internal error: ") + e.what());
    return exit_invalid;
  }
}

}  // namespace mofcheck
