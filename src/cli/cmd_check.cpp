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
#include "report/json_report.hpp"

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
ProjectConfig load_check_config(const CheckOptions& opts) {
  if (opts.no_config && !opts.config.empty()) {
    throw Error({}, "--no-config and --config " + opts.config + " contradict each other");
  }
  return opts.no_config ? ProjectConfig{} : load_project_config(opts.config);
}

GatePolicy build_policy(const CheckOptions& opts, const Framework& fw, Context& ctx,
                        const ProjectConfig& config) {
  check_waivers(config, fw);
  if (!config.origin.empty()) {
    ctx.err << "mof-check: note: applying the configuration in " << terminal_safe(config.origin)
            << (opts.config.empty() ? " (--no-config ignores it)" : "") << '\n';
  }
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
  if (!opts.fail_on.empty()) {
    policy.fail_on = opts.fail_on == "warning" ? Severity::warning : Severity::error;
  } else if (config.has_fail_on) {
    policy.fail_on = config.fail_on;
  }
  policy.strict_label = "--fail-on warning";
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
  std::string_view pending;  // reports kept by add_rendered()

  void add(const Evaluation& ev, const GateResult& gate, std::ostream& out) {
    flush(out);
    main->add(ev, gate, out);
    for (auto& f : files) f.reporter->add(ev, gate, f.buffer);
  }
  // add(), the main report already written on a scoring thread; `ev` may
  // be null when there are no files. Reports that follow one another in
  // their batch's text are kept and handed to the main reporter as one text
  // by flush(): a batch of jsonl lines (hundreds of kB) then goes to
  // write(2) straight from the batch instead of being copied into the
  // output buffer line by line.
  void add_rendered(const Evaluation* ev, const GateResult& gate, std::string_view report,
                    std::ostream& out) {
    if (!pending.empty() && pending.data() + pending.size() == report.data()) {
      pending = std::string_view(pending.data(), pending.size() + report.size());
    } else {
      flush(out);
      pending = report;
    }
    for (auto& f : files) f.reporter->add(*ev, gate, f.buffer);
  }
  // Writes the reports add_rendered() kept; before the batch's text goes.
  void flush(std::ostream& out) {
    if (!pending.empty()) main->add_line(pending, out);
    pending = {};
  }
  // The caller has flushed before printing the error's message, so that the
  // reports before it reach standard output first.
  void add_error(const Error& e, std::ostream& out) {
    main->add_error(e, out);
    for (auto& f : files) f.reporter->add_error(e, f.buffer);
  }
  // Files are written whole and atomically, only once every input is done.
  void finish(std::ostream& out) {
    flush(out);
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
  ropts.color = ctx.color;
  ropts.width = ctx.width;
  Outputs outputs;
  outputs.main = make_reporter(opts.format, ropts);
  for (const auto& spec : opts.outputs) {
    auto [format, path] = split_output(spec);
    for (const auto& f : outputs.files) {
      if (f.path == path) throw Error({}, "--output " + spec + ": " + path + " is named twice");
    }
    if (path == opts.main_output.file) {
      throw Error({}, "--output " + spec + ": " + path + " is named twice (also by -o)");
    }
    refuse_output_over_input(path, opts.inputs, "--output");
    refuse_overwrite(path, opts.main_output.force, "--output");
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
                 "How inputs are read: auto (JSON for *.json, YAML for *.yml/*.yaml, else by "
                 "content; one manifest, unless it holds several JSON values or YAML "
                 "documents), json or yaml (that syntax whatever the name), single, ndjson, "
                 "json-stream, yaml-stream")
      ->check(CLI::IsMember(input_format_names()))
      ->type_name("FORMAT")
      ->capture_default_str();
  app.add_option("-j,--jobs", opts.jobs,
                 "Threads scoring inputs and the records of a stream (default: the number of "
                 "cores)")
      ->check(CLI::Range(1u, 1024u))
      ->type_name("N");
  app.add_flag("--fail-fast", opts.fail_fast,
               "Stop at the first input that is invalid or fails the gate");
  app.add_flag("--summary-only", opts.summary_only,
               "Text: print only the summary (counts per class, table of models)");
}

}  // namespace

void setup_check_files(CLI::App& app, CheckOptions& opts) {
  app.add_option("files", opts.inputs, "Manifests (JSON or YAML); '-' reads standard input")
      ->required()
      ->type_name("FILE");
}

void setup_check(CLI::App& app, CheckOptions& opts) {
  setup_check_files(app, opts);
  std::string formats;
  for (const auto& n : report_formats()) formats += (formats.empty() ? "" : ", ") + n;
  app.add_option("-f,--format", opts.format, "Report format: " + formats)
      ->check(CLI::IsMember(report_formats()))
      ->type_name("FORMAT")
      ->capture_default_str();
  app.add_option("-o", opts.main_output.file,
                 "Write the report (in --format) to FILE (atomically) instead of standard "
                 "output; '-' is standard output")
      ->type_name("FILE");
  app.add_flag("--force", opts.main_output.force,
               "Replace the -o and --output files when they exist");
  app.add_option("--min-class", opts.min_class,
                 "Fail (exit 1) when the verdict is below this class of the framework: "
                 "I, II, III (or 1, 2, 3) for the MOF")
      ->type_name("CLASS");
  app.add_option("--fail-on", opts.fail_on,
                 "Lowest diagnostic severity that fails the gate (exit 1), unless waived: error "
                 "(default) or warning")
      ->check(CLI::IsMember({"error", "warning"}))
      ->type_name("LEVEL");
  app.add_flag_callback(
      "--strict", [&opts] { opts.fail_on = "warning"; }, "The same as --fail-on warning");
  app.add_option("--require", opts.require,
                 "Fail (exit 1) unless this component is met, whatever the class (repeatable)")
      ->type_name("COMPONENT")
      ->allow_extra_args(false);
  app.add_option("--config", opts.config,
                 "Project configuration (gate settings, waivers); default ./.mof-check.yaml")
      ->type_name("FILE");
  app.add_flag("--no-config", opts.no_config,
               "Use no configuration file, not even ./.mof-check.yaml");
  app.add_option("--output", opts.outputs,
                 "Also write a report in FORMAT to PATH when the run ends (repeatable; e.g. "
                 "sarif=mof.sarif)")
      ->type_name("FORMAT=PATH")
      ->allow_extra_args(false)
      ->check(
          [](const std::string& spec) -> std::string {
            auto [format, path] = split_output(spec);
            if (format.empty()) {
              return "write FORMAT=PATH, e.g. sarif=mof.sarif (-o FILE writes the --format "
                     "report to FILE)";
            }
            const auto& known = report_formats();
            if (std::find(known.begin(), known.end(), format) == known.end()) {
              std::string names;
              for (const auto& n : known) names += (names.empty() ? "" : ", ") + n;
              return "unknown format '" + format + "' (known: " + names + ")";
            }
            return {};
          },
          "FORMAT=PATH");
  app.add_option("--paths", opts.paths_root,
                 "Verify that every local component_path and license_path exists under ROOT "
                 "(a missing or escaping path fails the gate; URLs are listed, never fetched)")
      ->type_name("ROOT");
  app.add_flag("--verify-licenses", opts.verify_licenses,
               "With --paths: identify each local license file and compare it with the claimed "
               "license (a different license or added terms under an open claim fail the gate)")
      ->needs("--paths");
  add_data_options(app, opts.data);
  add_limit_options(app, opts.limits);
  add_input_options(app, opts);
}

namespace {

int check_inputs(const CheckOptions& opts, Context& ctx) {
  ProjectConfig config = load_check_config(opts);
  Knowledge k = load_knowledge(opts.data, config.has_profile ? &config.profile : nullptr);
  GatePolicy policy = build_policy(opts, *k.framework, ctx, config);
  if (opts.summary_only && opts.format != "text" && opts.format != "json") {
    throw Error({}, "--summary-only goes with --format text or json");
  }
  Outputs outputs = build_outputs(opts, ctx, *k.framework, k.profile);

  BatchSettings settings;
  settings.framework = k.framework;
  settings.licenses = k.licenses;
  settings.profile = k.profile;
  settings.policy = &policy;
  settings.format = parse_input_format(opts.input_format);
  settings.limits = opts.limits;
  settings.jobs = opts.jobs;  // 0: one per core
  settings.paths_root = opts.paths_root;
  settings.verify_licenses = opts.verify_licenses;
  if (!opts.paths_root.empty()) check_paths(Manifest{}, opts.paths_root);  // ROOT must be a folder
  // A csv row prints the verdicts only; the gate decides on them alone.
  if (opts.format == "csv" && outputs.files.empty()) settings.detail = EvaluationDetail::verdict;

  // A format whose line depends on its own record only (jsonl, csv): with
  // several jobs the scoring threads write the lines (the reporter's own
  // line writer, one per thread), and this thread only copies them out (the
  // same bytes; the tests compare). The evaluations then never leave the
  // thread that made them: this thread reading them made the next record's
  // writes over them wait on the other core.
  if (settings.jobs != 1 && outputs.main->line_writer()) {
    // Without --output files the sink needs only the line and the gate.
    settings.report_only = outputs.files.empty();
    const Reporter* main = outputs.main.get();
    settings.batch_done = [&outputs, &ctx] { outputs.flush(ctx.out); };
    settings.make_renderer = [main]() -> Renderer {
      return [write = main->line_writer()](std::string& room, const Outcome& o) {
        return o.evaluation ? write(room, *o.evaluation, o.gate) : std::size_t{0};
      };
    };
  }

  int worst = exit_ok;
  run_batch(expand_inputs(opts.inputs, opts.excludes), settings, [&](Outcome& o) {
    if (o.error) {
      outputs.flush(ctx.out);  // the reports before it go first
      print_error(ctx, o.error->what());
      outputs.add_error(*o.error, ctx.out);
      worst = exit_invalid;
    } else {
      if (!o.report.empty()) {
        outputs.add_rendered(o.evaluation ? &*o.evaluation : nullptr, o.gate, o.report, ctx.out);
      } else {
        outputs.add(*o.evaluation, o.gate, ctx.out);
      }
      if (!o.gate.passed) worst = std::max(worst, static_cast<int>(exit_gate_failed));
    }
    // A failed write to standard output (a full disk, a closed pipe) ends the batch.
    return !(opts.fail_fast && worst != exit_ok) && ctx.out.good();
  });
  outputs.finish(ctx.out);
  return worst;
}

}  // namespace

int run_check(const CheckOptions& opts, Context& ctx) {
  return run_with_output(opts.main_output, opts.inputs, ctx,
                         [&](Context& c) { return check_inputs(opts, c); });
}

}  // namespace mofcheck
