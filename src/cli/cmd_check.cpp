// SPDX-License-Identifier: Apache-2.0
// mof-check check FILE...: evaluate manifests and report.
// Three parts: the gate policy (from options), the reporters (where reports
// go), and the input loop (what is read). Each has its own function.
#include <algorithm>
#include <cstdlib>
#include <ostream>
#include <sstream>
#include <utility>
#include <vector>

#include <mofcheck/evaluate.hpp>
#include <mofcheck/gate.hpp>
#include <mofcheck/manifest.hpp>
#include <mofcheck/paths.hpp>
#include <mofcheck/report.hpp>
#include "cli/cli.hpp"

#include "cli/atomic_file.hpp"
#include "cli/batch_runner.hpp"
#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/input_limits.hpp"
#include "cli/output_guard.hpp"

namespace mofcheck {

namespace {

std::size_t resolve_component(const std::string& name, const SourceLocation& where,
                              const Framework& fw) {
  int i = fw.find_component(name);
  if (i < 0) {
    throw Error(where, (where.file.empty() ? "--require " : "require: ") + name +
                           ": the framework has no such component; run 'mof-check components' "
                           "for the names");
  }
  return static_cast<std::size_t>(i);
}

// The gate: the project configuration, overridden by the command line.
GatePolicy build_policy(const CheckOptions& opts, const Framework& fw, ProjectConfig config) {
  GatePolicy policy;
  if (!opts.min_class.empty()) {
    policy.min_class = parse_class_level(opts.min_class, fw);
    if (policy.min_class == 0) {
      throw Error({}, "--min-class " + opts.min_class + ": the framework defines no such class");
    }
  } else if (config.has_min_class) {
    policy.min_class = parse_class_level(config.min_class.value, fw);
    if (policy.min_class == 0) {
      throw Error(config.min_class.where,
                  "min-class: " + config.min_class.value + ": the framework defines no such class");
    }
  }
  policy.strict = opts.strict != 0 ? opts.strict > 0 : config.has_strict && config.strict;
  if (!opts.require.empty()) {
    for (const auto& name : opts.require) policy.require.push_back(resolve_component(name, {}, fw));
  } else {
    for (const auto& r : config.require) {
      policy.require.push_back(resolve_component(r.value, r.where, fw));
    }
  }
  policy.waivers = std::move(config.waivers);
  policy.today = waiver_today();
  return policy;
}

// One report written to a file when the run ends.
struct FileOutput {
  std::string path;
  std::unique_ptr<Reporter> reporter;
  std::ostringstream buffer;
};

// Where reports go: the main format to standard output, each --output to its file.
struct Outputs {
  std::unique_ptr<Reporter> main;
  std::vector<FileOutput> files;

  void add(const Evaluation& ev, const GateResult& gate, std::ostream& out) {
    main->add(ev, gate, out);
    for (auto& f : files) f.reporter->add(ev, gate, f.buffer);
  }
  void add_error(const Error& e, std::ostream& out) {
    main->add_error(e, out);
    for (auto& f : files) f.reporter->add_error(e, f.buffer);
  }
  // Files are written whole and atomically, only once every input is done.
  void finish(std::ostream& out) {
    main->finish(out);
    for (auto& f : files) {
      f.reporter->finish(f.buffer);
      write_file_atomically(f.path, f.buffer.view());
    }
  }
};

// "FORMAT=PATH" split at the first '='; the format is empty when the text is malformed.
std::pair<std::string, std::string> split_output(const std::string& spec) {
  auto eq = spec.find('=');
  if (eq == std::string::npos || eq + 1 == spec.size()) return {};
  return {spec.substr(0, eq), spec.substr(eq + 1)};
}

Outputs build_outputs(const CheckOptions& opts, const Context& ctx, const Framework& fw,
                      Profile profile) {
  ReportOptions ropts;
  ropts.framework = &fw;
  ropts.profile = profile;
  ropts.summary_only = opts.summary_only;
  const char* no_color = std::getenv("NO_COLOR");
  bool no_color_set = no_color != nullptr && *no_color != '\0';
  ropts.color =
      opts.color == "always" || (opts.color == "auto" && ctx.out_is_terminal && !no_color_set);
  Outputs outputs;
  outputs.main = make_reporter(opts.format, ropts);
  for (const auto& spec : opts.outputs) {
    auto [format, path] = split_output(spec);
    for (const auto& f : outputs.files) {
      if (f.path == path) throw Error({}, "--output " + spec + ": " + path + " is named twice");
    }
    refuse_output_over_input(path, opts.inputs, "--output");
    FileOutput f;
    f.path = path;
    ReportOptions file_opts;
    file_opts.profile = profile;
    f.reporter = make_reporter(format, file_opts);
    if (!f.reporter) throw Error({}, "--output " + spec + ": unknown format '" + format + "'");
    outputs.files.push_back(std::move(f));
  }
  return outputs;
}

}  // namespace

// The input loop: which inputs, how they split into records, how many
// threads, when to stop.
namespace {

void add_input_options(CLI::App& app, CheckOptions& opts) {
  app.add_option("--exclude", opts.excludes,
                 "Skip files and folders matching this glob when searching a directory "
                 "(repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  app.add_option("--input-format", opts.input_format,
                 "How an input holds manifests: auto (one, unless it holds several JSON values "
                 "or YAML documents), single, ndjson, json-stream, yaml-stream")
      ->check(CLI::IsMember(stream_format_names()))
      ->capture_default_str();
  app.add_option("-j,--jobs", opts.jobs, "Inputs read at once (default: the number of cores)")
      ->check(CLI::Range(1u, 1024u))
      ->type_name("N");
  app.add_flag("--fail-fast", opts.fail_fast,
               "Stop at the first input that is invalid or fails the gate");
  app.add_flag("--summary-only", opts.summary_only,
               "Text: print only the summary (counts per class, table of models)");
}

}  // namespace

void setup_check(CLI::App& app, CheckOptions& opts) {
  app.add_option("files", opts.inputs, "Manifests (JSON or YAML); '-' reads standard input")
      ->required()
      ->type_name("FILE");
  app.add_option("-f,--format", opts.format, "Report format")
      ->check(CLI::IsMember(report_formats()))
      ->capture_default_str();
  app.add_option("--min-class", opts.min_class,
                 "Fail (exit 1) when the verdict is below this class: I, II, III (or 1, 2, 3)")
      ->check(CLI::IsMember({"I", "II", "III", "1", "2", "3", "i", "ii", "iii"}))
      ->type_name("CLASS");
  app.add_flag("--strict,!--no-strict", opts.strict,
               "Warnings (unsuited license, unknown or duplicate component, non-canonical id) "
               "fail the gate too, unless waived");
  app.add_option("--require", opts.require,
                 "Fail (exit 1) unless this component is met, whatever the class (repeatable)")
      ->type_name("COMPONENT")
      ->allow_extra_args(false);
  app.add_option("--config", opts.config,
                 "Project configuration (gate settings, waivers); default ./.mof-check.yaml")
      ->type_name("FILE");
  app.add_option("--output", opts.outputs,
                 "Also write a report in FORMAT to PATH when the run ends (repeatable)")
      ->type_name("FORMAT=PATH")
      ->allow_extra_args(false)
      ->check(
          [](const std::string& spec) -> std::string {
            auto [format, path] = split_output(spec);
            if (format.empty()) return "write FORMAT=PATH, e.g. sarif=mof.sarif";
            const auto& known = report_formats();
            if (std::find(known.begin(), known.end(), format) == known.end()) {
              std::string names;
              for (const auto& n : known) names += (names.empty() ? "" : ", ") + n;
              return "unknown format '" + format + "' (known: " + names + ")";
            }
            return {};
          },
          "FORMAT=PATH");
  app.add_option("--color", opts.color,
                 "Colour text output: auto (terminal, unless NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_option("--paths", opts.paths_root,
                 "Verify that every local component_path and license_path exists under ROOT "
                 "(a missing or escaping path fails the gate; URLs are listed, never fetched)")
      ->type_name("ROOT");
  add_data_options(app, opts.data);
  add_limit_options(app, opts.limits);
  add_input_options(app, opts);
}

int run_check(const CheckOptions& opts, Context& ctx) {
  ProjectConfig config = load_project_config(opts.config);
  Knowledge k = load_knowledge(opts.data, config.has_profile ? &config.profile : nullptr);
  GatePolicy policy = build_policy(opts, *k.framework, std::move(config));
  if (opts.summary_only && opts.format != "text") {
    throw Error({}, "--summary-only goes with --format text");
  }
  Outputs outputs = build_outputs(opts, ctx, *k.framework, k.profile);

  BatchSettings settings;
  settings.framework = k.framework;
  settings.licenses = k.licenses;
  settings.profile = k.profile;
  settings.policy = &policy;
  settings.format = parse_stream_format(opts.input_format);
  settings.limits = opts.limits;
  settings.jobs = opts.jobs > 0 ? opts.jobs : default_jobs();
  settings.paths_root = opts.paths_root;
  if (!opts.paths_root.empty()) check_paths(Manifest{}, opts.paths_root);  // ROOT must be a folder

  int worst = exit_ok;
  run_batch(expand_inputs(opts.inputs, opts.excludes), settings, [&](Outcome& o) {
    if (o.error) {
      print_error(ctx, o.error->what());
      outputs.add_error(*o.error, ctx.out);
      worst = exit_invalid;
    } else {
      outputs.add(*o.evaluation, o.gate, ctx.out);
      if (!o.gate.passed) worst = std::max(worst, static_cast<int>(exit_gate_failed));
    }
    return !(opts.fail_fast && worst != exit_ok);
  });
  outputs.finish(ctx.out);
  ctx.out.flush();
  return worst;
}

}  // namespace mofcheck
