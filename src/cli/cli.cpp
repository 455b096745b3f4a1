// SPDX-License-Identifier: Apache-2.0
// Argument parsing and dispatch. Each subcommand lives in cmd_<name>.cpp.
// Usage errors are one "mof-check: error:" line with a suggestion when a
// word is near a known one; help is CLI11's, drawn by HelpFormatter.
#include "cli/cli.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include <mofcheck/report.hpp>
#include <mofcheck/version.hpp>

#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "cli/fd_stream.hpp"
#include "cli/flag_hints.hpp"
#include "cli/help_format.hpp"
#include "cli/output_guard.hpp"
#include "framework/builtin_tables.hpp"
#include "manifest/record_stream.hpp"
#include "report/wrap.hpp"
#include "util/text_util.hpp"

namespace mofcheck {

namespace {

// The lines every subcommand's exit-code table shares.
constexpr const char* exit_usage =
    "  2    usage error, an input that is invalid or unreadable, or output that could not be "
    "written\n"
    "  141  standard output was closed early (e.g. by 'head'); nothing more is printed\n";

std::string exit_codes(const std::string& own) {
  return "Exit codes:\n" + own + exit_usage;
}

// Read from the built-in tables directly: --version builds no knowledge base.
std::string version_text() {
  return std::string("mof-check ") + version + " (" + std::string(builtin::kFramework.name) + " " +
         std::string(builtin::kFramework.version) + ", SPDX license list " +
         std::string(builtin::kLicenses.list_version) + ")";
}

std::vector<const CLI::App*> subcommands_of(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

const CLI::App* find_subcommand(const CLI::App& app, const std::string& word) {
  for (const CLI::App* sub : subcommands_of(app)) {
    if (sub->get_name() == word) return sub;
  }
  return nullptr;
}

// The closest name within a small edit distance, or "".
std::string nearest(const std::string& word, const std::vector<std::string>& names) {
  std::string best;
  std::size_t best_distance = word.size() < 5 ? 1 : 2;
  for (const auto& name : names) {
    std::size_t d = text::edit_distance(word, name);
    if (d <= best_distance && (best.empty() || d < best_distance)) {
      best = name;
      best_distance = d;
    }
  }
  return best;
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : subcommands_of(app)) names.push_back(sub->get_name());
  return names;
}

// "--name" spellings of the options of `app`.
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
  }
  return names;
}

// A suggestion for the first "--word" the command does not know.
std::string suggest_option(const CLI::App& command, const std::vector<std::string>& args) {
  std::vector<std::string> known = option_names(command);
  for (const auto& arg : args) {
    if (arg.rfind("--", 0) != 0 || arg.size() < 3) continue;
    std::string name = arg.substr(0, arg.find('='));
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    std::string near = nearest(name, known);
    if (!near.empty()) return "; did you mean " + near + "?";
  }
  return {};
}

void add_color_option(CLI::App& app, std::string& color) {
  app.add_option("--color", color,
                 "Colour in text output: auto (a terminal, unless NO_COLOR is set or TERM is "
                 "dumb), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN")
      ->capture_default_str();
}

bool use_color(const std::string& choice, bool out_is_terminal) {
  if (choice != "auto") return choice == "always";
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return out_is_terminal && (no_color == nullptr || *no_color == '\0') &&
         (term == nullptr || std::string_view(term) != "dumb");
}

// The parsed subcommand, or the application itself.
const CLI::App& chosen(const CLI::App& app) {
  for (const CLI::App* sub : subcommands_of(app)) {
    if (sub->parsed()) return *sub;
  }
  return app;
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

void add_listing_options(CLI::App& app, std::string& format, OutputOptions& output,
                         DataOptions& data, const std::string& what) {
  app.add_option("-f,--format", format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT")
      ->capture_default_str();
  add_output_options(app, output, what);
  add_data_options(app, data);
}

void add_input_syntax_option(CLI::App& app, std::string& format) {
  app.add_option("--input-format", format,
                 "Read the manifest as json or yaml whatever its name; auto: JSON for *.json, "
                 "YAML for *.yml/*.yaml, else by content")
      ->check(CLI::IsMember({"auto", "json", "yaml"}))
      ->type_name("FORMAT")
      ->capture_default_str();
}

InputSyntax input_syntax_of(const std::string& format, const std::string& path) {
  return resolve_syntax(parse_input_format(format).syntax, path);
}

void add_output_options(CLI::App& app, OutputOptions& opts, const std::string& what) {
  app.add_option("-o,--output", opts.file,
                 "Write " + what +
                     " to FILE (atomically) instead of standard output; '-' is "
                     "standard output")
      ->type_name("FILE");
  app.add_flag("--force", opts.force, "Replace FILE when it exists");
}

int run_with_output(const OutputOptions& opts, const std::vector<std::string>& inputs, Context& ctx,
                    const std::function<int(Context&)>& body) {
  if (opts.file.empty() || opts.file == "-") return body(ctx);
  refuse_output_over_input(opts.file, inputs, "-o");
  refuse_overwrite(opts.file, opts.force);
  std::ostringstream buffer;
  Context to_file{buffer, ctx.err, false, false, 0};
  int code = body(to_file);
  write_file_atomically(opts.file, buffer.view());
  return code;
}

namespace {

// The built-in framework as reports under the MOT profile show it: the
// MOF's classes under the MOT's labels. Made once from the tables, never
// destroyed (as builtin_framework()).
const Framework& builtin_framework_for_mot() {
  static const Framework& fw = *new Framework([] {
    Framework f = make_builtin_framework();
    for (ClassDef& c : f.classes) {
      const std::string& label = MotRules::builtin().label(c.level);
      if (!label.empty()) c.label = label;
    }
    return f;
  }());
  return fw;
}

}  // namespace

Knowledge load_knowledge(const DataOptions& opts, const ConfigValue* configured) {
  Knowledge k;
  if (!opts.profile.empty()) {
    k.profile = *parse_profile(opts.profile);
  } else if (configured) {
    auto p = parse_profile(configured->value);
    if (!p) throw Error(configured->where, "profile: '" + configured->value + "' is not a profile");
    k.profile = *p;
  }
  if (!opts.framework_file.empty()) {
    // A definition given with --framework keeps its own labels.
    k.own_framework = std::make_unique<Framework>(
        parse_framework(read_input(opts.framework_file), opts.framework_file));
    k.framework = k.own_framework.get();
  } else {
    k.framework = k.profile == Profile::mot ? &builtin_framework_for_mot() : &builtin_framework();
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
  ctx.width = terminal_width(out_is_terminal ? 80 : 0);
  CLI::App app{
      "mof-check: how open is an AI model release? Scores a model's component "
      "manifest against the Model Openness Framework (MOF) and prints its class.",
      "mof-check"};
  app.formatter(std::make_shared<HelpFormatter>(terminal_width(80)));
  app.set_version_flag("--version", version_text);
  app.footer(
      "Run 'mof-check FILE...' (same as 'mof-check check FILE...'), and 'mof-check help "
      "COMMAND' for a command's options and exit codes.\n\n" +
      exit_codes("  0    success\n  1    a gate failed (see the command's help)\n"));
  app.require_subcommand(0, 1);

  std::string color = "auto";
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  // Only the command that runs is made, with its options: making every
  // command and its options was most of the start-up left after the
  // built-in data. Help without a command, `help`, and `completions`
  // describe them all.
  static constexpr std::string_view kCommands[] = {"check", "components", "license",    "licenses",
                                                   "fix",   "init",       "scan",       "diff",
                                                   "badge", "help",       "completions"};
  const auto known = [](const std::string& word) {
    return std::find(std::begin(kCommands), std::end(kCommands), word) != std::end(kCommands);
  };
  const bool all = args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help" ||
                   args[0] == "completions";
  const auto wanted = [&](std::string_view name) {
    if (all) return true;
    if (args[0] == "--version") return false;
    return args[0] == name || (!known(args[0]) && name == "check");
  };
  auto add = [&](const char* name, const char* description, const std::string& exits) {
    // kCommands must name every command (help and completions make them all,
    // so a test run of either catches one left out).
    if (!known(name)) throw std::logic_error(std::string("command not in kCommands: ") + name);
    if (!wanted(name)) return static_cast<CLI::App*>(nullptr);
    CLI::App* sub = app.add_subcommand(name, description);
    sub->footer(exit_codes(exits));
    return sub;
  };
  CLI::App* check_cmd = add("check", "Evaluate manifests (the default command)",
                            "  0    evaluated; no error diagnostic, and every gate passed\n"
                            "  1    evaluated, but the gate failed: below --min-class, a --require "
                            "component not met, an error diagnostic (also a warning with --fail-on "
                            "warning), an expired waiver, or a --paths problem\n");
  CLI::App* components_cmd =
      add("components", "List the components of the definition", "  0    listed\n");
  CLI::App* license_cmd =
      add("license", "Explain a license id or SPDX expression",
          "  0    the license is open\n  1    the license is not open (or unknown)\n");
  CLI::App* licenses_cmd = add("licenses", "List the license knowledge base", "  0    listed\n");
  CLI::App* fix_cmd = add("fix", "Rewrite a manifest's licenses as canonical SPDX ids",
                          "  0    written (with --check: nothing to change)\n"
                          "  1    --check: the file would change\n");
  CLI::App* init_cmd = add("init", "Write a manifest template to fill in", "  0    written\n");
  CLI::App* scan_cmd = add("scan", "Draft a manifest from a model repository checkout",
                           "  0    drafted (whatever class the draft reaches)\n");
  CLI::App* diff_cmd =
      add("diff", "Compare two manifests: class and component changes",
          "  0    compared\n  1    --fail-on-downgrade, and the class went down\n");
  CLI::App* badge_cmd =
      add("badge", "Write an SVG badge of a manifest's class", "  0    written\n");
  std::string help_topic;
  CLI::App* help = nullptr;
  if (wanted("help")) {
    help = app.add_subcommand("help", "Show help for mof-check or for one command");
    help->add_option("command", help_topic, "The command to explain")->type_name("COMMAND");
  }
  CLI::App* completions_cmd =
      add("completions", "Print a shell completion script (bash, zsh or fish)", "  0    printed\n");

  auto set_up = [&](CLI::App* sub, auto&& setup, auto& opts) {
    if (sub == nullptr) return;
    add_color_option(*sub, color);
    setup(*sub, opts);
  };
  CheckOptions check;
  // An argument that is no option ('-' is standard input) sets none, so a
  // command line of files alone parses to the same CheckOptions without
  // them: making the check command's thirty options was most of what
  // `mof-check FILE` did besides reading and scoring the file.
  const bool any_option = std::any_of(
      args.begin(), args.end(), [](const std::string& a) { return a.size() > 1 && a[0] == '-'; });
  if (check_cmd != nullptr && !all && !any_option) {
    setup_check_files(*check_cmd, check);
  } else {
    set_up(check_cmd, setup_check, check);
  }
  ComponentsOptions components;
  set_up(components_cmd, setup_components, components);
  LicenseOptions license;
  set_up(license_cmd, setup_license, license);
  LicensesOptions licenses;
  set_up(licenses_cmd, setup_licenses, licenses);
  FixOptions fix;
  set_up(fix_cmd, setup_fix, fix);
  InitOptions init;
  set_up(init_cmd, setup_init, init);
  ScanOptions scan;
  set_up(scan_cmd, setup_scan, scan);
  DiffOptions diff;
  set_up(diff_cmd, setup_diff, diff);
  BadgeOptions badge;
  set_up(badge_cmd, setup_badge, badge);
  CompletionsOptions completions;
  set_up(completions_cmd, setup_completions, completions);

  // "mof-check FILE..." means "mof-check check FILE...", unless the first
  // word is a near miss of a command and names no file.
  if (!args.empty() && args[0] != "--help" && args[0] != "-h" && args[0] != "--version" &&
      !known(args[0])) {
    // (An existing file is looked for first: it is the common case, and
    // measuring a long path against every command costs more than the stat.)
    std::error_code ec;
    std::string near = args[0].rfind('-', 0) == 0 || std::filesystem::exists(args[0], ec)
                           ? std::string()
                           : nearest(args[0], {std::begin(kCommands), std::end(kCommands)});
    if (!near.empty()) {
      print_error(ctx, "'" + args[0] + "' is neither a command nor a file; did you mean '" + near +
                           "'? (run 'mof-check help')");
      return exit_invalid;
    }
    args.insert(args.begin(), "check");
  }
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them reversed

  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help, --version
      app.exit(e, out, err);
      out.flush();
      return stream_error(out) == 0 ? exit_ok : exit_invalid;
    }
    const CLI::App& command = chosen(app);
    std::string name = &command == &app ? "" : " " + command.get_name();
    err << "mof-check: error: " << e.what() << suggest_option(command, args)
        << " (run 'mof-check help" << name << "')\n";
    return exit_invalid;
  }
  ctx.color = use_color(color, out_is_terminal);

  int code = exit_invalid;
  try {
    const auto got = [](const CLI::App* sub) { return sub != nullptr && sub->parsed(); };
    if (got(help)) {
      // app.help() would describe the selected subcommand, 'help' itself.
      if (help_topic.empty()) {
        out << app.get_formatter()->make_help(&app, "mof-check", CLI::AppFormatMode::Normal);
        code = exit_ok;
      } else if (const CLI::App* sub = find_subcommand(app, help_topic)) {
        out << sub->help("mof-check");
        code = exit_ok;
      } else {
        std::string near = nearest(help_topic, subcommand_names(app));
        print_error(ctx, "help " + help_topic + ": no such command" +
                             (near.empty() ? "" : "; did you mean '" + near + "'?"));
        return exit_invalid;
      }
    } else if (got(components_cmd)) {
      code = run_components(components, ctx);
    } else if (got(license_cmd)) {
      code = run_license(license, ctx);
    } else if (got(licenses_cmd)) {
      code = run_licenses(licenses, ctx);
    } else if (got(fix_cmd)) {
      code = run_fix(fix, ctx);
    } else if (got(init_cmd)) {
      code = run_init(init, ctx);
    } else if (got(scan_cmd)) {
      code = run_scan(scan, ctx);
    } else if (got(diff_cmd)) {
      code = run_diff(diff, ctx);
    } else if (got(badge_cmd)) {
      code = run_badge(badge, ctx);
    } else if (got(completions_cmd)) {
      code = run_completions(completions, app, ctx);
    } else if (got(check_cmd)) {
      code = run_check(check, ctx);
    } else {
      err << app.help();
      return exit_invalid;
    }
  } catch (const Error& e) {
    print_error(ctx, with_flag_hint(e).what());
    code = exit_invalid;
  } catch (const std::exception& e) {
    print_error(ctx, std::string("internal error: ") + e.what());
    code = exit_invalid;
  }
  // Nothing printed may be lost: a failed write to standard output fails the run.
  out.flush();
  if (int failed = stream_error(out)) {
    if (failed == EPIPE) return exit_broken_pipe;
    print_error(ctx, stdout_error_text(failed));
    return exit_invalid;
  }
  return code;
}

}  // namespace mofcheck
